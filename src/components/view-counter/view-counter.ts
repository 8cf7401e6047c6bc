import { html, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { chunk } from '../../internal/lazy.js';
import type { Article } from '../../feed/model.js';
import { findArticle, toArticle } from '../../feed/convert.js';
import { toCount } from '../../feed/values.js';
import { formatDate } from '../../format/dates.js';
import { messageLocale } from '../../format/messages.js';
import { formatCount, type Notation } from '../../format/numbers.js';
import { CivicFeedElement } from '../shared/civic-feed-element.js';
import { keepFocus } from '../shared/states.js';
import { runtime } from '../shared/runtime.js';
import { viewCounterStyles } from './view-counter.styles.js';

// The live client is lazy (in the `extras` chunk): only counters with an `endpoint` need it.
const loadClient = chunk(() => import('../../counter/client.js'), runtime);

/** The live endpoint's side of the counter, for one endpoint, item and `hit`. */
interface LiveState {
  /** `endpoint`, id and `hit` this state belongs to. */
  key: string;
  /** The item the number is for: an earlier answer survives a failed refresh of the same item. */
  id: string;
  /** The last valid answer. */
  views?: number;
  /** A request is under way. */
  pending: boolean;
}

/**
 * One view count, inline in a line of text: "Lượt xem: 2.007" (`vi`), "Views: 2,007"
 * (`en`).
 *
 * The number comes from, first match wins:
 * 1. the live `endpoint`, once it has answered (`GET {endpoint}?id=…`; with `hit`, a
 *    `POST` once per browser session that records the view and answers the new count);
 * 2. the `count` attribute;
 * 3. the `.item` property (a JSON Feed item or an `Article`);
 * 4. the feed (`.feed`, own `src`, or the nearest `<civic-feed>`): the item named by
 *    `item-id`, or the feed's first item when there is no `item-id` (like the card).
 * While the endpoint is asked, whatever 2–4 know is shown, so the number never blinks.
 *
 * Privacy: the endpoint gets no cookie and no Referer, only the item id; with Do Not
 * Track or Global Privacy Control on, nothing is recorded (`GET` only). A failing
 * endpoint logs one `console.warn` (what went wrong, and the URL) and leaves the last
 * known number, or the light-DOM fallback, in place.
 *
 * States: loading (a bar the width of the number), empty (nothing but the fallback),
 * error (the feed failed and no number is known: a short message, "Thử lại" and the
 * fallback), stale (a number from a remembered copy of the feed; its tooltip says from
 * when), and loaded. The number is a `<data value>` for machines; in compact notation
 * screen readers hear the exact number.
 *
 * @summary One view count: "Lượt xem: 2.007", from an attribute, a feed or a live endpoint.
 * @fires civic-feed-load - When the counter's own `src` has loaded (`{ url, feed, warnings }`).
 * @fires civic-feed-error - When the counter's own `src` failed (`{ url, error }`).
 * @slot - No-JavaScript fallback (for example the server-rendered count); shown when there is no count to show.
 * @csspart label - The label, "Lượt xem:".
 * @csspart count - The `<data>` element holding the number.
 * @csspart status - The loading bar, and the message of the error state.
 * @csspart retry - The "Thử lại" button of the error state.
 * @cssproperty --civic-view-counter-label-color - Colour of the label (default: inherited).
 * @cssproperty --civic-view-counter-count-color - Colour of the number (default: inherited).
 * @cssproperty --civic-view-counter-count-weight - Font weight of the number (default: inherited).
 * @cssproperty --civic-view-counter-min-width - Width kept for the number, also while loading (default: 5ch).
 */
export class CivicViewCounter extends CivicFeedElement {
  static override styles = viewCounterStyles;

  static override properties: PropertyDeclarations = {
    itemId: { attribute: 'item-id', reflect: true },
    count: { converter: { fromAttribute: readCount } },
    item: { attribute: false },
    endpoint: {},
    hit: { type: Boolean, reflect: true },
    notation: { reflect: true },
    hideLabel: { type: Boolean, attribute: 'hide-label', reflect: true },
    live: { state: true, attribute: false },
  };

  /** Which feed item's `_civic.views` to show, and the id sent to `endpoint`; default: the first item. */
  declare itemId?: string;

  /** A count to show directly, with no feed: a non-negative whole number such as `2007`. */
  declare count?: number;

  /** The item itself: a JSON Feed item object or an `Article` from `loadFeed`; wins over the feed. */
  declare item?: unknown;

  /** Live mode: a URL answering `GET {endpoint}?id={item-id}` with `{"id":"…","views":N}`. */
  declare endpoint?: string;

  /** Record this view first: `POST {endpoint}` with `{"id":"…"}`, once per browser session, never under DNT/GPC. */
  hit = false;

  /** `standard` (2.007) or `compact` (15 N). */
  notation: Notation = 'standard';

  /** Hide the label visually; screen readers still hear "Lượt xem: 2.007". */
  hideLabel = false;

  declare private live?: LiveState;

  /** The `.item` value last normalised, and what it gave. */
  #itemSeen: unknown;
  #itemArticle?: Article;
  /** The request whose answer is still wanted; cleared when the element leaves the page. */
  #liveWanted?: string;
  /** Warnings already given, so a re-render never repeats one. */
  readonly #warned = new Set<string>();

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page: ask the endpoint again on the next update.
    if (this.live && this.#liveWanted === undefined) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#liveWanted = undefined;
  }

  /** The number shown now, or undefined when there is none. */
  get views(): number | undefined {
    return this.#known()?.views;
  }

  /**
   * Ask the endpoint again for the current count (a `GET`: a view already recorded in
   * this session is not recorded twice). Resolves when the answer is on screen; never
   * rejects (a failure keeps the last number and is logged).
   */
  async refresh(): Promise<void> {
    const request = this.#liveRequest();
    if (request) await this.#askEndpoint(request.key, request.id, true);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('count') && this.count !== undefined && toCount(this.count) === undefined) {
      // Quote what the page wrote ("2.007"), not what it became (NaN).
      const attr = this.getAttribute('count');
      const raw =
        attr !== null && Object.is(readCount(attr), this.count) ? attr : String(this.count);
      this.#warnOnce(
        `count ${raw}`,
        `count="${raw}" is not a non-negative whole number such as 2007; ignoring it`,
      );
    }
    if (this.item !== this.#itemSeen) {
      this.#itemSeen = this.item;
      this.#itemArticle = this.#hasItem ? safeArticle(this.item) : undefined;
      if (this.#hasItem && !this.#itemArticle)
        console.warn(
          'civic-view-counter: .item is neither a JSON Feed item nor an Article; ignoring it',
        );
    }
  }

  // Runs after the feed source has settled for this update (controllers run between
  // willUpdate and update) and before render, so the endpoint is asked as soon as the
  // item's id is known, and the loading bar shows in the same frame.
  protected override update(changed: PropertyValues): void {
    const request = this.#liveRequest();
    if (!request) {
      this.live = undefined;
      this.#liveWanted = undefined;
    } else if (request.key !== this.#liveWanted) {
      void this.#askEndpoint(request.key, request.id, false);
    }
    super.update(changed);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const { status, feed } = this.source.state;
    if (this.itemId && !this.#hasItem && (status === 'ready' || status === 'stale') && feed) {
      if (!findArticle(feed.items, this.itemId)) {
        this.#warnOnce(
          `missing ${feed.url ?? ''} ${this.itemId}`,
          `no item with id "${this.itemId}" in the feed${feed.url ? ` ${feed.url}` : ''}`,
        );
      }
    }
  }

  override render(): TemplateResult {
    const m = this.messages;
    const known = this.#known();
    const { status } = this.source.state;
    const label = html`<span part="label" class="label ${this.hideLabel ? 'visually-hidden' : ''}"
      >${m.labelled(m.views)}</span
    >`;
    if (known) return html`${label} ${this.#renderCount(known.views, known.fromFeed)}`;
    if (this.live?.pending || (this.#usesFeed && status === 'loading')) {
      return html`${label}
        <span class="pending" part="status" role="status"
          ><span class="visually-hidden">${m.loading}</span></span
        >`;
    }
    if (this.#usesFeed && status === 'error') {
      return html`<span class="unavailable" part="status">${m.viewsUnavailable}</span
        ><button type="button" class="retry" part="retry" @click=${this.#retry}>${m.retry}</button>
        <slot></slot>`;
    }
    return html`<slot></slot>`;
  }

  #renderCount(views: number, fromFeed: boolean): TemplateResult {
    const tag = this.#numberLocale;
    const exact = formatCount(views, tag);
    const shown = this.notation === 'compact' ? formatCount(views, tag, 'compact') : exact;
    const { state } = this.source;
    const fetchedAt = fromFeed && state.status === 'stale' ? state.fetchedAt : undefined;
    const asOf =
      fetchedAt &&
      this.messages.viewsAsOf(
        formatDate(fetchedAt, this.zoneFor(state.feed?.timeZone), this.localeTag),
      );
    // "15 N" read aloud says little: screen readers get the exact number instead.
    return html`<data
      part="count"
      class="count ${fetchedAt ? 'stale' : ''}"
      value=${views}
      title=${ifDefined(asOf)}
      >${
        shown === exact
          ? exact
          : html`<span aria-hidden="true">${shown}</span
              ><span class="visually-hidden">${exact}</span>`
      }</data
    >`;
  }

  /** The number to show, and whether the feed gave it, by the precedence in the class doc. */
  #known(): { views: number; fromFeed: boolean } | undefined {
    const views = this.live?.views ?? toCount(this.count) ?? this.#article()?.views;
    return views === undefined
      ? undefined
      : { views, fromFeed: this.#usesFeed && this.live?.views === undefined };
  }

  get #hasItem(): boolean {
    return this.item != null;
  }

  /** True when the feed's state decides what shows: no `count` and no `.item` to go by. */
  get #usesFeed(): boolean {
    return toCount(this.count) === undefined && !this.#hasItem;
  }

  /** `.item`, else the feed's item named by `item-id`, else the feed's first item. */
  #article(): Article | undefined {
    if (this.#hasItem) return this.#itemArticle;
    const items = this.source.state.feed?.items;
    if (!items) return undefined;
    return findArticle(items, this.itemId);
  }

  /** The request the endpoint should answer now, or undefined when there is no endpoint or no id yet. */
  #liveRequest(): { key: string; id: string } | undefined {
    const endpoint = this.endpoint?.trim();
    if (!endpoint) return undefined;
    const id = this.itemId || this.#article()?.id;
    if (!id) return undefined;
    return { key: JSON.stringify([endpoint, id, this.hit]), id };
  }

  async #askEndpoint(key: string, id: string, refresh: boolean): Promise<void> {
    this.#liveWanted = key;
    const keep = this.live && this.live.id === id ? this.live.views : undefined;
    this.live = { key, id, views: keep, pending: true };
    const [endpoint] = JSON.parse(key) as [string];
    try {
      const { loadCount } = await loadClient();
      if (this.#liveWanted !== key) return;
      // After the first answer, a refresh only reads: a view is recorded once.
      const answer = await loadCount({ endpoint, id, hit: this.hit && !refresh });
      if (this.#liveWanted !== key) return;
      this.live = { key, id, views: answer.views, pending: false };
    } catch (error) {
      if (this.#liveWanted !== key) return;
      // A CounterError says what and where; a chunk that failed to load says so too.
      const what = error instanceof Error ? error.message : String(error);
      const kept = this.live?.views ?? this.#known()?.views;
      console.warn(
        `civic-view-counter: ${what}; ${kept !== undefined ? `keeping the last known count (${kept})` : 'showing the fallback content'}`,
      );
      this.live = { key, id, views: this.live?.views, pending: false };
    }
  }

  /** Numbers speak the language of the label: a tag with no message table of its own prints like the fallback. */
  get #numberLocale(): string {
    const tag = this.localeTag;
    const table = messageLocale(tag);
    return tag.toLowerCase().split('-')[0] === table.toLowerCase().split('-')[0] ? tag : table;
  }

  #warnOnce(key: string, message: string): void {
    if (this.#warned.has(key)) return;
    this.#warned.add(key);
    console.warn(`civic-view-counter: ${message}`);
  }

  #retry(e: Event): void {
    keepFocus(e);
    this.source.state.retry();
    void this.refresh();
  }
}

/** `count="2007"` → 2007; anything else (empty, `2.007`, `-1`, `abc`) → NaN, which is then ignored with a warning. */
function readCount(value: string | null): number | undefined {
  return value === null ? undefined : (toCount(value) ?? NaN);
}

function safeArticle(value: unknown): Article | undefined {
  try {
    return toArticle(value);
  } catch {
    return undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-view-counter': CivicViewCounter;
  }
}

import type { JsonFeedItem } from '../../feed/json-feed.js';
import type { Article } from '../../feed/model.js';
import { html, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { toCount } from '../../feed/values.js';
import { formatDate } from '../../format/dates.js';
import { formatCount, type Notation } from '../../format/numbers.js';
import { ArticleSource } from '../shared/article-source.js';
import { CivicFeedElement } from '../shared/civic-feed-element.js';
import { keepFocus } from '../shared/states.js';
import type { LiveArgs, LiveCount } from './live-count.js';
import { chunk } from '../../internal/lazy.js';
import { runtime } from '../shared/runtime.js';

// The live count and its client are lazy (the `extras` chunk): only counters with an
// `endpoint` need them. When the chunk could not load (`liveChunk.failed`, lazy.ts said so on
// the console), the counter shows what it knows without the endpoint.
const liveChunk = chunk(() => import('./live-count.js'), runtime);
import { viewCounterStyles } from './view-counter.styles.js';
import { warn } from '../../internal/warn.js';

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
  };

  /** Which feed item's `_civic.views` to show, and the id sent to `endpoint`; default: the first item. */
  declare itemId?: string;

  /** A count to show directly, with no feed: a non-negative whole number such as `2007`. */
  declare count?: number;

  /** The item itself: a JSON Feed item object or an `Article` from `loadFeed`; wins over the feed. */
  declare item?: JsonFeedItem | Article | null;

  /** Live mode: a URL answering `GET {endpoint}?id={item-id}` with `{"id":"…","views":N}`. */
  declare endpoint?: string;

  /** Record this view first: `POST {endpoint}` with `{"id":"…"}`, once per browser session, never under DNT/GPC. */
  hit = false;

  /** `standard` (2.007) or `compact` (15 N). */
  notation: Notation = 'standard';

  /** Hide the label visually; screen readers still hear "Lượt xem: 2.007". */
  hideLabel = false;

  /** `.item`, else the feed's item named by `item-id`, else its first. */
  readonly #articles = new ArticleSource(this, this.source);
  /** The endpoint's answer, once the live chunk is in; added after the sources, so it asks once the item's id is known. */
  #live?: LiveCount;
  /** What to ask the endpoint now, or undefined when there is no endpoint or no id yet. */
  readonly #liveArgs = (): LiveArgs | undefined => {
    const endpoint = this.endpoint?.trim();
    const id = endpoint && (this.itemId || this.#articles.article?.id);
    return id ? [endpoint, id, this.hit] : undefined;
  };
  /**
   * Adds the live count once the endpoint has something to ask and the chunk is in. A
   * controller of its own, added after the article source, so the feed's item id is
   * known when it runs; the live count asks in this same update.
   */
  readonly #liveStarter = {
    hostUpdate: (): void => {
      if (this.#live || !this.#liveArgs()) return;
      const ready = liveChunk.ready;
      if (ready) {
        this.#live = new ready.LiveCount(this, this.#liveArgs, () => this.#given);
        this.#live.hostUpdate();
      } else if (!liveChunk.failed) liveChunk().then(this.redraw, this.redraw);
    },
  };
  /** Asking, or about to (the live chunk is on its way). */
  get #livePending(): boolean {
    return this.#live?.pending ?? (!liveChunk.failed && !!this.#liveArgs());
  }

  constructor() {
    super();
    // After the feed and article sources (field initializers, run before this body).
    this.addController(this.#liveStarter);
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
    if (!this.#live) {
      // The live chunk is on its way: its first answer is the fresh count.
      await liveChunk().catch(() => undefined);
      await this.updateComplete;
      return;
    }
    return this.#live.run(true);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('count') && this.count !== undefined && toCount(this.count) === undefined) {
      // Quote what the page wrote ("2.007"), not what it became (NaN).
      const attr = this.getAttribute('count');
      const raw =
        attr !== null && Object.is(readCount(attr), this.count) ? attr : String(this.count);
      warn('count', raw);
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const { status, feed } = this.source.state;
    if (
      this.itemId &&
      !this.#articles.fromItem &&
      (status === 'ready' || status === 'stale') &&
      feed
    ) {
      if (!this.#articles.article) {
        warn('noItem', this.itemId, feed.url ?? '');
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
    if (this.#livePending || (this.#usesFeed && status === 'loading')) {
      return html`${label}
        <span class="pending" part="status" role="status"
          ><span class="visually-hidden">${m.loading}</span></span
        >`;
    }
    if (this.#usesFeed && status === 'error') {
      // An alert, as the card's error is: it is said when it appears (the loading state's
      // status region is gone by then, so a polite one would be silent).
      return html`<span class="unavailable" part="status" role="alert">${m.viewsUnavailable}</span
        ><button type="button" class="retry" part="retry" @click=${this.#retry}>${m.retry}</button>
        <slot></slot>`;
    }
    return html`<slot></slot>`;
  }

  #renderCount(views: number, fromFeed: boolean): TemplateResult {
    const tag = this.localeTag;
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
    const live = this.#live?.views;
    const views = live ?? this.#given;
    return views === undefined
      ? undefined
      : { views, fromFeed: this.#usesFeed && live === undefined };
  }

  /** The number without the endpoint: `count`, else the article's. */
  get #given(): number | undefined {
    return toCount(this.count) ?? this.#articles.article?.views;
  }

  /** True when the feed's state decides what shows: no `count` and no `.item` to go by. */
  get #usesFeed(): boolean {
    return toCount(this.count) === undefined && !this.#articles.fromItem;
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

declare global {
  interface HTMLElementTagNameMap {
    'civic-view-counter': CivicViewCounter;
  }
}

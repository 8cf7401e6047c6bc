import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import type { Article, Feed } from '../../feed/model.js';
import { chunk } from '../../internal/lazy.js';
import { formatDate, formatRelative, isoInstant, type DateStyle } from '../../format/dates.js';
import { messagesVersion, type Messages } from '../../format/messages.js';
import { safeUrl } from '../../feed/values.js';
import { readerOf } from '../../feed/parse-json.js';
import { CivicFeedElement } from '../shared/civic-feed-element.js';
import { headline } from '../../format/headline.js';
import { runtime } from '../shared/runtime.js';
import { firstArticles, listDate, parseFilter, toSortKey, type SortKey } from '../../feed/order.js';
import { DEFAULT_NEW_DAYS, isNewArticle, renderNewBadge } from './new-badge.js';
import { renderEmpty, renderError, renderSkeleton, renderStaleNote } from '../shared/states.js';
import { bulletinListStyles } from './bulletin-list.styles.js';
import type { Paging } from './show-more.js';

/** How the list is drawn. */
export type BulletinLayout = 'list' | 'compact' | 'grid' | 'ticker';

const LAYOUTS: readonly BulletinLayout[] = ['list', 'compact', 'grid', 'ticker'];

/** How a list prints its item dates. */
export type ListDateFormat = 'date' | 'datetime' | 'relative';
const DATE_FORMATS: readonly ListDateFormat[] = ['date', 'datetime', 'relative'];
const DEFAULT_LIMIT = 10;
// Beyond a screenful, a taller placeholder only moves content nobody can see yet.
const MAX_SKELETON_ROWS = 50;

// "Xem thêm" is lazy (in the `extras` chunk), fetched on the first click.
const more = chunk(() => import('./show-more.js'), runtime);

// The compact, grid and ticker item styles and templates, lazy too (`extras`,
// see layouts.ts): `layoutsFailed` once the chunk could not be loaded (the items are then
// drawn with the list styles rather than not at all).
const layouts = chunk(() => import('./layouts.js'), runtime);
let layoutsFailed = false;

/** The printed parts of one article, cached per article for one locale, zone and sort. */
interface Printed {
  key: string;
  date: string;
  iso: string;
  views: string;
}

/**
 * A list of news items from a feed: pinned items first, then newest (or most read)
 * first, with a "Mới" badge on recent items, category and tag filters, and a "Xem thêm"
 * button that shows `limit` more and then follows the feed's `next_url`.
 *
 * Each item is an `<li>` in a `<ul>` named by `label` or the feed's title: its title
 * links to the article (same tab), its date is a `<time>` printed in the widget's zone,
 * and `list` and `grid` add the summary. Items with a `published` date less than
 * `new-days` days old get the badge, read out as "Tin mới". Featured items carry the
 * `featured` class and part.
 *
 * After "Xem thêm", focus moves to the first newly shown item and a polite live region
 * says how many are shown ("Đang hiển thị 20 tin").
 *
 * Loaded items take their natural size: titles wrap (in `compact`, beside the date where
 * there is room, with the date under the title in a narrow container), the summary stops
 * after `--civic-bulletin-list-summary-lines` lines with an ellipsis, nothing is reserved
 * for what an item does not have, and a grid card has a picture box only when the item
 * has a picture. While the feed loads, the skeleton draws `limit` typical items, an
 * estimate of the height to come. The "Xem thêm" handling and the styles of the
 * `compact`, `grid` and `ticker` layouts load on first need; until the styles arrive,
 * those layouts show the skeleton.
 *
 * The `ticker` layout shows the first `limit` headlines on one moving line, with no
 * "Xem thêm". It stops while hovered or while a link in it has focus, has a
 * "Tạm dừng" toggle (first in the tab order), and is a static, wrapping list under `prefers-reduced-motion`.
 *
 * @summary A list of news: newest and pinned first, "Mới" badges, filters, paging.
 *
 * @fires civic-feed-load - `{url, feed, warnings}` when its own `src` loaded, and for each `next_url` page "Xem thêm" loads.
 * @fires civic-feed-error - `{url, error}` when its own `src`, or a `next_url` page, cannot be used.
 *
 * @slot - No-JavaScript fallback (for example a link to the news page); shown until a data source is known, and again in the error state.
 *
 * @csspart list - The `<ul>`.
 * @csspart item - Each `<li>`; featured items also have the part `featured`.
 * @csspart featured - A featured item's `<li>`.
 * @csspart title - The title link (a `<span>` when the item has no URL).
 * @csspart meta - The line with the date (and the view count with `show-views`).
 * @csspart summary - The summary (`list` and `grid` layouts).
 * @csspart image - The picture box of a `grid` card whose item has a picture.
 * @csspart badge - The "Mới" badge.
 * @csspart more - The "Xem thêm" button.
 * @csspart pause - The ticker's pause toggle.
 * @csspart status - Loading, empty, error and stale-copy messages.
 * @csspart retry - The error state's "Thử lại" button.
 *
 * @cssproperty --civic-bulletin-list-gap - Space between items (default `0.75rem`).
 * @cssproperty --civic-bulletin-list-title-color - Title link colour (default: inherited).
 * @cssproperty --civic-bulletin-list-date-color - Date line colour (default: `--civic-color-muted`).
 * @cssproperty --civic-bulletin-list-badge-background - "Mới" badge background (default `#b3261e`).
 * @cssproperty --civic-bulletin-list-badge-color - "Mới" badge text colour (default `#fff`).
 * @cssproperty --civic-bulletin-list-featured-color - Bar beside featured items (default: `--civic-color-accent`).
 * @cssproperty --civic-bulletin-list-summary-lines - Summary lines shown before it stops with an ellipsis (default `3`; keep it at 3 or more).
 * @cssproperty --civic-bulletin-list-grid-min-width - Narrowest grid column (default `15rem`).
 * @cssproperty --civic-bulletin-list-image-ratio - Aspect ratio of grid images (default `16 / 9`).
 * @cssproperty --civic-bulletin-list-ticker-duration - Time for the ticker to cross once; longer is slower (default `40s`).
 */
export class CivicBulletinList extends CivicFeedElement {
  static override styles = bulletinListStyles;

  static override properties: PropertyDeclarations = {
    limit: { type: Number },
    category: {},
    tag: {},
    sort: {},
    layout: { reflect: true },
    newDays: { type: Number, attribute: 'new-days' },
    label: {},
    showViews: { type: Boolean, attribute: 'show-views' },
    dateFormat: { attribute: 'date-format' },
    paused: { state: true, attribute: false },
  };

  /** Items shown at first, and added by each "Xem thêm"; anything below 1 reads as 10. */
  limit = DEFAULT_LIMIT;

  /** Show only items in this `_civic.category`; several, comma-separated, match any. Exact, case-insensitive, trimmed. */
  declare category?: string;

  /** Show only items with this tag; several, comma-separated, match any. Exact, case-insensitive, trimmed. */
  declare tag?: string;

  /** `published`, `updated` (modified, else published) or `views`; newest/highest first, pinned on top of the date sorts. Anything else reads as `published`. */
  sort: SortKey = 'published';

  /** `list` (title, date, summary), `compact` (title and date on one line), `grid` (cards with image) or `ticker` (scrolling headlines). */
  layout: BulletinLayout = 'list';

  /** Items published less than this many days ago get the "Mới" badge; 0 turns it off. */
  newDays = DEFAULT_NEW_DAYS;

  /** Accessible name of the list; defaults to the feed's title. */
  declare label?: string;

  /** Also print each item's view count in its meta line. */
  showViews = false;

  /**
   * Item dates as `date` (16/07/2020), `datetime` (16/07/2020 11:05) or `relative`
   * ("2 giờ trước", via `Intl.RelativeTimeFormat`), in the publisher's time zone. Anything
   * else reads as `date`.
   */
  dateFormat: ListDateFormat = 'date';

  /** The ticker's pause toggle. */
  private paused = false;

  /** The feed the paging below belongs to; a new feed starts over. */
  #baseFeed?: Feed;
  // Changes together with the feed, which the controller swaps in during the update
  // (after willUpdate): a plain field, synced in render(); the "Xem thêm" chunk calls
  // requestUpdate() when it changes it.
  #paging: Paging = { items: [], visited: new Set(), announcement: '' };

  // Ordering 1,000 items is cheap once, wasteful on every render: keep the last result.
  #orderedFor: unknown[] = [];
  #ordered: Article[] = [];

  #printed = new WeakMap<Article, Printed>();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#paging.pages?.abort();
    this.#paging.pages = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.#layoutName !== 'list') this.#adoptLayouts();
    if (
      changed.has('limit') ||
      changed.has('category') ||
      changed.has('tag') ||
      changed.has('sort')
    ) {
      this.#paging.revealed = undefined;
    }
    if (changed.has('layout') && this.layout && !LAYOUTS.includes(this.layout)) {
      console.warn(
        `civic-bulletin-list: layout="${this.layout}" is not one of ${LAYOUTS.join(', ')}; drawing a list`,
      );
    }
  }

  // After the feed source has settled for this update (controllers run between
  // willUpdate and update) and before render, which changes no state: a new feed starts
  // the paging over here.
  protected override update(changed: PropertyValues<this>): void {
    const { feed } = this.source.state;
    if (feed !== this.#baseFeed) this.#startOver(feed);
    super.update(changed);
  }

  override render(): TemplateResult {
    const m = this.messages;
    const layout = this.#layoutName;
    const { status, feed, error, fetchedAt } = this.source.state;
    // No source known (yet: a <civic-feed> defined later still answers): the fallback,
    // not "Chưa có tin", which would tell readers there is no news.
    let body: unknown = status === 'idle' ? html`<slot></slot>` : renderEmpty(m);
    if (status === 'loading' || (feed && layout !== 'list' && !layouts.ready && !layoutsFailed)) {
      // An estimate: `limit` typical items and, as most feeds have more, the button row.
      body = html`${renderSkeleton(m, this.#skeletonRows)}${
        layout === 'ticker' ? nothing : html`<div class="foot"></div>`
      }`;
    } else if (status === 'error') {
      body = renderError(m, error, this.#onRetry, this);
    } else if (feed && (status === 'ready' || status === 'stale')) {
      body = [
        status === 'stale' && fetchedAt
          ? renderStaleNote(m, formatDate(fetchedAt, this.zoneFor(feed.timeZone), this.localeTag))
          : nothing,
        this.#renderItems(m, feed),
      ];
    }
    return html`<div class="root layout-${layout}${this.paused ? ' paused' : ''}">${body}</div>`;
  }

  #renderItems(m: Messages, feed: Feed): TemplateResult {
    const rows = this.#orderedItems();
    const layout = this.#layoutName;
    const shownCount = Math.min(this.#shownTarget, rows.length);
    const canFetch = this.#paging.nextUrl !== undefined && layout !== 'ticker';
    // The empty state is itself the status region; otherwise the list's polite one, which
    // must be in the page before it speaks, so it is drawn even when empty.
    if (shownCount === 0 && !canFetch) return renderEmpty(m);
    const live = html`<div class="visually-hidden" role="status" aria-live="polite">
      ${this.#paging.announcement}
    </div>`;

    const zone = this.zoneFor(feed.timeZone);
    const locale = this.localeTag;
    const sort = this.#sortKey;
    const now = Date.now();
    const dates = this.#dateFormat;
    // Relative dates change with the clock: the minute is part of their key.
    const printKey = `${locale}|${zone}|${sort}|${dates}|${dates === 'relative' ? Math.floor(now / 60_000) : ''}|${this.showViews ? 'v' : ''}|${messagesVersion()}`;
    const days = this.#newDaysValue;
    const badge = renderNewBadge(m);
    const views = m.labelled(m.views);
    const items: TemplateResult[] = new Array<TemplateResult>(shownCount);
    for (let i = 0; i < shownCount; i++) {
      const a = rows[i];
      items[i] = this.#renderItem(
        layout,
        a,
        this.#print(a, printKey, zone, locale, sort, now),
        isNewArticle(a.published, now, days) ? badge : nothing,
        views,
      );
    }

    const list = html`<ul
      class="list"
      part="list"
      role="list"
      aria-label=${this.label?.trim() || feed.title || nothing}
    >
      ${items}
    </ul>`;
    // The ticker is drawn by the layouts chunk, which it waits for (without it: a list).
    if (layout === 'ticker' && layouts.ready)
      return layouts.ready.renderTicker(list, live, this.paused, m.tickerPause, this.#onPause);
    // The button row only when there is more to show: no blank row under a short list.
    return html`${list}${
      shownCount < rows.length || canFetch
        ? html`<div class="foot">
            <button
              type="button"
              class="more"
              part="more"
              aria-busy=${this.#paging.pages ? 'true' : 'false'}
              @click=${this.#onMore}
            >
              ${m.more}
            </button>
          </div>`
        : nothing
    }${live}`;
  }

  // With 1,000 items the per-item cost is what counts, and each nested template is a
  // clone of its own. The usual item (a link and a date) therefore gets one flat
  // template; anything missing takes the general path below. Title and badge share a
  // line box (.head): the badge follows the title's last word, wherever that wraps.
  #renderItem(
    layout: BulletinLayout,
    a: Article,
    p: Printed,
    badge: TemplateResult | typeof nothing,
    viewsLabel: string,
  ): TemplateResult {
    const cls = a.featured ? 'item featured' : 'item';
    const views = p.views ? html` <span class="views">${viewsLabel} ${p.views}</span>` : nothing;
    const summary =
      a.summary && (layout === 'list' || layout === 'grid')
        ? html`<p class="summary" part="summary">${a.summary}</p>`
        : nothing;
    // Every bound URL passes safeUrl: the article may come from a hand-built object, or
    // inherit `url` from a polluted Object.prototype.
    const url = safeUrl(a.url);
    const image = safeUrl(a.image);
    if (url && p.date && layout !== 'grid') {
      return html`<li class=${cls} part=${cls}>
        <span class="head"
          ><a class="title" part="title" href=${url}>${itemName(a)}</a>${badge}</span
        ><span class="meta" part="meta"><time datetime=${p.iso}>${p.date}</time>${views}</span
        >${summary}
      </li>`;
    }
    const title = url
      ? html`<a class="title" part="title" href=${url}>${itemName(a)}</a>`
      : html`<span class="title" part="title">${itemName(a)}</span>`;
    const text = html`<span class="head">${title}${badge}</span
      ><span class="meta" part="meta"
        >${p.date ? html`<time datetime=${p.iso}>${p.date}</time>` : nothing}${views}</span
      >${summary}`;
    if (layout === 'grid' && layouts.ready) return layouts.ready.renderGridItem(cls, image, text);
    return html`<li class=${cls} part=${cls}>${text}</li>`;
  }

  get #layoutName(): BulletinLayout {
    return LAYOUTS.includes(this.layout) ? this.layout : 'list';
  }

  get #dateFormat(): ListDateFormat {
    return DATE_FORMATS.includes(this.dateFormat) ? this.dateFormat : 'date';
  }

  get #sortKey(): SortKey {
    return toSortKey(this.sort);
  }

  get #limitValue(): number {
    const n = Math.floor(Number(this.limit));
    return Number.isFinite(n) && n >= 1 ? n : DEFAULT_LIMIT;
  }

  get #newDaysValue(): number {
    const n = Number(this.newDays);
    return Number.isFinite(n) ? n : DEFAULT_NEW_DAYS;
  }

  get #shownTarget(): number {
    return this.#paging.revealed ?? this.#limitValue;
  }

  get #skeletonRows(): number {
    return this.#layoutName === 'ticker' ? 1 : Math.min(this.#limitValue, MAX_SKELETON_ROWS);
  }

  /** Adds the layouts' sheet to this shadow root, fetching it first when no list has yet. */
  #adoptLayouts(): void {
    const sheet = layouts.ready?.sheet;
    if (!sheet) {
      if (!layoutsFailed)
        layouts()
          .catch(() => (layoutsFailed = true))
          .finally(() => this.requestUpdate());
      return;
    }
    const root = this.renderRoot;
    if (root instanceof ShadowRoot && !root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  /**
   * The feed's items (and loaded pages), filtered and ordered; recomputed only when an
   * input changed. From a reader, only as many as are shown and one more "Xem thêm" would
   * show: enough for the button and for show-more.ts to count, and all that is read.
   */
  #orderedItems(): Article[] {
    const { lazy, items } = this.#paging;
    const reader = lazy && readerOf(lazy);
    const { category, tag } = this;
    const sort = this.#sortKey;
    const count = reader ? this.#shownTarget + this.#limitValue : Infinity;
    const key = [reader ?? items, sort, category, tag, count];
    if (key.some((v, i) => v !== this.#orderedFor[i])) {
      // Loaded articles are their own reader.
      this.#ordered = firstArticles(
        reader ?? { items, read: (a: Article) => a },
        sort,
        { categories: parseFilter(category), tags: parseFilter(tag) },
        count,
      );
      this.#orderedFor = key;
    }
    return this.#ordered;
  }

  /** Date and count text of one article, formatted once per locale, zone and sort. */
  #print(
    a: Article,
    key: string,
    zone: string,
    locale: string,
    sort: SortKey,
    now: number,
  ): Printed {
    const cached = this.#printed.get(a);
    if (cached?.key === key) return cached;
    const date = listDate(a, sort);
    const format = this.#dateFormat;
    const style: DateStyle = format === 'datetime' ? 'minutes' : 'date';
    const p: Printed = {
      key,
      date: !date
        ? ''
        : format === 'relative'
          ? formatRelative(date, now, locale)
          : formatDate(date, zone, locale, style),
      iso: date ? isoInstant(date) : '',
      views: this.showViews && a.views !== undefined ? runtime.formatCount(a.views, locale) : '',
    };
    this.#printed.set(a, p);
    return p;
  }

  /**
   * A new feed (first load, retry, another `src`): forget the pages of the old one. A new
   * copy of the same feed (`refresh`, a remembered copy) keeps what the reader opened
   * with "Xem thêm" (see `keepOpened`; before any click there is nothing to keep).
   */
  #startOver(feed: Feed | undefined): void {
    const old = this.#baseFeed;
    const paging = this.#paging;
    this.#baseFeed = feed;
    if (more.ready?.keepOpened(paging, old, feed)) return;
    paging.pages?.abort();
    // A JSON Feed's items are read as they are shown (#orderedItems), until a page joins.
    const lazy = feed && readerOf(feed) ? feed : undefined;
    this.#paging = {
      items: (!lazy && feed?.items) || [],
      lazy,
      nextUrl: feed?.nextUrl,
      visited: new Set(feed?.url ? feed.url.split(/\s+/) : []),
      announcement: '',
    };
  }

  #onRetry = (): void => {
    this.source.state.retry();
  };

  #onPause = (): void => {
    this.paused = !this.paused;
  };

  #onMore = (): void => {
    const paging = this.#paging;
    more().then(
      ({ showMore }) => {
        // A feed that arrived meanwhile has its own paging: this click no longer applies.
        if (paging !== this.#paging) return;
        void showMore(
          this,
          paging,
          () => this.#orderedItems(),
          this.#limitValue,
          this.messages,
          this.localeTag,
        );
      },
      () => {
        // The chunk did not arrive (offline, a deploy in between): say so; the button stays.
        paging.announcement = this.messages.error;
        this.requestUpdate();
      },
    );
  };
}

/** What to call an item: its headline, else (no words at all) its address. */
const itemName = (a: Article): string => headline(a) ?? a.url ?? a.id;

declare global {
  interface HTMLElementTagNameMap {
    'civic-bulletin-list': CivicBulletinList;
  }
}

import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import type { Article, Feed } from '../../feed/model.js';
import { chunk } from '../../internal/lazy.js';
import { formatDate } from '../../format/dates.js';
import type { Messages } from '../../format/messages.js';
import { readerOf } from '../../feed/parse-json.js';
import { CivicFeedElement } from '../shared/civic-feed-element.js';
import { runtime } from '../shared/runtime.js';
import { firstArticles, parseFilter, toSortKey, type SortKey } from '../../feed/order.js';
import { DEFAULT_NEW_DAYS, isNewArticle, renderNewBadge } from './new-badge.js';
import {
  errorRole,
  renderEmpty,
  renderError,
  renderSkeleton,
  renderStaleNote,
} from '../shared/states.js';
import {
  DATE_FORMATS,
  ItemPrinter,
  LAYOUTS,
  relativeDates,
  renderItem,
  type BulletinLayout,
  type ListDateFormat,
} from './items.js';
import { bulletinListStyles } from './bulletin-list.styles.js';
import { ListPaging } from './paging.js';
import type { Paging } from './show-more.js';
import { warn } from '../../internal/warn.js';

export type { BulletinLayout, ListDateFormat } from './items.js';

const DEFAULT_LIMIT = 10;
// Beyond a screenful, a taller placeholder only moves content nobody can see yet.
const MAX_SKELETON_ROWS = 50;

// The compact, grid and ticker item styles and templates are lazy (in the `extras`
// chunk, see layouts.ts). When the chunk could not be loaded (`layouts.failed`) the items
// are drawn with the list styles rather than not at all, as relative dates are printed in
// full (`relativeDates.failed`).
const layouts = chunk(() => import('./layouts.js'), runtime);

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
 * has a picture that can be loaded. While the feed loads, the skeleton draws `limit` typical items, an
 * estimate of the height to come. The "Xem thêm" handling and the styles of the
 * `compact`, `grid` and `ticker` layouts load on first need; until the styles arrive,
 * those layouts show the skeleton.
 *
 * The `ticker` layout shows the first `limit` headlines on one moving line, with no
 * "Xem thêm". It stops while hovered or while a link in it has focus (the focused headline
 * is brought fully into view), has a "Tạm dừng" toggle (first in the tab order) that turns it
 * into a static, wrapping list until pressed again, and is that list for good under
 * `prefers-reduced-motion`.
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
 * @csspart image - The picture box of a `grid` card whose item has a picture (gone if it cannot be loaded).
 * @csspart badge - The "Mới" badge.
 * @csspart more - The "Xem thêm" button.
 * @csspart pause - The ticker's pause toggle.
 * @csspart status - Loading, empty, error and stale-copy messages.
 * @csspart retry - The error state's "Thử lại" button.
 *
 * @cssproperty --civic-bulletin-list-gap - Space between items (default `0.75em`).
 * @cssproperty --civic-bulletin-list-title-color - Title link colour (default: inherited).
 * @cssproperty --civic-bulletin-list-date-color - Date line colour (default: `--civic-color-muted`).
 * @cssproperty --civic-bulletin-list-badge-background - "Mới" badge background (default `#b3261e`).
 * @cssproperty --civic-bulletin-list-badge-color - "Mới" badge text colour (default `#fff`).
 * @cssproperty --civic-bulletin-list-featured-color - Bar beside featured items (default: `--civic-color-accent`).
 * @cssproperty --civic-bulletin-list-summary-lines - Summary lines shown before it stops with an ellipsis (default `3`; keep it at 3 or more).
 * @cssproperty --civic-bulletin-list-grid-min-width - Narrowest grid column (default `15em`).
 * @cssproperty --civic-bulletin-list-image-ratio - Aspect ratio of grid images (default `16 / 9`).
 * @cssproperty --civic-bulletin-list-ticker-duration - Time for the ticker to cross once; longer is slower (default: a steady 60 px a second, at least `10s`).
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

  /** The ticker's pause toggle (a `#` field: Lit's `state: true` would need a real property). */
  #paused = false;

  /** The items "Xem thêm" added; added after the feed source, so a new feed starts it over. */
  readonly #pager = new ListPaging(this, this.source);

  // Ordering 1,000 items is cheap once, wasteful on every render: keep the last result.
  #orderedFor: unknown[] = [];
  #ordered: Article[] = [];

  readonly #printer = new ItemPrinter();
  /** The error state's role, `alert` or `status`: see `errorRole`. */
  #errorRole: 'alert' | 'status' = 'alert';
  /** The next redraw for dates and badges that go by the clock (see `update`). */
  #tick?: ReturnType<typeof setTimeout>;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.#layoutName !== 'list') this.#adoptLayouts();
    if (this.#dateFormat === 'relative' && !relativeDates.ready && !relativeDates.failed)
      relativeDates().then(this.redraw, this.redraw);
    if (
      changed.has('limit') ||
      changed.has('category') ||
      changed.has('tag') ||
      changed.has('sort')
    ) {
      this.#paging.revealed = undefined;
    }
    if (changed.has('layout') && this.layout && !LAYOUTS.includes(this.layout)) {
      warn('layout', this.layout, LAYOUTS.join(', '));
    }
  }

  // After the feed source has settled for this update (controllers run between
  // willUpdate and update) and before render, which changes no state: a failure takes
  // its alert role here.
  protected override update(changed: PropertyValues<this>): void {
    const { status, error } = this.source.state;
    if (status === 'error') this.#errorRole = errorRole(error, this);
    // Relative dates and "Mới" badges go by the clock: left open, the list showed "5 phút
    // trước" and its badges for days. It draws again once a minute while connected (a
    // cheap diff: the printed parts are kept per minute); taken off the page, it draws
    // once more at most, then sets no new timer.
    clearTimeout(this.#tick);
    if (this.isConnected && (this.#dateFormat === 'relative' || this.#newDaysValue > 0))
      this.#tick = setTimeout(this.redraw, 60_000);
    super.update(changed);
  }

  override render(): TemplateResult {
    const m = this.messages;
    const layout = this.#layoutName;
    const { status, feed, error, fetchedAt, held } = this.source.state;
    // No source known (yet: a <civic-feed> defined later still answers): the fallback,
    // not "Chưa có tin", which would tell readers there is no news.
    let body: unknown = status === 'idle' ? html`<slot></slot>` : renderEmpty(m);
    if (held) {
      body = nothing;
    } else if (
      status === 'loading' ||
      (feed && layout !== 'list' && !layouts.ready && !layouts.failed) ||
      (feed && this.#dateFormat === 'relative' && !relativeDates.ready && !relativeDates.failed)
    ) {
      // An estimate: `limit` typical items and, as most feeds have more, the button row.
      body = html`${renderSkeleton(m, this.#skeletonRows)}${
        layout === 'ticker' ? nothing : html`<div class="foot"></div>`
      }`;
    } else if (status === 'error') {
      body = renderError(m, error, this.#onRetry, this.#errorRole);
    } else if (feed && (status === 'ready' || status === 'stale')) {
      body = [
        status === 'stale' && fetchedAt
          ? renderStaleNote(m, formatDate(fetchedAt, this.zoneFor(feed.timeZone), this.localeTag))
          : nothing,
        this.#renderItems(m, feed),
      ];
    }
    return html`<div class="root layout-${layout}${this.#paused ? ' paused' : ''}">${body}</div>`;
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

    const now = Date.now();
    const print = this.#printer.for(
      this.zoneFor(feed.timeZone),
      this.localeTag,
      this.#sortKey,
      this.#dateFormat,
      this.showViews,
      now,
    );
    const days = this.#newDaysValue;
    const badge = renderNewBadge(m);
    const views = m.labelled(m.views);
    const grid = layouts.ready?.renderGridItem;
    const items: TemplateResult[] = new Array<TemplateResult>(shownCount);
    for (let i = 0; i < shownCount; i++) {
      const a = rows[i];
      items[i] = renderItem(
        layout,
        a,
        print(a),
        isNewArticle(a.published, now, days) ? badge : nothing,
        views,
        grid,
        a.language ?? feed.language,
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
      return layouts.ready.renderTicker(list, live, this.#paused, m.tickerPause, this.#onPause);
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

  /** The current feed's paging (a new object for each new feed). */
  get #paging(): Paging {
    return this.#pager.paging;
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
    // A removed attribute is null, which Number() would read as 0 (no badges).
    const n = Number(this.newDays ?? DEFAULT_NEW_DAYS);
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
      if (!layouts.failed) layouts().then(this.redraw, this.redraw);
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

  #onRetry = (): void => {
    this.source.state.retry();
  };

  #onPause = (): void => {
    this.#paused = !this.#paused;
    this.requestUpdate();
  };

  #onMore = (): void => {
    this.#pager.more(() => this.#orderedItems(), this.#limitValue, this.messages, this.localeTag);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-bulletin-list': CivicBulletinList;
  }
}

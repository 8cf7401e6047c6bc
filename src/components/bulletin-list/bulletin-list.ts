import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Article, Feed } from '../../feed/model.js';
import { FeedError } from '../../feed/errors.js';
import { loadFeed } from '../../feed/load.js';
import { formatDate, isoInstant } from '../../format/dates.js';
import { messagesVersion, type Messages } from '../../format/messages.js';
import { formatCount } from '../../format/numbers.js';
import { CivicFeedElement } from '../shared/civic-feed-element.js';
import { announceError, announceLoad } from '../shared/events.js';
import {
  appendNew,
  filterArticles,
  listDate,
  orderArticles,
  parseFilter,
  toSortKey,
  type SortKey,
} from '../shared/article-order.js';
import { DEFAULT_NEW_DAYS, isNewArticle, renderNewBadge } from '../shared/new-badge.js';
import { renderEmpty, renderError, renderSkeleton, renderStaleNote } from '../shared/states.js';
import { bulletinListStyles } from './bulletin-list.styles.js';

/** How the list is drawn. */
export type BulletinLayout = 'list' | 'compact' | 'grid' | 'ticker';

const LAYOUTS: readonly BulletinLayout[] = ['list', 'compact', 'grid', 'ticker'];
const DEFAULT_LIMIT = 10;
// Beyond a screenful, a taller placeholder only moves content nobody can see yet.
const MAX_SKELETON_ROWS = 50;
// One click follows at most this many next_url pages looking for items that pass the
// filters, so a feed whose pages all miss cannot keep the list fetching for ever.
const MAX_PAGES_PER_CLICK = 10;

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
 * The `ticker` layout shows the first `limit` headlines on one moving line, with no
 * "Xem thêm". It stops while hovered or while a link in it has focus, has a
 * "Tạm dừng" toggle, and is a static, wrapping list under `prefers-reduced-motion`.
 *
 * @summary A list of news: newest and pinned first, "Mới" badges, filters, paging.
 *
 * @fires civic-feed-load - `{url, feed, warnings}` when its own `src` loaded, and for each `next_url` page "Xem thêm" loads.
 * @fires civic-feed-error - `{url, error}` when its own `src`, or a `next_url` page, cannot be used.
 *
 * @slot - No-JavaScript fallback (for example a link to the news page); shown again in the error state.
 *
 * @csspart list - The `<ul>`.
 * @csspart item - Each `<li>`; featured items also have the part `featured`.
 * @csspart featured - A featured item's `<li>`.
 * @csspart title - The title link (a `<span>` when the item has no URL).
 * @csspart meta - The line with the date (and the view count with `show-views`).
 * @csspart summary - The summary (`list` and `grid` layouts).
 * @csspart image - The reserved image box of a `grid` card.
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
 * @cssproperty --civic-bulletin-list-summary-lines - Summary lines shown before it is cut (default `3`).
 * @cssproperty --civic-bulletin-list-grid-min-width - Narrowest grid column (default `15rem`).
 * @cssproperty --civic-bulletin-list-image-ratio - Aspect ratio of grid images (default `16 / 9`).
 * @cssproperty --civic-bulletin-list-ticker-duration - Time for the ticker to cross once; longer is slower (default `40s`).
 */
export class CivicBulletinList extends CivicFeedElement {
  static override styles = bulletinListStyles;

  /** Items shown at first, and added by each "Xem thêm"; anything below 1 reads as 10. */
  @property({ type: Number }) limit = DEFAULT_LIMIT;

  /** Show only items in this `_civic.category`; several, comma-separated, match any. Exact, case-insensitive, trimmed. */
  @property() category?: string;

  /** Show only items with this tag; several, comma-separated, match any. Exact, case-insensitive, trimmed. */
  @property() tag?: string;

  /** `published`, `updated` (modified, else published) or `views`; newest/highest first, pinned on top. Anything else reads as `published`. */
  @property() sort: SortKey = 'published';

  /** `list` (title, date, summary), `compact` (title and date on one line), `grid` (cards with image) or `ticker` (scrolling headlines). */
  @property({ reflect: true }) layout: BulletinLayout = 'list';

  /** Items published less than this many days ago get the "Mới" badge; 0 turns it off. */
  @property({ type: Number, attribute: 'new-days' }) newDays = DEFAULT_NEW_DAYS;

  /** Accessible name of the list; defaults to the feed's title. */
  @property() label?: string;

  /** Also print each item's view count in its meta line. */
  @property({ type: Boolean, attribute: 'show-views' }) showViews = false;

  /** The ticker's pause toggle. */
  @state() private paused = false;

  // The paging fields below change together with the feed, which the controller swaps
  // in during the update (after willUpdate): plain fields, synced in render(), with an
  // explicit requestUpdate() where a handler changes them.
  /** How many items the reader has asked to see; undefined means `limit`. */
  private revealed?: number;
  /** Text of the polite live region. */
  private announcement = '';
  /** True while "Xem thêm" is fetching `next_url` pages. */
  private fetching = false;

  /** The feed the paging below belongs to; a new feed starts over. */
  private baseFeed?: Feed;
  /** The feed's items, then those of each `next_url` page loaded, duplicates dropped. */
  private items: Article[] = [];
  private nextUrl?: string;
  private visited = new Set<string>();
  private pages?: AbortController;

  // Ordering 1,000 items is cheap once, wasteful on every render: keep the last result.
  private orderedFor?: { items: Article[]; sort: SortKey; category?: string; tag?: string };
  private ordered: Article[] = [];

  private printed = new WeakMap<Article, Printed>();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pages?.abort();
    this.pages = undefined;
    this.fetching = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (
      changed.has('limit') ||
      changed.has('category') ||
      changed.has('tag') ||
      changed.has('sort')
    ) {
      this.revealed = undefined;
    }
    if (changed.has('layout') && this.layout && !LAYOUTS.includes(this.layout)) {
      console.warn(
        `civic-bulletin-list: layout="${this.layout}" is not one of ${LAYOUTS.join(', ')}; drawing a list`,
      );
    }
  }

  override render(): TemplateResult {
    const m = this.messages;
    const layout = this.layoutName;
    const { status, feed, error, fetchedAt } = this.source.state;
    if (feed !== this.baseFeed) this.startOver(feed);
    const root = `root layout-${layout}${layout === 'ticker' && this.paused ? ' paused' : ''}`;
    switch (status) {
      case 'loading':
        return html`<div class=${root}>${renderSkeleton(m, this.skeletonRows)}</div>`;
      case 'error':
        return html`<div class=${root}>${renderError(m, error?.message, this.onRetry)}</div>`;
      case 'ready':
      case 'stale':
        if (!feed) break;
        return html`<div class=${root}>
          ${
            status === 'stale' && fetchedAt
              ? renderStaleNote(
                  m,
                  formatDate(fetchedAt, this.zoneFor(feed.timeZone), this.localeTag),
                )
              : nothing
          }
          ${this.renderItems(m, feed)}
        </div>`;
      default:
        break;
    }
    return html`<div class=${root}>${renderEmpty(m)}</div>`;
  }

  private renderItems(m: Messages, feed: Feed): TemplateResult {
    const rows = this.orderedItems();
    const layout = this.layoutName;
    const shownCount = Math.min(this.shownTarget, rows.length);
    const canFetch = this.nextUrl !== undefined && layout !== 'ticker';
    // A live region must be in the page before it speaks, so it is drawn even when empty.
    const live = html`<div class="visually-hidden" role="status" aria-live="polite">
      ${this.announcement}
    </div>`;
    if (shownCount === 0 && !canFetch) return html`${renderEmpty(m)}${live}`;

    const zone = this.zoneFor(feed.timeZone);
    const locale = this.localeTag;
    const sort = this.sortKey;
    const printKey = `${locale}|${zone}|${sort}|${this.showViews ? 'v' : ''}|${messagesVersion()}`;
    const now = Date.now();
    const days = this.newDaysValue;
    const badge = renderNewBadge(m);
    const views = m.labelled(m.views);
    const items: TemplateResult[] = new Array<TemplateResult>(shownCount);
    for (let i = 0; i < shownCount; i++) {
      const a = rows[i];
      const p = this.print(a, printKey, zone, locale, sort);
      items[i] = this.renderItem(
        layout,
        a,
        p,
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
    if (layout === 'ticker') {
      return html`<div class="ticker-viewport" @focusout=${this.onTickerFocusOut}>${list}</div>
        <button
          type="button"
          class="pause"
          part="pause"
          aria-pressed=${this.paused ? 'true' : 'false'}
          @click=${this.onPause}
        >
          ${m.tickerPause}
        </button>
        ${live}`;
    }
    const more = shownCount < rows.length || canFetch;
    return html`${list}
    ${
      more
        ? html`<button
            type="button"
            class="more"
            part="more"
            aria-busy=${this.fetching ? 'true' : 'false'}
            @click=${this.onMore}
          >
            ${m.more}
          </button>`
        : nothing
    }
    ${live}`;
  }

  // With 1,000 items the per-item cost is what counts, and each nested template is a
  // clone of its own. The usual item (a link and a date) therefore gets one flat
  // template per layout; anything missing takes the general path below.
  private renderItem(
    layout: BulletinLayout,
    a: Article,
    p: Printed,
    badge: TemplateResult | typeof nothing,
    viewsLabel: string,
  ): TemplateResult {
    const cls = a.featured ? 'item featured' : 'item';
    const views = p.views ? html` <span class="views">${viewsLabel} ${p.views}</span>` : nothing;
    if (a.url && p.date && layout !== 'grid') {
      const title = headline(a);
      if (layout === 'compact' || layout === 'ticker' || !a.summary) {
        return html`<li class=${cls} part=${cls}>
          <a class="title" part="title" href=${a.url}>${title}</a>${badge}<span
            class="meta"
            part="meta"
            ><time datetime=${p.iso}>${p.date}</time>${views}</span
          >
        </li>`;
      }
      return html`<li class=${cls} part=${cls}>
        <a class="title" part="title" href=${a.url}>${title}</a>${badge}<span
          class="meta"
          part="meta"
          ><time datetime=${p.iso}>${p.date}</time>${views}</span
        >
        <p class="summary" part="summary">${a.summary}</p>
      </li>`;
    }
    const title = a.url
      ? html`<a class="title" part="title" href=${a.url}>${headline(a)}</a>`
      : html`<span class="title" part="title">${headline(a)}</span>`;
    const meta = html`<span class="meta" part="meta"
      >${p.date ? html`<time datetime=${p.iso}>${p.date}</time>` : nothing}${views}</span
    >`;
    const summary =
      a.summary && (layout === 'list' || layout === 'grid')
        ? html`<p class="summary" part="summary">${a.summary}</p>`
        : nothing;
    if (layout === 'grid') {
      return html`<li class=${cls} part=${cls}>
        <span class="image" part="image"
          >${a.image ? html`<img src=${a.image} alt="" loading="lazy" decoding="async" />` : nothing}</span
        >
        <div class="card-body">${title}${badge}${meta}${summary}</div>
      </li>`;
    }
    return html`<li class=${cls} part=${cls}>${title}${badge}${meta}${summary}</li>`;
  }

  private get layoutName(): BulletinLayout {
    return LAYOUTS.includes(this.layout) ? this.layout : 'list';
  }

  private get sortKey(): SortKey {
    return toSortKey(this.sort);
  }

  private get limitValue(): number {
    const n = Math.floor(Number(this.limit));
    return Number.isFinite(n) && n >= 1 ? n : DEFAULT_LIMIT;
  }

  private get newDaysValue(): number {
    const n = Number(this.newDays);
    return Number.isFinite(n) ? n : DEFAULT_NEW_DAYS;
  }

  private get shownTarget(): number {
    return this.revealed ?? this.limitValue;
  }

  private get skeletonRows(): number {
    return this.layoutName === 'ticker' ? 1 : Math.min(this.limitValue, MAX_SKELETON_ROWS);
  }

  /** The feed's items (and loaded pages), filtered and ordered; recomputed only when an input changed. */
  private orderedItems(): Article[] {
    const key = { items: this.items, sort: this.sortKey, category: this.category, tag: this.tag };
    const last = this.orderedFor;
    if (
      !last ||
      last.items !== key.items ||
      last.sort !== key.sort ||
      last.category !== key.category ||
      last.tag !== key.tag
    ) {
      const filtered = filterArticles(key.items, {
        categories: parseFilter(key.category),
        tags: parseFilter(key.tag),
      });
      this.ordered = orderArticles(filtered, key.sort);
      this.orderedFor = key;
    }
    return this.ordered;
  }

  /** Date and count text of one article, formatted once per locale, zone and sort. */
  private print(a: Article, key: string, zone: string, locale: string, sort: SortKey): Printed {
    const cached = this.printed.get(a);
    if (cached?.key === key) return cached;
    const date = listDate(a, sort);
    const p: Printed = {
      key,
      date: date ? formatDate(date, zone, locale) : '',
      iso: date ? isoInstant(date) : '',
      views: this.showViews && a.views !== undefined ? formatCount(a.views, locale) : '',
    };
    this.printed.set(a, p);
    return p;
  }

  /** A new feed (first load, retry, another `src`): forget the pages of the old one. */
  private startOver(feed: Feed | undefined): void {
    this.pages?.abort();
    this.pages = undefined;
    this.fetching = false;
    this.baseFeed = feed;
    this.items = feed ? feed.items : [];
    this.nextUrl = feed?.nextUrl;
    this.visited = new Set(feed?.url ? feed.url.split(/\s+/) : []);
    this.revealed = undefined;
    this.announcement = '';
  }

  /**
   * Follows `next_url` until at least `wanted` items pass the filters, the pages run
   * out, or the page budget of one click is spent. Returns the error of a failed page.
   */
  private async fetchPages(wanted: number): Promise<FeedError | undefined> {
    const controller = new AbortController();
    this.pages = controller;
    this.fetching = true;
    this.requestUpdate();
    try {
      for (
        let n = 0;
        n < MAX_PAGES_PER_CLICK && this.nextUrl && this.orderedItems().length < wanted;
        n++
      ) {
        const url = this.nextUrl;
        this.visited.add(url);
        let page;
        try {
          page = await loadFeed(url, { signal: controller.signal });
        } catch (e) {
          if (controller.signal.aborted) return undefined;
          const error = e instanceof FeedError ? e : new FeedError(String(e), { url });
          announceError(this, { url, error });
          return error;
        }
        if (controller.signal.aborted) return undefined;
        announceLoad(this, {
          url: page.url,
          feed: page.feed,
          warnings: page.warnings,
          fetchedAt: page.fetchedAt,
          ...(page.stale ? { stale: page.stale } : {}),
        });
        this.items = appendNew(this.items, page.feed.items);
        const next = page.feed.nextUrl;
        // A page that points back to one already read would loop for ever.
        this.nextUrl = next && !this.visited.has(next) ? next : undefined;
      }
      return undefined;
    } finally {
      if (this.pages === controller) {
        this.pages = undefined;
        this.fetching = false;
        this.requestUpdate();
      }
    }
  }

  private onRetry = (): void => {
    this.source.state.retry();
  };

  private onPause = (): void => {
    this.paused = !this.paused;
  };

  // Tabbing through the stopped ticker scrolls its viewport to each link; once focus
  // leaves, the motion resumes from the start, so the scroll must go back too.
  private onTickerFocusOut = (e: FocusEvent): void => {
    const viewport = e.currentTarget as HTMLElement;
    if (e.relatedTarget instanceof Node && viewport.contains(e.relatedTarget)) return;
    viewport.scrollLeft = 0;
  };

  private onMore = (): void => {
    void this.showMore();
  };

  /** "Xem thêm": reveal `limit` more, fetching pages as needed, then move focus and say so. */
  private async showMore(): Promise<void> {
    if (this.fetching) return;
    const feed = this.baseFeed;
    const before = Math.min(this.shownTarget, this.orderedItems().length);
    const wanted = before + this.limitValue;
    let failure: FeedError | undefined;
    if (this.orderedItems().length < wanted && this.nextUrl) {
      this.announcement = this.messages.loading;
      this.requestUpdate();
      failure = await this.fetchPages(wanted);
      // The feed was replaced while the page loaded: this click no longer applies.
      if (feed !== this.baseFeed || !this.isConnected) return;
    }
    this.revealed = wanted;
    this.requestUpdate();
    await this.updateComplete;
    const after = Math.min(wanted, this.orderedItems().length);
    this.announcement =
      failure && after === before
        ? this.messages.error
        : this.messages.showing(formatCount(after, this.localeTag));
    this.requestUpdate();
    if (after > before) {
      this.focusItem(before);
    } else if (!this.renderRoot.querySelector('.more')) {
      // Nothing new and nothing left to fetch: the focused button is gone, so keep the
      // keyboard in the list rather than dropping it to the top of the page.
      this.focusItem(after - 1);
    }
  }

  /** Puts the keyboard on item `index`: its link, or the item itself when it has none. */
  private focusItem(index: number): void {
    const li = this.renderRoot.querySelectorAll<HTMLElement>('.item')[index];
    if (!li) return;
    const link = li.querySelector<HTMLElement>('a.title');
    if (link) {
      link.focus();
      return;
    }
    li.tabIndex = -1;
    li.focus();
  }
}

/** What to call an item: its title, else the start of its summary or text, else its address. */
function headline(a: Article): string {
  const text = a.title ?? a.summary ?? a.contentText;
  if (text) return text.length > 140 ? `${text.slice(0, 139)}…` : text;
  return a.url ?? a.id;
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-bulletin-list': CivicBulletinList;
  }
}

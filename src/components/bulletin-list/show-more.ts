/**
 * "Xem thêm": show `limit` more items, following the feed's `next_url` when the loaded
 * ones run out, then move focus and say so. Nothing of it is needed until the first
 * click, so it is a lazy chunk the list fetches then.
 *
 * A lazy chunk must not import a module the script-tag entry also imports (it would
 * move to a chunk every page loads first, see `src/internal/lazy.ts`): the loader, the
 * event helpers and the number formatter come from the runtime; only types are imported.
 */
import type { LitElement } from 'lit';
import type { Article, Feed } from '../../feed/model.js';
import type { FeedError } from '../../feed/errors.js';
import type { Messages } from '../../format/messages.js';
import type { Runtime } from '../shared/runtime.js';

/** What this chunk borrows from the entry. */
type Needs = Pick<
  Runtime,
  'loadFeed' | 'announceLoad' | 'announceError' | 'FeedError' | 'formatCount'
>;

/** The chunk's door (see `src/internal/lazy.ts`). */
export function init(runtime: Needs) {
  return {
    /** One "Xem thêm" click (see `showMore`). */
    showMore: (...args: Parameters<typeof showMore> extends [...infer A, Needs] ? A : never) =>
      showMore(...args, runtime),
    keepOpened,
  };
}

/**
 * The list's paging state, one object per feed: a new feed gets a new one (and aborts
 * the pages the old one was fetching).
 */
export interface Paging {
  /** The feed's items, then those of each `next_url` page loaded, duplicates dropped. */
  items: Article[];
  /**
   * A feed whose items are read as the list shows them (a JSON Feed, see `readerOf`), not
   * yet in `items`: they join it, all read, when a page or a fresh copy joins them.
   */
  lazy?: Feed;
  nextUrl?: string;
  /** Pages already read: one that points back to them would loop for ever. */
  visited: Set<string>;
  /** How many items the reader has asked to see; undefined means `limit`. */
  revealed?: number;
  /** Text of the polite live region. */
  announcement: string;
  /** Set while pages are being fetched. */
  pages?: AbortController;
}

// One click follows at most this many next_url pages looking for items that pass the
// filters, so a feed whose pages all miss cannot keep the list fetching for ever.
const MAX_PAGES_PER_CLICK = 10;

/**
 * One "Xem thêm" click on `list`: `ordered()` gives the items that pass the filters, in
 * order, from `paging.items`.
 */
export async function showMore(
  list: LitElement,
  paging: Paging,
  ordered: () => Article[],
  limit: number,
  m: Messages,
  locale: string,
  rt: Needs,
): Promise<void> {
  if (paging.pages || !list.isConnected) return;
  const before = Math.min(paging.revealed ?? limit, ordered().length);
  const wanted = before + limit;
  let failure: FeedError | undefined;
  if (ordered().length < wanted && paging.nextUrl) {
    const controller = (paging.pages = new AbortController());
    paging.announcement = m.loading;
    list.requestUpdate();
    try {
      failure = await followPages(list, paging, () => ordered().length >= wanted, controller, rt);
    } finally {
      if (paging.pages === controller) paging.pages = undefined;
    }
    // The feed was replaced, or the list left the page, while the pages loaded.
    if (controller.signal.aborted) return;
  }
  paging.revealed = wanted;
  list.requestUpdate();
  await list.updateComplete;
  const after = Math.min(wanted, ordered().length);
  paging.announcement =
    failure && after === before ? m.error : m.showing(rt.formatCount(after, locale));
  list.requestUpdate();
  const root = list.renderRoot;
  if (after > before) {
    focusItem(root, before);
  } else if (!root.querySelector('.more')) {
    // Nothing new and nothing left to fetch: the focused button is gone, so keep the
    // keyboard in the list rather than dropping it to the top of the page.
    focusItem(root, after - 1);
  }
}

/** Follows `next_url` until `enough()`, the pages run out or the budget is spent; the error of a failed page. */
async function followPages(
  list: EventTarget,
  paging: Paging,
  enough: () => boolean,
  { signal }: AbortController,
  rt: Needs,
): Promise<FeedError | undefined> {
  for (let n = 0; n < MAX_PAGES_PER_CLICK && paging.nextUrl && !enough(); n++) {
    const url = paging.nextUrl;
    paging.visited.add(url);
    let page;
    try {
      page = await rt.loadFeed(url, { signal });
    } catch (e) {
      if (signal.aborted) return undefined;
      const error = e instanceof rt.FeedError ? e : new rt.FeedError(String(e), { url });
      rt.announceError(list, { url, error });
      return error;
    }
    if (signal.aborted) return undefined;
    rt.announceLoad(list, {
      url: page.url,
      feed: page.feed,
      warnings: page.warnings,
      fetchedAt: page.fetchedAt,
      ...(page.stale ? { stale: page.stale } : {}),
    });
    paging.items = appendNew(paging.lazy?.items ?? paging.items, page.feed.items);
    paging.lazy = undefined;
    const next = page.feed.nextUrl;
    paging.nextUrl = next && !paging.visited.has(next) ? next : undefined;
  }
  return undefined;
}

/**
 * A new copy of the list's feed arrived (`refresh`, a remembered copy). When it is the
 * same feed (same URL) as `old`, keeps what the reader opened in `paging`: its fresh
 * items, then those of the `next_url` pages already followed, and how many are shown.
 * False when it is another feed, whose paging starts over.
 */
export function keepOpened(paging: Paging, old: Feed | undefined, feed: Feed | undefined): boolean {
  if (!feed?.url || feed.url !== old?.url) return false;
  // `items` starts as the feed's items (unless they were still read lazily: then no page
  // has joined them); each page followed was appended after them.
  paging.items = appendNew(feed.items, paging.lazy ? [] : paging.items.slice(old.items.length));
  paging.lazy = undefined;
  // Until a page is followed, the next page is the fresh copy's.
  if (paging.visited.size < 2) paging.nextUrl = feed.nextUrl;
  return true;
}

/** `existing` followed by the articles of `incoming` whose id it does not have yet. */
function appendNew(existing: readonly Article[], incoming: readonly Article[]): Article[] {
  const seen = new Set(existing.map((a) => a.id));
  const out = existing.slice();
  for (const a of incoming) {
    if (seen.has(a.id)) continue;
    seen.add(a.id);
    out.push(a);
  }
  return out;
}

/** Puts the keyboard on item `index`: its link, or the item itself when it has none. */
function focusItem(root: ParentNode, index: number): void {
  const li = root.querySelectorAll<HTMLElement>('.item')[index];
  if (!li) return;
  const link = li.querySelector<HTMLElement>('a.title');
  if (link) {
    link.focus();
    return;
  }
  li.tabIndex = -1;
  li.focus();
}

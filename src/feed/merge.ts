/**
 * Several feeds as one list (`src="a.json b.xml"`): newest first, and an item that two
 * feeds both carry (same id or same url) shown once.
 *
 * A lazy chunk (most pages name one feed), shared with the XML readers, which sort by
 * the same rule. So it imports nothing the entry has (see `src/internal/lazy.ts`): what `combine`
 * needs from the entry is handed to it.
 */
import type { Article, Feed, FeedWarning, LoadedFeed } from './model.js';
import { newestFirst } from './newest.js';
import type { FeedRuntime } from './runtime.js';

/** The chunk's door (see `src/internal/lazy.ts`). */
export function init(runtime: Pick<FeedRuntime, 'displayUrl'>): {
  combine(urls: string[], settled: PromiseSettledResult<LoadedFeed>[]): LoadedFeed;
} {
  return { combine: (urls, settled) => combine(urls, settled, runtime) };
}

/** The merge's own warning (in this chunk, not the entry's table: see `errors.ts`). */
const sourceFailed = (why: string) => `${why}; this feed's items are missing from the merged list`;

/**
 * Merges feeds in the order given. When two items share an id or a url, the one from
 * the earlier feed wins. The result has format `merged`; its metadata (title, zone,
 * language) is the first feed's, and it has no `nextUrl` since there is no single next page.
 * An item without a language of its own takes its feed's.
 */
export function mergeFeeds(feeds: Feed[]): Feed {
  const seenIds = new Set<string>();
  const seenUrls = new Set<string>();
  const items: Article[] = [];
  for (const feed of feeds) {
    for (const item of feed.items) {
      if (seenIds.has(item.id) || (item.url !== undefined && seenUrls.has(item.url))) continue;
      seenIds.add(item.id);
      if (item.url !== undefined) seenUrls.add(item.url);
      // Each item keeps its own feed's language: the merged feed names only the first's,
      // and an English item under a Vietnamese one was marked (and read out) as Vietnamese.
      items.push(item.language || !feed.language ? item : { ...item, language: feed.language });
    }
  }
  const first = feeds[0] ?? ({} as Partial<Feed>);
  const urls = feeds.flatMap((f) => (f.url === undefined ? [] : [f.url]));
  const merged: Record<string, unknown> = {
    format: 'merged',
    items: newestFirst(items),
    title: first.title,
    homePageUrl: first.homePageUrl,
    url: urls.length ? urls.join(' ') : undefined,
    description: first.description,
    language: first.language,
    timeZone: feeds.find((f) => f.timeZone !== undefined)?.timeZone,
  };
  // The model never holds a key set to `undefined`.
  for (const k in merged) if (merged[k] === undefined) delete merged[k];
  return merged as unknown as Feed;
}

/**
 * The outcomes of several URLs as one result: the feeds that loaded, merged, and a
 * warning for each that did not. Throws the first failure when none loaded.
 */
export function combine(
  urls: string[],
  settled: PromiseSettledResult<LoadedFeed>[],
  runtime: Pick<FeedRuntime, 'displayUrl'>,
): LoadedFeed {
  const good: LoadedFeed[] = [];
  const warnings: FeedWarning[] = [];
  let firstError: unknown;
  settled.forEach((r, i) => {
    if (r.status === 'fulfilled') {
      good.push(r.value);
      warnings.push(...r.value.warnings);
    } else {
      firstError ??= r.reason;
      const why = r.reason instanceof Error ? r.reason.message : String(r.reason);
      warnings.push({
        path: runtime.displayUrl(urls[i]),
        message: sourceFailed(why),
        url: urls[i],
      });
    }
  });
  if (good.length === 0) throw firstError;
  const result: LoadedFeed = {
    feed: mergeFeeds(good.map((g) => g.feed)),
    warnings,
    url: urls.join(' '),
    fetchedAt: new Date(Math.min(...good.map((g) => g.fetchedAt.getTime()))),
  };
  const stale = good.find((g) => g.stale)?.stale;
  if (stale) result.stale = stale;
  return result;
}

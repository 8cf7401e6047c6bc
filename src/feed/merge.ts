/**
 * Several feeds as one list (`src="a.json b.xml"`): newest first, and an item that two
 * feeds both carry (same id or same url) shown once.
 */
import type { Article, Feed } from './model.js';
import { assign } from './parse-json.js';

/**
 * Merges feeds in the order given. When two items share an id or a url, the one from
 * the earlier feed wins. The result has format `merged`; its metadata (title, zone,
 * language) is the first feed's, and it has no `nextUrl` since there is no single next page.
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
      items.push(item);
    }
  }
  const first = feeds[0];
  const merged: Feed = { format: 'merged', items: newestFirst(items) };
  const urls = feeds.map((f) => f.url).filter((u): u is string => u !== undefined);
  assign(merged, {
    title: first?.title,
    homePageUrl: first?.homePageUrl,
    url: urls.length ? urls.join(' ') : undefined,
    description: first?.description,
    language: first?.language,
    timeZone: feeds.find((f) => f.timeZone !== undefined)?.timeZone,
  });
  return merged;
}

/**
 * Newest first, by publication (else update) time; undated items keep their order at the
 * end. RSS and Atom generators list items in whatever order the CMS stores them, so the
 * order carries no meaning worth keeping. (A JSON Feed keeps its publisher's order: its
 * `_civic` fields show the publisher arranges it on purpose.)
 */
export function newestFirst(items: Article[]): Article[] {
  const time = (a: Article) => (a.published ?? a.modified)?.getTime();
  return items
    .map((item, index) => ({ item, index, t: time(item) }))
    .sort((a, b) => {
      if (a.t === undefined || b.t === undefined) {
        if (a.t !== b.t) return a.t === undefined ? 1 : -1;
        return a.index - b.index;
      }
      return b.t - a.t || a.index - b.index;
    })
    .map((x) => x.item);
}

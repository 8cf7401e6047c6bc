/**
 * The order the XML readers and the merge give items. Its own module, imported only by
 * lazy chunks (the XML readers, the merge), so it never joins the entry; the list's
 * orderings (`order.ts`) are the entry's.
 */
import type { Article } from './model.js';

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

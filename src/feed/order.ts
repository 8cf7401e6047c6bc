/**
 * Which articles a list shows, and in what order: pinned first, then newest (or most
 * read) first, filtered by category and tag. Plain functions over the model, no Lit,
 * so any widget (or a site's own code) orders news the same way.
 */
import type { Article, ItemReader, SortFields } from './model.js';

/** What a list sorts by, newest or highest first. */
export type SortKey = 'published' | 'updated' | 'views';

/** Every accepted `sort` value; anything else reads as `published`. */
export const SORT_KEYS: readonly SortKey[] = ['published', 'updated', 'views'];

/** `value` as a sort key, `published` for anything unknown. */
export function toSortKey(value: string | null | undefined): SortKey {
  const v = value?.trim().toLowerCase();
  return SORT_KEYS.find((k) => k === v) ?? 'published';
}

/**
 * The date a list prints (and sorts by) for an article: the update date for
 * `updated`, falling back to the publication date; the publication date otherwise,
 * falling back to the update date so that an item with only one of them still shows one.
 */
export function listDate(article: SortFields, sort: SortKey): Date | undefined {
  return sort === 'updated'
    ? (article.modified ?? article.published)
    : (article.published ?? article.modified);
}

/**
 * The number an article sorts by, or undefined when it has none (it then goes last): the
 * date the list prints (`listDate`: an item with only an update date is as new as it),
 * or the view count. (A big JSON Feed's date texts are sorted on by `orderArticles`
 * directly.)
 */
function sortValue(article: SortFields, sort: SortKey): number | undefined {
  return sort === 'views' ? article.views : listDate(article, sort)?.getTime();
}

/** Numbers, or (the direct sort's) texts that sort as their instants; never both in one sort. */
type Key = number | string | undefined;

interface Keyed<T> {
  article: T;
  pinned: number;
  key: Key;
}

/**
 * Pinned articles first (for the date sorts: "Đọc nhiều" ranks strictly by views), then
 * by `sort`, newest/highest first; articles with no date (or no view count) go last.
 * Ties keep the feed's order. Returns a new array.
 */
export function orderArticles<T extends SortFields>(items: readonly T[], sort: SortKey): T[] {
  // The sort is stable (ECMAScript 2019), so ties keep the feed's order. A big JSON Feed's
  // entries, whose keys are their `text`s (or none), are sorted as they are: a keyed copy
  // would be one more object per item (10,000 of them, half of what capping costs).
  if (sort === 'published' && items.every((a) => a.text !== undefined || !listDate(a, sort)))
    return items.slice().sort((a, b) => +b.pinned - +a.pinned || compareDescending(a.text, b.text));
  // Else keys are computed once per item, not once per comparison: lists reach 1,000 items.
  const keyed: Keyed<T>[] = items.map((article) => ({
    article,
    pinned: article.pinned && sort !== 'views' ? 1 : 0,
    key: sortValue(article, sort),
  }));
  keyed.sort((a, b) => b.pinned - a.pinned || compareDescending(a.key, b.key));
  return keyed.map((k) => k.article);
}

/**
 * The first `count` articles of what `orderArticles(filterArticles(all, filter), sort)`
 * gives for all of a reader's items, reading in full only those and any skipped on the
 * way: ten shown from 10,000 items read about ten.
 */
export function firstArticles<T extends SortFields>(
  reader: ItemReader<T>,
  sort: SortKey,
  filter: ArticleFilter,
  count: number,
): Article[] {
  const out: Article[] = [];
  orderArticles(reader.items, sort).some((item) => {
    const a = reader.read(item);
    if (a && matchesFilter(a, filter)) out.push(a);
    return out.length >= count;
  });
  return out;
}

function compareDescending(a: Key, b: Key): number {
  if (a === undefined) return b === undefined ? 0 : 1;
  if (b === undefined) return -1;
  return a < b ? 1 : a > b ? -1 : 0;
}

/**
 * A filter attribute as the list of values it names: separated by commas (not spaces,
 * because categories and tags such as "Cải cách hành chính" contain spaces), trimmed,
 * compared without case. Empty or missing means "no filter".
 */
export function parseFilter(value: string | null | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map(normalize)
    .filter((v) => v !== '');
}

// NFC because Vietnamese text arrives both precomposed and decomposed ("ề" as e + ̂ + ̀).
function normalize(text: string): string {
  return text.normalize('NFC').trim().toLowerCase();
}

/** What to keep: any of `categories` (when given) and any of `tags` (when given). */
export interface ArticleFilter {
  categories: readonly string[];
  tags: readonly string[];
}

/** True when `article` passes `filter`; both parts must match when both are given. */
export function matchesFilter(article: Article, filter: ArticleFilter): boolean {
  if (filter.categories.length > 0) {
    if (!article.category || !filter.categories.includes(normalize(article.category))) return false;
  }
  if (filter.tags.length > 0) {
    if (!article.tags.some((t) => filter.tags.includes(normalize(t)))) return false;
  }
  return true;
}

/** The articles that pass `filter`, in their order. */
export function filterArticles(items: readonly Article[], filter: ArticleFilter): Article[] {
  if (filter.categories.length === 0 && filter.tags.length === 0) return items.slice();
  return items.filter((a) => matchesFilter(a, filter));
}

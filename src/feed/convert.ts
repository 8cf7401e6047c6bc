/**
 * The converters behind the widgets' `.feed` and `.item` properties: a `Feed` or `Article`
 * from `loadFeed` (re-checked against the model, by the JSON Feed reader's own table), or
 * a raw JSON Feed document or item.
 */
import type { Article, Feed, FeedFormat } from './model.js';
import { FeedError, messages } from './errors.js';
import { isObject, own, readFeedFields, readItem, readJsonFeed, zoneOf } from './parse-json.js';
import type { ParsedFeed } from './model.js';
import { Warnings, documentBase } from './values.js';

const FORMATS: readonly unknown[] = ['json', 'rss', 'atom', 'merged'] satisfies FeedFormat[];

/** A Feed built by this library (or by hand in the same shape), as opposed to a raw JSON Feed. */
function isModelFeed(value: Record<string, unknown>): boolean {
  return (
    FORMATS.includes(own(value, 'format')) &&
    Array.isArray(own(value, 'items')) &&
    !Object.hasOwn(value, 'version')
  );
}

/** An Article of the model: the shape has booleans and arrays a raw JSON Feed item never has at its top level. */
function isModelArticle(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof own(value, 'id') === 'string' &&
    typeof own(value, 'pinned') === 'boolean' &&
    typeof own(value, 'featured') === 'boolean' &&
    ['tags', 'authors', 'attachments'].every((k) => Array.isArray(own(value, k)))
  );
}

/**
 * A model-shaped article re-checked field by field (anything off-model is dropped,
 * quietly: the page built it, the feed did not); a raw JSON Feed item read as one.
 */
function checkArticle(value: unknown, path: string, w: Warnings): Article | undefined {
  const model = isModelArticle(value);
  return readItem(value, path, model ? new Warnings() : w, documentBase(), model);
}

/**
 * The feed behind a widget's `.feed` property: a `Feed` from `loadFeed` (or from
 * `parseFeed`), or a raw JSON Feed document object. A `Feed` is re-checked against the
 * model so that a hand-built one cannot put NaN or an invalid date on the page. The
 * result is kept per object, as widgets compare `.feed` by identity: to show changed
 * data, hand them a new object.
 * @throws FeedError when the value is neither.
 */
export function toFeed(value: unknown): ParsedFeed {
  // A page often hands one feed object to several widgets: check it once.
  if (!isObject(value)) return convertFeed(value);
  let parsed = checked.get(value);
  if (!parsed) checked.set(value, (parsed = convertFeed(value)));
  return parsed;
}

const checked = new WeakMap<object, ParsedFeed>();

function convertFeed(value: unknown): ParsedFeed {
  if (isObject(value) && isObject(own(value, 'feed')) && Array.isArray(own(value, 'warnings'))) {
    // The whole result of loadFeed/parseFeed was passed: take its feed.
    return toFeed(own(value, 'feed'));
  }
  if (isObject(value) && isModelFeed(value)) {
    const w = new Warnings();
    const feed: Feed = {
      format: own(value, 'format') as FeedFormat,
      items: (own(value, 'items') as unknown[])
        .map((item, i) => checkArticle(item, `items[${i}]`, w))
        .filter((a): a is Article => a !== undefined),
    };
    const urls = own(value, 'url');
    // Several URLs when merged: text, not one URL to check.
    if (typeof urls === 'string' && urls.trim()) feed.url = urls;
    readFeedFields(feed, value, new Warnings(), documentBase(), true);
    return { feed, warnings: w.list };
  }
  if (isObject(value) || Array.isArray(value)) return readJsonFeed(value, { url: documentBase() });
  throw new FeedError(messages.notFeedValue());
}

/**
 * The article behind a widget's `.item` property: an `Article` from `loadFeed`, or a raw
 * JSON Feed item object. Undefined when the value cannot be shown (no id and url, or no
 * title and content).
 */
export function toArticle(value: unknown): Article | undefined {
  const article = checkArticle(value, 'item', new Warnings());
  // The re-checked copy keeps the zone of the feed the article came from.
  if (article) zoneOf.set(article, zoneOf.get(value as object));
  return article;
}

/**
 * The item an `item-id` names: matched on `id`, then on `url` (so a permalink works too),
 * after trimming; with no id, the feed's first item. With `read` (a JSON Feed's reader,
 * see `readerOf`), the items are read in full only as far as the one found: a card
 * showing the newest of 500 items reads one.
 */
export function findArticle<T>(
  items: readonly T[],
  itemId?: string | null,
  read = (item: T) => item as Article | undefined,
): Article | undefined {
  // A number from a CMS (`card.itemId = 12`) names the item whose id is "12".
  const id = String(itemId ?? '').trim();
  let byUrl: Article | undefined;
  for (const item of items) {
    const a = read(item);
    if (a && (!id || a.id === id)) return a;
    if (a?.url === id) byUrl ??= a;
  }
  return byUrl;
}

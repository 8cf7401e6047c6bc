/**
 * The converters behind the widgets' `.feed` and `.item` properties: a `Feed` or `Article`
 * from `loadFeed` (re-checked against the model), or a raw JSON Feed document or item.
 */
import type { Article, Attachment, Author, Feed, FeedFormat } from './model.js';
import { FeedError, messages } from './errors.js';
import { assign, readJsonFeed, readJsonItem } from './parse-json.js';
import type { ParsedFeed } from './read.js';
import { Warnings, checkUrl, documentBase, isTimeZone, toCount } from './values.js';

const FORMATS: readonly FeedFormat[] = ['json', 'rss', 'atom', 'merged'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A Feed built by this library (or by hand in the same shape), as opposed to a raw JSON Feed. */
function isModelFeed(value: Record<string, unknown>): boolean {
  return (
    FORMATS.includes(value['format'] as FeedFormat) &&
    Array.isArray(value['items']) &&
    !('version' in value)
  );
}

/** An Article of the model: the shape has booleans and arrays a raw JSON Feed item never has at its top level. */
function isModelArticle(value: Record<string, unknown>): boolean {
  return (
    typeof value['id'] === 'string' &&
    typeof value['pinned'] === 'boolean' &&
    typeof value['featured'] === 'boolean' &&
    Array.isArray(value['tags']) &&
    Array.isArray(value['authors']) &&
    Array.isArray(value['attachments'])
  );
}

/**
 * The feed behind a widget's `.feed` property: a `Feed` from `loadFeed` (or from
 * `parseFeed`), or a raw JSON Feed document object. A `Feed` is re-checked against the
 * model so that a hand-built one cannot put NaN or an invalid date on the page.
 * @throws FeedError when the value is neither.
 */
export function toFeed(value: unknown): ParsedFeed {
  if (isRecord(value) && isRecord(value['feed']) && Array.isArray(value['warnings'])) {
    // The whole result of loadFeed/parseFeed was passed: take its feed.
    return toFeed(value['feed']);
  }
  if (isRecord(value) && isModelFeed(value)) {
    const w = new Warnings();
    const items = (value['items'] as unknown[])
      .map((item, i) => checkArticle(item, `items[${i}]`, w))
      .filter((a): a is Article => a !== undefined);
    const feed: Feed = { format: value['format'] as FeedFormat, items };
    const zone = value['timeZone'];
    assign(feed, {
      title: text(value['title']),
      homePageUrl: url(value['homePageUrl']),
      url: text(value['url']),
      description: text(value['description']),
      language: text(value['language']),
      timeZone: typeof zone === 'string' && isTimeZone(zone) ? zone : undefined,
      nextUrl: url(value['nextUrl']),
    });
    return { feed, warnings: w.list };
  }
  if (isRecord(value) || Array.isArray(value)) return readJsonFeed(value, { url: documentBase() });
  throw new FeedError(messages.notFeedValue());
}

/**
 * The article behind a widget's `.item` property: an `Article` from `loadFeed`, or a raw
 * JSON Feed item object. Undefined when the value cannot be shown (no id and url, or no
 * title and content).
 */
export function toArticle(value: unknown): Article | undefined {
  if (isRecord(value) && isModelArticle(value)) return checkArticle(value, 'item', new Warnings());
  return readJsonItem(value, 'item', new Warnings(), documentBase());
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

function url(v: unknown): string | undefined {
  const s = text(v);
  if (s === undefined) return undefined;
  const checked = checkUrl(s, documentBase());
  return checked.ok ? checked.url : undefined;
}

function date(v: unknown): Date | undefined {
  return v instanceof Date && !Number.isNaN(v.getTime()) ? v : undefined;
}

/** Re-checks a model-shaped article field by field; anything off-model is dropped. */
function checkArticle(value: unknown, path: string, w: Warnings): Article | undefined {
  if (!isRecord(value) || !isModelArticle(value)) {
    // A raw JSON Feed item inside a model feed: read it as one.
    return readJsonItem(value, path, w, documentBase());
  }
  const article: Article = {
    id: value['id'] as string,
    authors: (value['authors'] as unknown[])
      .filter(isRecord)
      .map((a) => assign<Author>({}, { name: text(a['name']), url: url(a['url']) }))
      .filter((a) => a.name !== undefined || a.url !== undefined),
    tags: (value['tags'] as unknown[]).filter((t): t is string => typeof t === 'string'),
    attachments: (value['attachments'] as unknown[])
      .filter(isRecord)
      .map((a) => {
        const u = url(a['url']);
        return u === undefined
          ? undefined
          : assign<Attachment>(
              { url: u },
              {
                mimeType: text(a['mimeType']),
                title: text(a['title']),
                sizeInBytes: toCount(a['sizeInBytes']),
              },
            );
      })
      .filter((a): a is Attachment => a !== undefined),
    pinned: value['pinned'] as boolean,
    featured: value['featured'] as boolean,
  };
  assign(article, {
    url: url(value['url']),
    title: text(value['title']),
    summary: text(value['summary']),
    contentHtml: text(value['contentHtml']),
    contentText: text(value['contentText']),
    markdown: text(value['markdown']),
    published: date(value['published']),
    modified: date(value['modified']),
    image: url(value['image']),
    category: text(value['category']),
    views: typeof value['views'] === 'number' ? toCount(value['views']) : undefined,
    language: text(value['language']),
  });
  return article;
}

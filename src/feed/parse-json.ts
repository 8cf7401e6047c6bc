/**
 * JSON Feed 1.1 (and 1.0) with the `_civic` extension, read into the model. A bad field
 * is dropped with a warning; an item without identity or content is skipped with one.
 */
import type { Article, Attachment, Author, Feed, FeedWarning } from './model.js';
import { FeedError, messages } from './errors.js';
import {
  Warnings,
  checkUrl,
  documentBase,
  isTimeZone,
  parseRfc3339,
  toCount,
  toLanguage,
} from './values.js';

type Json = Record<string, unknown>;

/** Options every reader takes. */
export interface ReadOptions {
  /** The URL the document came from: relative URLs inside are resolved against it. */
  url?: string;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Field readers that share the object, its path and the warning list. */
class Fields {
  constructor(
    private readonly obj: Json,
    private readonly path: string,
    private readonly w: Warnings,
    private readonly base: string | undefined,
  ) {}

  at(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }

  /** The raw value; `null` counts as absent, as generators write it for "no value". */
  raw(key: string): unknown {
    const v = this.obj[key];
    return v === null ? undefined : v;
  }

  string(key: string): string | undefined {
    const v = this.raw(key);
    if (v === undefined) return undefined;
    if (typeof v !== 'string') {
      this.w.add(this.at(key), messages.notString());
      return undefined;
    }
    return v.trim() === '' ? undefined : v;
  }

  boolean(key: string): boolean | undefined {
    const v = this.raw(key);
    if (v === undefined) return undefined;
    if (typeof v !== 'boolean') {
      this.w.add(this.at(key), messages.notBoolean());
      return undefined;
    }
    return v;
  }

  count(key: string): number | undefined {
    const v = this.raw(key);
    if (v === undefined) return undefined;
    const n = typeof v === 'number' ? toCount(v) : undefined;
    if (n === undefined) this.w.add(this.at(key), messages.notCount());
    return n;
  }

  date(key: string): Date | undefined {
    const s = this.string(key);
    if (s === undefined) return undefined;
    const d = parseRfc3339(s);
    if (!d) this.w.add(this.at(key), messages.notRfc3339());
    return d;
  }

  url(key: string): string | undefined {
    const s = this.string(key);
    if (s === undefined) return undefined;
    const checked = checkUrl(s, this.base);
    if (!checked.ok) {
      this.w.add(this.at(key), checked.message);
      return undefined;
    }
    return checked.url;
  }

  language(key: string): string | undefined {
    const s = this.string(key);
    if (s === undefined) return undefined;
    const tag = toLanguage(s);
    if (!tag) this.w.add(this.at(key), messages.notLanguage(s));
    return tag;
  }

  object(key: string): Fields | undefined {
    const v = this.raw(key);
    if (v === undefined) return undefined;
    if (!isObject(v)) {
      this.w.add(this.at(key), messages.notObject());
      return undefined;
    }
    return new Fields(v, this.at(key), this.w, this.base);
  }

  array(key: string): unknown[] | undefined {
    const v = this.raw(key);
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) {
      this.w.add(this.at(key), messages.notArray());
      return undefined;
    }
    return v as unknown[];
  }

  /** Each object element of an array, with its own path; other elements are warned about. */
  objects(key: string): Fields[] {
    const list = this.array(key) ?? [];
    const out: Fields[] = [];
    list.forEach((v, i) => {
      const p = `${this.at(key)}[${i}]`;
      if (isObject(v)) out.push(new Fields(v, p, this.w, this.base));
      else this.w.add(p, messages.notObject());
    });
    return out;
  }
}

function readAuthor(f: Fields): Author | undefined {
  const author: Author = {};
  const name = f.string('name');
  const url = f.url('url');
  if (name !== undefined) author.name = name;
  if (url !== undefined) author.url = url;
  return name === undefined && url === undefined ? undefined : author;
}

function readAttachment(f: Fields, w: Warnings, path: string): Attachment | undefined {
  const url = f.url('url');
  if (url === undefined) {
    if (f.raw('url') === undefined) w.add(path, messages.noAttachmentUrl());
    return undefined;
  }
  const a: Attachment = { url };
  const mimeType = f.string('mime_type');
  const title = f.string('title');
  const size = f.count('size_in_bytes');
  if (mimeType !== undefined) a.mimeType = mimeType;
  if (title !== undefined) a.title = title;
  if (size !== undefined) a.sizeInBytes = size;
  return a;
}

/**
 * One JSON Feed item, or undefined when it must be skipped (the reason is warned at
 * `path`). Exported for `toArticle`.
 */
export function readJsonItem(
  value: unknown,
  path: string,
  w: Warnings,
  base: string | undefined,
): Article | undefined {
  if (!isObject(value)) {
    w.add(path, messages.notItem());
    return undefined;
  }
  const f = new Fields(value, path, w, base);
  // JSON Feed 1.1 says string; numeric ids are common in the wild and lose nothing as text.
  const rawId = f.raw('id');
  let id: string | undefined;
  if (typeof rawId === 'number' && Number.isFinite(rawId)) id = String(rawId);
  else id = f.string('id');
  const url = f.url('url');
  const title = f.string('title');
  const contentHtml = f.string('content_html');
  const contentText = f.string('content_text');
  const summary = f.string('summary');
  const civic = f.object('_civic');
  const markdown = civic?.string('markdown');

  const identity = id ?? url;
  if (identity === undefined) {
    w.add(path, messages.noIdentity());
    return undefined;
  }
  if (
    title === undefined &&
    contentHtml === undefined &&
    contentText === undefined &&
    summary === undefined &&
    markdown === undefined
  ) {
    w.add(path, messages.noContent());
    return undefined;
  }

  const authors: Author[] = [];
  // JSON Feed 1.0 has one `author`; 1.1 has `authors` and deprecates the other.
  const legacy = f.object('author');
  const one = legacy && readAuthor(legacy);
  for (const a of f.objects('authors')) {
    const author = readAuthor(a);
    if (author) authors.push(author);
  }
  if (one && authors.length === 0) authors.push(one);

  const tags: string[] = [];
  (f.array('tags') ?? []).forEach((t, i) => {
    if (typeof t === 'string' && t.trim() !== '') tags.push(t.trim());
    else w.add(`${f.at('tags')}[${i}]`, messages.notString());
  });

  const attachments: Attachment[] = [];
  f.objects('attachments').forEach((a, i) => {
    const att = readAttachment(a, w, `${f.at('attachments')}[${i}]`);
    if (att) attachments.push(att);
  });

  const article: Article = {
    id: identity,
    authors,
    tags,
    attachments,
    pinned: civic?.boolean('pinned') ?? false,
    featured: civic?.boolean('featured') ?? false,
  };
  const published = f.date('date_published');
  const modified = f.date('date_modified');
  const image = f.url('image') ?? f.url('banner_image');
  const language = f.language('language');
  const category = civic?.string('category');
  const views = civic?.count('views');
  assign(article, {
    url,
    title,
    summary,
    contentHtml,
    contentText,
    markdown,
    published,
    modified,
    image,
    language,
    category,
    views,
  });
  return article;
}

/** Copies only the defined values, so the model never holds a key set to `undefined`. */
export function assign<T extends object>(target: T, values: Partial<T>): T {
  for (const [k, v] of Object.entries(values)) {
    if (v !== undefined) (target as Record<string, unknown>)[k] = v;
  }
  return target;
}

const VERSIONS = ['https://jsonfeed.org/version/1', 'https://jsonfeed.org/version/1.1'];

/** A parsed JSON value read as a JSON Feed. Throws FeedError when it is not one. */
export function readJsonFeed(
  doc: unknown,
  options: ReadOptions = {},
): { feed: Feed; warnings: FeedWarning[] } {
  if (!isObject(doc))
    throw new FeedError(messages.notJsonFeed(`the document is ${kindOf(doc)}, not an object`));
  const w = new Warnings();
  const base = options.url ?? documentBase();
  const f = new Fields(doc, '', w, base);
  const version = doc['version'];
  const items = doc['items'];
  if (items === undefined || items === null) {
    throw new FeedError(
      messages.notJsonFeed(
        version === undefined ? 'no "version" and no "items"' : '"items" is missing',
      ),
    );
  }
  if (!Array.isArray(items)) throw new FeedError(messages.notJsonFeed('"items" must be an array'));
  if (typeof version !== 'string') w.add('version', messages.noVersion());
  else if (!VERSIONS.includes(version.replace(/\/$/, '')))
    w.add('version', messages.unknownVersion(version));

  const feed: Feed = { format: 'json', items: [] };
  const civic = f.object('_civic');
  const zone = civic?.string('time_zone');
  let timeZone: string | undefined;
  if (zone !== undefined) {
    if (isTimeZone(zone)) timeZone = zone;
    else w.add('_civic.time_zone', messages.notTimeZone(zone));
  }
  assign(feed, {
    title: f.string('title'),
    homePageUrl: f.url('home_page_url'),
    url: options.url,
    description: f.string('description'),
    language: f.language('language'),
    timeZone,
    nextUrl: f.url('next_url'),
  });
  items.forEach((item, i) => {
    const article = readJsonItem(item, `items[${i}]`, w, base);
    if (article) feed.items.push(article);
  });
  return { feed, warnings: w.list };
}

/**
 * JSON Feed 1.1 (and 1.0) with the `_civic` extension, read into the model; and the same
 * rules re-checking a model `Feed` or `Article` handed to a widget (`convert.ts`).
 *
 * One table says which field is which kind of value, under its model name and its JSON
 * Feed name. A bad field is dropped with a warning at its path; an item without identity
 * or content is skipped with one.
 */
import type {
  Article,
  Author,
  Feed,
  FeedWarning,
  ItemReader,
  ParsedFeed,
  ReadOptions,
  SortFields,
} from './model.js';

export type { ReadOptions } from './model.js';
import { FeedError, messages } from './errors.js';
import { orderArticles } from './order.js';
import { afterPaint } from '../internal/lazy.js';
import {
  Warnings,
  checkUrl,
  documentBase,
  isTimeZone,
  parseRfc3339,
  toCount,
  toLanguage,
  usualRfc3339,
} from './values.js';

type Json = Record<string, unknown>;

/** The default of `ReadOptions.maxItems`. */
export const MAX_ITEMS = 1000;

/** How many items of a document are read: `options.maxItems` when a positive integer, else the default. */
export const maxItems = (options: ReadOptions): number =>
  Number.isSafeInteger(options.maxItems) && options.maxItems! > 0 ? options.maxItems! : MAX_ITEMS;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `obj[key]` only when `obj` has it itself. Feed data meets lookups by name only through
 * this: a value inherited from a polluted `Object.prototype` (or a key like
 * `constructor`) never counts as the feed's.
 */
export function own(obj: object, key: string): unknown {
  return Object.hasOwn(obj, key) ? (obj as Json)[key] : undefined;
}

/** Why a value that was there got dropped. */
class Bad {
  constructor(readonly message: string) {}
}

/** One kind of value: the clean value, a `Bad` (dropped with a warning), or undefined (blank, dropped quietly). */
type Check = (value: unknown, base?: string) => unknown;

const text: Check = (v) =>
  typeof v !== 'string' ? new Bad(messages.notString(v)) : v.trim() ? v : undefined;

/** A check on the text of a non-blank string. */
const ofText =
  (next: (s: string, base?: string) => unknown): Check =>
  (v, base) => {
    const s = text(v);
    return typeof s === 'string' ? next(s, base) : s;
  };

const url = ofText((s, base) => {
  const checked = checkUrl(s, base);
  return checked.ok ? checked.url : new Bad(checked.message);
});
const language = ofText((s) => toLanguage(s) ?? new Bad(messages.notLanguage(s)));
const zone = ofText((s) => (isTimeZone(s) ? s : new Bad(messages.notTimeZone(s))));
const rfc3339 = ofText((s) => parseRfc3339(s) ?? new Bad(messages.notRfc3339(s)));
/** JSON Feed dates are RFC 3339 text; a model Article holds a Date. */
const date: Check = (v) =>
  v instanceof Date ? (Number.isNaN(v.getTime()) ? new Bad(messages.notDate()) : v) : rfc3339(v);
const flag: Check = (v) => (typeof v === 'boolean' ? v : new Bad(messages.notBoolean(v)));
const count: Check = (v) =>
  (typeof v === 'number' ? toCount(v) : undefined) ?? new Bad(messages.notCount(v));
const object: Check = (v) => (isObject(v) ? v : new Bad(messages.notObject(v)));
const array: Check = (v) => (Array.isArray(v) ? v : new Bad(messages.notArray(v)));

/** The fields of one object, with its path for warnings. */
class Fields {
  constructor(
    readonly obj: Json,
    readonly path: string,
    readonly w: Warnings,
    readonly base: string | undefined,
  ) {}

  at(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }

  /** The clean value of `key`; `null` counts as absent, as generators write it for "no value". */
  get<T = string>(key: string, check: Check): T | undefined {
    const v = own(this.obj, key);
    const r = v == null ? undefined : check(v, this.base);
    if (!(r instanceof Bad)) return r as T | undefined;
    this.w.add(this.at(key), r.message);
  }

  /** The object at `key`, as fields with their own path. */
  sub(key: string): Fields | undefined {
    const o = this.get<Json>(key, object);
    return o && new Fields(o, this.at(key), this.w, this.base);
  }

  /** Each element of the array at `key`, with its path. */
  each(key: string, read: (value: unknown, path: string) => void): void {
    this.get<unknown[]>(key, array)?.forEach((v, i) => read(v, `${this.at(key)}[${i}]`));
  }
}

/** Model name, JSON Feed name (`_civic.*` lives in the extension object), kind; in reading order, which is warning order. */
type Row = [string, string, Check];

const FEED: Row[] = [
  ['timeZone', '_civic.time_zone', zone],
  ['title', 'title', text],
  ['homePageUrl', 'home_page_url', url],
  ['description', 'description', text],
  ['language', 'language', language],
  ['nextUrl', 'next_url', url],
];
/** What an item must have one of: a title or some content (`url` is identity, not content). */
const CONTENT: Row[] = [
  ['url', 'url', url],
  ['title', 'title', text],
  ['contentHtml', 'content_html', text],
  ['contentText', 'content_text', text],
  ['summary', 'summary', text],
  ['markdown', '_civic.markdown', text],
];
const DETAILS: Row[] = [
  ['pinned', '_civic.pinned', flag],
  ['featured', '_civic.featured', flag],
  ['published', 'date_published', date],
  ['modified', 'date_modified', date],
  ['image', 'image', url],
  ['image', 'banner_image', url],
  ['language', 'language', language],
  ['category', '_civic.category', text],
  ['views', '_civic.views', count],
];
const AUTHOR: Row[] = [
  ['name', 'name', text],
  ['url', 'url', url],
];
const ATTACHMENT: Row[] = [
  ['mimeType', 'mime_type', text],
  ['title', 'title', text],
  ['sizeInBytes', 'size_in_bytes', count],
];

/**
 * Sets each row's model field on `target` from `f` (by model name when `model`, else by
 * JSON Feed name, `_civic.*` from `civic`). A field already set stays (`banner_image`
 * only stands in for a missing `image`).
 */
function fill<T extends object>(
  target: T,
  rows: Row[],
  f: Fields,
  model: boolean,
  civic?: Fields,
): T {
  const out = target as Record<string, unknown>;
  for (const [name, key, check] of rows) {
    if (own(out, name) !== undefined) continue;
    const ext = key.startsWith('_civic.');
    const v = model ? f.get(name, check) : (ext ? civic : f)?.get(key.slice(ext ? 7 : 0), check);
    if (v !== undefined) out[name] = v;
  }
  return target;
}

/**
 * One item, or undefined when it must be skipped (the reason is warned at `path`): a raw
 * JSON Feed item, or with `model` an `Article` re-checked (an Article needs no content:
 * a counter's item may be just an id and views).
 */
export function readItem(
  value: unknown,
  path: string,
  w: Warnings,
  base: string | undefined,
  model = false,
): Article | undefined {
  if (!isObject(value)) {
    w.add(path, messages.notItem(value));
    return undefined;
  }
  const f = new Fields(value, path, w, base);
  // JSON Feed 1.1 says string; numeric ids are common in the wild and lose nothing as text.
  const rawId = own(value, 'id');
  const id =
    typeof rawId === 'number' && Number.isFinite(rawId) ? String(rawId) : f.get('id', text);
  const civic = model ? undefined : f.sub('_civic');
  const article = fill({} as Article, CONTENT, f, model, civic);
  const identity = id ?? article.url;
  if (identity === undefined) {
    w.add(path, messages.noIdentity());
    return undefined;
  }
  article.id = identity;
  if (!model && CONTENT.every(([name]) => name === 'url' || !Object.hasOwn(article, name))) {
    w.add(path, messages.noContent());
    return undefined;
  }

  const person = (a: Fields): Author | undefined => {
    const author = fill<Author>({}, AUTHOR, a, model);
    return author.name || author.url ? author : undefined;
  };
  // JSON Feed 1.0 has one `author`; 1.1 has `authors` and deprecates the other.
  const legacy = model ? undefined : f.sub('author');
  const one = legacy && person(legacy);
  article.authors = [];
  f.each('authors', (v, p) => {
    const author = isObject(v)
      ? person(new Fields(v, p, w, base))
      : w.add(p, messages.notObject(v));
    if (author) article.authors.push(author);
  });
  if (one && !article.authors.length) article.authors.push(one);

  article.tags = [];
  f.each('tags', (t, p) => {
    // Blank tags go quietly, as blank fields do.
    const tag = text(t) as string | Bad | undefined;
    if (tag instanceof Bad) w.add(p, tag.message);
    else if (tag) article.tags.push(tag.trim());
  });

  article.attachments = [];
  f.each('attachments', (v, p) => {
    if (!isObject(v)) return w.add(p, messages.notObject(v));
    const a = new Fields(v, p, w, base);
    const href = a.get('url', url);
    if (href !== undefined) article.attachments.push(fill({ url: href }, ATTACHMENT, a, model));
    else if (own(v, 'url') == null) w.add(p, messages.noAttachmentUrl());
  });

  fill(article, DETAILS, f, model, civic);
  // Own values only: an inherited `pinned` from a polluted prototype must not pin.
  article.pinned = own(article, 'pinned') === true;
  article.featured = own(article, 'featured') === true;
  return article;
}

/** Copies only the defined values, so the model never holds a key set to `undefined`. */
export function assign<T extends object>(target: T, values: Partial<T>): T {
  for (const [k, v] of Object.entries(values)) {
    if (v !== undefined) (target as Record<string, unknown>)[k] = v;
  }
  return target;
}

/**
 * A feed's own fields (not its items) from a raw JSON Feed document, or with `model`
 * from a model `Feed` (re-checked).
 */
export function readFeedFields(
  feed: Feed,
  doc: Json,
  w: Warnings,
  base: string | undefined,
  model: boolean,
): Feed {
  const f = new Fields(doc, '', w, base);
  return fill(feed, FEED, f, model, model ? undefined : f.sub('_civic'));
}

const DONE = Symbol();

/**
 * One item of a document: what lists sort by, read at once, the rest on first need. The
 * sort fields are read by `readItem`'s own checks and rows, so they are exactly what the
 * article will have; quietly (their warnings are dropped), as a bad value's warning comes
 * with the full read. Every field is the entry's own: none can come from a polluted
 * Object.prototype.
 */
class Entry implements SortFields {
  readonly pinned: boolean;
  /**
   * `date_published` when a valid date-time in ECMAScript's form (`usualRfc3339`), to sort
   * by without reading it; `readJsonFeed` takes it away when the feed's texts do not all
   * sort as their instants.
   */
  text: string | undefined;
  /**
   * Once read in full: the article (none when the item is skipped), and its warnings.
   * Under a symbol, so that a page's polluted `Object.prototype.done` cannot pose as one.
   */
  [DONE]?: [Article | undefined, FeedWarning[]];
  constructor(
    readonly raw: unknown,
    /** Its index in the document, for the warnings' paths. */
    readonly at: number,
  ) {
    // Read straight from the object, not through `Fields`: a 10,000-item feed makes
    // 10,000 entries, and what they allocate is most of what a list of ten costs.
    const item = isObject(raw) ? raw : {};
    const civic = own(item, '_civic');
    this.pinned = isObject(civic) && own(civic, 'pinned') === true;
    const published = own(item, 'date_published');
    this.text = typeof published === 'string' ? usualRfc3339(published) : undefined;
  }

  // Read when a sort needs them: reading all of a big feed's dates costs more than the
  // rest of its entries together.
  get published(): Date | undefined {
    return quiet(this.raw, 'date_published', date);
  }

  get modified(): Date | undefined {
    return quiet(this.raw, 'date_modified', date);
  }

  get views(): number | undefined {
    return quiet(quiet(this.raw, '_civic', object), 'views', count);
  }
}

/** `key` of `obj` when `obj` is an object and the value passes `check`; no warning. */
function quiet<T>(obj: unknown, key: string, check: Check): T | undefined {
  const v = isObject(obj) ? own(obj, key) : undefined;
  const r = v == null ? undefined : check(v);
  if (!(r instanceof Bad)) return r as T | undefined;
}

/** A document's items, each read in full once, when something first needs it. */
interface Reader extends ItemReader<Entry> {
  /** The warnings about the document itself (its version and fields, the item cap). */
  head: FeedWarning[];
  /** Gets the warnings of each item as it is read (see `hasItems`). */
  report?: (warnings: FeedWarning[]) => void;
}

const readers = new WeakMap<Feed, Reader>();

/**
 * The time zone of the feed each article was read from, when it names one: a card handed
 * the article alone (`.item`) prints its dates in the publisher's zone all the same.
 */
export const zoneOf = new WeakMap<object, string | undefined>();

/** How to read the items of a feed from `readJsonFeed` one by one; undefined for other feeds. */
export const readerOf = (feed: Feed): ItemReader | undefined => readers.get(feed);

/**
 * Whether a read feed has an item that is not skipped, reading no further than the first;
 * first hands `report` the warnings: all at once, or for a feed from `readJsonFeed`,
 * those of the document now, each item's as it is read (a list reads the items it
 * shows), and all of them once the page is idle.
 */
export function hasItems(parsed: ParsedFeed, report: (warnings: FeedWarning[]) => void): boolean {
  const r = readers.get(parsed.feed);
  if (!r) {
    report(parsed.warnings);
    return parsed.feed.items.length > 0;
  }
  report(r.head);
  r.report = report;
  afterPaint(() => report(parsed.warnings));
  return r.items.some((e) => r.read(e));
}

const VERSIONS = ['https://jsonfeed.org/version/1', 'https://jsonfeed.org/version/1.1'];

function kindOf(value: unknown): string {
  // Only asked of a document that is not an object: null, an array or a primitive.
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/**
 * A parsed JSON value read as a JSON Feed. Throws FeedError when it is not one.
 *
 * The document's own fields are read at once; its items only as far as sorting needs
 * (`Entry`), then in full on first need: `feed.items` and `warnings` read them all, in
 * document order, when first asked for (so they are what a full read gives), and a list
 * that orders them through `readerOf` reads only those it shows. Past `maxItems`, the
 * items kept are the first of the list's default order (pinned, then newest published),
 * in document order: a feed that lists its oldest first keeps its news.
 */
export function readJsonFeed(doc: unknown, options: ReadOptions = {}): ParsedFeed {
  if (!isObject(doc))
    throw new FeedError(messages.notJsonFeed(`the document is ${kindOf(doc)}, not an object`));
  const version = own(doc, 'version');
  const items = own(doc, 'items');
  if (items == null) {
    throw new FeedError(
      messages.notJsonFeed(
        version === undefined ? 'no "version" and no "items"' : '"items" is missing',
      ),
    );
  }
  if (!Array.isArray(items)) throw new FeedError(messages.notJsonFeed('"items" must be an array'));
  const w = new Warnings();
  if (typeof version !== 'string') w.add('version', messages.noVersion());
  else if (!VERSIONS.includes(version.replace(/\/$/, '')))
    w.add('version', messages.unknownVersion(version));

  const base = options.url ?? documentBase();
  // `items` and `warnings` read all the items, in document order, as a plain full read
  // does, when first asked for; then they are kept (and a value set replaces them). Plain
  // accessors, never redefined: they work on an object a page has frozen meanwhile.
  let list: Article[] | undefined;
  let warnings: FeedWarning[] | undefined;
  const feed = readFeedFields(
    assign<Feed>(
      {
        format: 'json',
        get items() {
          return (list ??= kept.flatMap((e) => reader.read(e) ?? []));
        },
        set items(value) {
          list = value;
        },
      },
      { url: options.url },
    ),
    doc,
    w,
    base,
    false,
  );
  let kept: Entry[] = [];
  // Texts of one length (so one form: with a fraction or not, Z or an offset) and one
  // offset sort as their instants do. Any other dated item (a leap second, a space for
  // the T, a `Date` object, another offset): all are sorted by their instants. Checked as
  // the entries are made: a second pass over 10,000 cost a tenth of making them.
  let first = '';
  let zone = '';
  let uniform = true;
  items.forEach((raw, at) => {
    const e = new Entry(raw, at);
    const text = e.text;
    if (text && !first) zone = (first = text).slice(text.endsWith('Z') ? -1 : -6);
    uniform &&= text ? text.length === first.length && text.endsWith(zone) : !e.published;
    kept.push(e);
  });
  if (!uniform) for (const e of kept) e.text = undefined;
  const max = maxItems(options);
  if (kept.length > max) {
    w.add('items', messages.tooManyItems(kept.length, max));
    kept = orderArticles(kept, 'published')
      .slice(0, max)
      .sort((a, b) => a.at - b.at);
  }
  const reader: Reader = {
    items: kept,
    head: w.list,
    report: undefined,
    read(e) {
      if (!e[DONE]) {
        const iw = new Warnings();
        const a = readItem(e.raw, `items[${e.at}]`, iw, base);
        if (a) zoneOf.set(a, feed.timeZone);
        e[DONE] = [a, iw.list];
        reader.report?.(iw.list);
      }
      return e[DONE][0];
    },
  };
  readers.set(feed, reader);
  return {
    feed,
    get warnings() {
      return (warnings ??= w.list.concat(kept.flatMap((e) => (reader.read(e), e[DONE]![1]))));
    },
    set warnings(value) {
      warnings = value;
    },
  };
}

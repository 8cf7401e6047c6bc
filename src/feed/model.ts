/**
 * The one model every feed format (JSON Feed, RSS, Atom) is mapped onto.
 * Plain data: dates are real instants (`Date`, always valid when present), counts are
 * non-negative integers, URLs are already checked to be http(s), mailto or relative.
 * A field that was missing or bad in the source is simply absent (never `undefined`
 * printed, never NaN, never an invalid date).
 */
import type { FeedError } from './errors.js';

/** A file attached to an article (JSON Feed `attachments`, RSS `enclosure`). */
export interface Attachment {
  url: string;
  mimeType?: string;
  title?: string;
  sizeInBytes?: number;
}

/** An author of an article or feed. */
export interface Author {
  name?: string;
  url?: string;
}

/** One news item. */
export interface Article {
  /** Stable identity: the item's `id`, else its `url`. */
  id: string;
  /** Permalink (absolute, resolved against the feed URL). */
  url?: string;
  title?: string;
  summary?: string;
  /** Unsanitized HTML body as the feed gave it; it only reaches the DOM through src/content/. */
  contentHtml?: string;
  contentText?: string;
  /** `_civic.markdown`: wins over `contentHtml`/`contentText` for the full card. */
  markdown?: string;
  published?: Date;
  modified?: Date;
  image?: string;
  authors: Author[];
  tags: string[];
  /** `_civic.category`. */
  category?: string;
  /** `_civic.views`. */
  views?: number;
  /** `_civic.pinned`: kept on top of lists. */
  pinned: boolean;
  /** `_civic.featured`: highlighted in lists and grids. */
  featured: boolean;
  attachments: Attachment[];
  /** Language of the item, when the feed says. */
  language?: string;
}

/**
 * What lists sort articles by (see `order.ts`). `text` is what a big JSON Feed's items
 * are put in order by (see `readJsonFeed`): the text of their publication date, when all
 * of the feed's such texts sort as their instants do.
 */
export type SortFields = Pick<Article, 'pinned' | 'published' | 'modified' | 'views'> & {
  readonly text?: string;
};

/**
 * A feed's items read one at a time, on first need: what a JSON Feed reader hands a list
 * (`readerOf` in parse-json.ts), so that a list of ten from 10,000 items reads ten.
 */
export interface ItemReader<T extends SortFields = SortFields> {
  /** Each item's sort fields, exactly as its article will have them, in document order. */
  readonly items: readonly T[];
  /** The item in full (read once); undefined when it is skipped, as `feed.items` leaves it out. */
  read(item: T): Article | undefined;
}

/** Which kind of document a feed came from. */
export type FeedFormat = 'json' | 'rss' | 'atom' | 'merged';

/** A usable feed. */
export interface Feed {
  format: FeedFormat;
  title?: string;
  homePageUrl?: string;
  /** The URL(s) it was loaded from, when loaded over the network. */
  url?: string;
  description?: string;
  language?: string;
  /** `_civic.time_zone`: IANA zone the publisher prints dates in (validated). */
  timeZone?: string;
  /** JSON Feed `next_url`: the next page of older items. */
  nextUrl?: string;
  items: Article[];
}

/** A problem in a usable feed: a dropped field or a skipped item, with its path. */
export interface FeedWarning {
  /** Where: `items[3].date_published`. */
  path: string;
  /** What: `not an RFC 3339 date`. */
  message: string;
  /** Which feed, when it was loaded from a URL (several URLs can be merged into one list). */
  url?: string;
}

/** Options every reader takes. */
export interface ReadOptions {
  /** The URL the document came from: relative URLs inside are resolved against it. */
  url?: string;
  /**
   * The IANA time zone the feed's times are written in, for RSS dates that name no zone
   * or one that is unknown or ambiguous (`Thu, 19 Mar 2020 16:20:00 IST`). Without it,
   * such dates are dropped with a warning that quotes them, never guessed.
   */
  timeZone?: string;
  /**
   * How many items of the document are read, at most (default `MAX_ITEMS`, 1,000); the
   * rest are skipped with one warning. A widget shows a few dozen: a hostile or runaway
   * feed of 100,000 items must not be validated in full on the main thread. A JSON Feed
   * keeps the items a list shows first (pinned, then the newest by `date_published`, then
   * undated ones), in document order; RSS and Atom keep the first in document order.
   */
  maxItems?: number;
}

/** A usable feed and the problems found in it. */
export interface ParsedFeed {
  feed: Feed;
  warnings: FeedWarning[];
}

/** What `loadFeed` resolves with. */
export interface LoadedFeed {
  feed: Feed;
  /**
   * Problems in the feed that cost a field or an item, each with its path. Read when first
   * asked for: for a JSON Feed that reads every item in full.
   */
  warnings: FeedWarning[];
  /** The URL(s) loaded, absolute, space-separated when several. */
  url: string;
  /** When the document shown was fetched (for a stale copy: when it was last good). */
  fetchedAt: Date;
  /** Set when the load failed and this is the remembered copy: why the fresh load failed. */
  stale?: FeedError;
}

/** One remembered document. */
export interface Remembered {
  url: string;
  text: string;
  contentType?: string;
  fetchedAt: Date;
}

/** Where and how much to remember. */
export interface MemoryOptions {
  /** The storage to use; default `localStorage` (null when the page may not use it). */
  storage?: Storage | null;
  /** Cap on all remembered copies together, in bytes (UTF-16, as browsers count quota). Default 2 MB. */
  maxBytes?: number;
  /** Oldest copy still shown, in milliseconds since it was fetched. Default 30 days. */
  maxAge?: number;
}

/**
 * The one model every feed format (JSON Feed, RSS, Atom) is mapped onto.
 * Plain data: dates are real instants (`Date`, always valid when present), counts are
 * non-negative integers, URLs are already checked to be http(s), mailto or relative.
 * A field that was missing or bad in the source is simply absent (never `undefined`
 * printed, never NaN, never an invalid date).
 */

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

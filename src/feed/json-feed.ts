/**
 * The JSON Feed 1.1 document (https://jsonfeed.org/version/1.1) with civic-widgets'
 * `_civic` extension, as TypeScript types: what a developer hands a widget's `.feed` or
 * `.item`. Types only; the reader (`parse-json.ts`) still checks every field at run
 * time, since a feed comes from outside.
 */

/** A JSON Feed author. */
export interface JsonFeedAuthor {
  name?: string;
  url?: string;
  avatar?: string;
}

/** A JSON Feed attachment (a PDF, an audio file…). */
export interface JsonFeedAttachment {
  url: string;
  mime_type: string;
  title?: string;
  size_in_bytes?: number;
  duration_in_seconds?: number;
}

/** The `_civic` extension on an item. */
export interface CivicItemExtension {
  /** View count, a non-negative integer. */
  views?: number;
  /** The section the item belongs to. */
  category?: string;
  /** The body as Markdown; wins over `content_html` and `content_text` in a full card. */
  markdown?: string;
  /** Kept on top of lists. */
  pinned?: boolean;
  /** Highlighted in lists and grids. */
  featured?: boolean;
}

/** A JSON Feed item. */
export interface JsonFeedItem {
  id: string;
  url?: string;
  external_url?: string;
  title?: string;
  content_html?: string;
  content_text?: string;
  summary?: string;
  image?: string;
  banner_image?: string;
  /** RFC 3339. */
  date_published?: string;
  /** RFC 3339. */
  date_modified?: string;
  authors?: JsonFeedAuthor[];
  tags?: string[];
  language?: string;
  attachments?: JsonFeedAttachment[];
  _civic?: CivicItemExtension;
}

/** A JSON Feed 1.1 document. */
export interface JsonFeed {
  version: string;
  title?: string;
  home_page_url?: string;
  feed_url?: string;
  description?: string;
  next_url?: string;
  icon?: string;
  favicon?: string;
  language?: string;
  authors?: JsonFeedAuthor[];
  expired?: boolean;
  items: JsonFeedItem[];
  _civic?: {
    /** IANA zone the publisher prints dates in. */
    time_zone?: string;
  };
}

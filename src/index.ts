/**
 * The npm entry: classes, the feed loader and the formatting helpers. Importing it
 * defines no element; import `civic-widgets/define.js` (all) or
 * `civic-widgets/<element>.js` (one) for that.
 */
export { CivicFeed } from './components/feed/feed.js';
export { CivicArticleCard } from './components/article-card/article-card.js';
export { CivicViewCounter } from './components/view-counter/view-counter.js';
export { CivicBulletinList } from './components/bulletin-list/bulletin-list.js';
export { CivicDateLine } from './components/date-line/date-line.js';

// Feed layer
export type { Article, Attachment, Author, Feed, FeedFormat, FeedWarning } from './feed/model.js';
export type {
  CivicItemExtension,
  JsonFeed,
  JsonFeedAttachment,
  JsonFeedAuthor,
  JsonFeedItem,
} from './feed/json-feed.js';
export { FeedError } from './feed/errors.js';
// The loader behind a check of its arguments (the widgets call the loader itself).
export { loadFeed } from './feed/load-api.js';
export type { LoadFeedOptions, LoadedFeed } from './feed/load.js';
export { parseFeed, toFeed, toArticle, type ParseOptions, type ParsedFeed } from './feed/parse.js';
export { mergeFeeds } from './feed/merge.js';
export type { FeedState, FeedStatus } from './components/shared/feed-context.js';
export {
  FeedSource,
  type FeedHost,
  type FeedSourceOptions,
} from './components/shared/feed-source.js';
export {
  CivicFeedLoadEvent,
  CivicFeedErrorEvent,
  type CivicEventMap,
  type CivicFeedLoadDetail,
  type CivicFeedErrorDetail,
} from './components/shared/events.js';

// Live view counts (the counter's endpoint client)
export { loadCount, privacySignal } from './counter/load-count.js';
export { CounterError } from './counter/errors.js';

// Formatting
export { defineMessages, messagesFor, type Messages } from './format/messages.js';
export { formatDate, formatDateLine, resolveTimeZone } from './format/dates.js';
export { formatCount, type Notation } from './format/numbers.js';
export { toLunar, formatLunar, canChiYear, type LunarDate } from './format/lunar.js';

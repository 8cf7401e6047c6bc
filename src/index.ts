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
export { FeedError } from './feed/errors.js';
export type { FeedState, FeedStatus } from './components/shared/feed-context.js';

// Formatting
export { defineMessages, messagesFor, type Messages } from './format/messages.js';
export { formatDate, formatDateLine, resolveTimeZone } from './format/dates.js';
export { formatCount, type Notation } from './format/numbers.js';
export { toLunar, formatLunar, canChiYear, type LunarDate } from './format/lunar.js';

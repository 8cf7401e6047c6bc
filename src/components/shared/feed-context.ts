import type { Feed } from '../../feed/model.js';
import type { FeedError } from '../../feed/errors.js';

/** What a widget knows about its feed at any moment. */
export type FeedStatus = 'idle' | 'loading' | 'empty' | 'error' | 'stale' | 'ready';

/**
 * The state a `<civic-feed>` provider hands to the widgets inside it, and the state the
 * feed-source controller exposes to its host element.
 * - `idle`: no source configured at all.
 * - `loading`: a request is under way (and nothing remembered to show meanwhile).
 * - `empty`: loaded and usable, with no items.
 * - `error`: unusable and nothing remembered; `error` says why.
 * - `stale`: the load failed but a remembered copy is shown; `fetchedAt` says from when.
 * - `ready`: loaded; also a copy remembered from an earlier visit, drawn while the request
 *   is under way (stale-while-revalidate).
 */
export interface FeedState {
  status: FeedStatus;
  feed?: Feed;
  error?: FeedError;
  /** The URL(s) this state came from, when any. */
  url?: string;
  /** When the shown copy was fetched (set for `stale`, and for fresh loads). */
  fetchedAt?: Date;
  /** The providing `<civic-feed>`'s `locale`, when it sets one (widgets also see it as its `lang`). */
  locale?: string;
  /** The providing `<civic-feed>`'s `time-zone`, when it sets one (it also replaces `feed.timeZone`). */
  timeZone?: string;
  /**
   * Set with `loading` when the response is already in the browser (a `<link rel="preload">`
   * that has finished): content follows within a task or two, so widgets draw nothing
   * for that moment instead of a placeholder that would be drawn once and thrown away.
   * Cleared after a short wait if the content is slower than that.
   */
  held?: boolean;
  /** Ask for the feed again (the "Thử lại" button). */
  retry: () => void;
}

/**
 * The context key shared by `<civic-feed>` and every widget (as `@lit/context`'s
 * `createContext` would make it). A string, so two copies of the bundle on one page
 * still talk.
 */
export const feedContext = 'civic-feed-state' as 'civic-feed-state' & {
  // The brand `@lit/context` gives a key (its `Context` type), so its providers type-check with it.
  __context__: FeedState | undefined;
};

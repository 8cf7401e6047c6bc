/**
 * The two feed events, defined once: `<civic-feed>` and every widget that loads its own
 * `src` fire them through `announceLoad` / `announceError`.
 */
import type { Feed, FeedWarning } from '../../feed/model.js';
import type { FeedError } from '../../feed/errors.js';

/** Detail of `civic-feed-load`. */
export interface CivicFeedLoadDetail {
  /** The URL(s) loaded, absolute; undefined for an inline feed. */
  url?: string;
  feed: Feed;
  /** Problems that cost a field or an item, each with its path. */
  warnings: FeedWarning[];
  /** When the document was fetched. */
  fetchedAt?: Date;
  /** Set when the fresh load failed and `feed` is the remembered copy: why it failed. */
  stale?: FeedError;
}

/** Detail of `civic-feed-error`. */
export interface CivicFeedErrorDetail {
  /** The URL(s) that failed; undefined for an inline feed. */
  url?: string;
  /** `error.message` says plainly what is wrong and where. */
  error: FeedError;
}

/** A feed loaded and validated. Bubbles and crosses shadow roots. */
export class CivicFeedLoadEvent extends Event {
  static readonly eventName = 'civic-feed-load';
  readonly detail: CivicFeedLoadDetail;
  constructor(detail: CivicFeedLoadDetail) {
    super(CivicFeedLoadEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/** A feed could not be used, and nothing remembered stands in. Bubbles and crosses shadow roots. */
export class CivicFeedErrorEvent extends Event {
  static readonly eventName = 'civic-feed-error';
  readonly detail: CivicFeedErrorDetail;
  constructor(detail: CivicFeedErrorDetail) {
    super(CivicFeedErrorEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'civic-feed-load': CivicFeedLoadEvent;
    'civic-feed-error': CivicFeedErrorEvent;
  }
}

const warned = new Set<string>();

/**
 * Sends each feed warning to the console once per page, however many widgets show
 * the same feed.
 */
export function reportWarnings(warnings: readonly FeedWarning[]): void {
  for (const w of warnings) {
    const line = `civic-widgets: ${w.url ? `${w.url}: ` : ''}${w.path}: ${w.message}`;
    if (warned.has(line)) continue;
    warned.add(line);
    console.warn(line);
  }
}

/** Fires `civic-feed-load` from `target` and reports the warnings. */
export function announceLoad(target: EventTarget, detail: CivicFeedLoadDetail): void {
  reportWarnings(detail.warnings);
  target.dispatchEvent(new CivicFeedLoadEvent(detail));
}

const failed = new Set<string>();

/**
 * Fires `civic-feed-error` from `target`, and says the technical reason on the console,
 * once per feed and reason however many widgets show it: the visitor sees only a plain
 * sentence (see `renderError`), the site's developer finds the why here.
 */
export function announceError(target: EventTarget, detail: CivicFeedErrorDetail): void {
  const line = `civic-widgets: ${detail.error.message}`;
  const key = `${detail.url ?? ''}\n${line}`;
  if (!failed.has(key)) {
    failed.add(key);
    console.warn(line);
  }
  target.dispatchEvent(new CivicFeedErrorEvent(detail));
}

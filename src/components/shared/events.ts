/**
 * The two feed events, defined once: `<civic-feed>` and every widget that loads its own
 * `src` fire them through `announceLoad` / `announceError`.
 */
import type { Feed, FeedWarning } from '../../feed/model.js';
import type { FeedError } from '../../feed/errors.js';
import { afterPaint } from '../../internal/lazy.js';

/** Detail of `civic-feed-load`. */
export interface CivicFeedLoadDetail {
  /** The URL(s) loaded, absolute; undefined for an inline feed. */
  url?: string;
  feed: Feed;
  /**
   * Problems that cost a field or an item, each with its path. Read when a listener first
   * asks (for a JSON Feed that reads every item); the console has them once the page is idle.
   */
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

/** The library's events by name, for listeners on elements, the document and the window. */
export interface CivicEventMap {
  'civic-feed-load': CivicFeedLoadEvent;
  'civic-feed-error': CivicFeedErrorEvent;
}

// The events bubble and are composed, so a listener on the document or the window sees
// them too. Each element's define module re-exports these types, so importing only
// `civic-widgets/define.js` or one element's module brings them in.
declare global {
  // Empty on purpose: each map takes the library's events from CivicEventMap.
  /* eslint-disable @typescript-eslint/no-empty-object-type */
  interface HTMLElementEventMap extends CivicEventMap {}
  interface DocumentEventMap extends CivicEventMap {}
  interface WindowEventMap extends CivicEventMap {}
  /* eslint-enable @typescript-eslint/no-empty-object-type */
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

/**
 * Fires `civic-feed-load` from `target`, and reports the warnings after the next paint:
 * reading all of a JSON Feed's warnings reads every item, which no first paint waits for.
 */
export function announceLoad(target: EventTarget, detail: CivicFeedLoadDetail): void {
  afterPaint(() => reportWarnings(detail.warnings));
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

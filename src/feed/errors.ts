/**
 * Every message a feed can fail or warn with lives here, so "why did this feed fail?"
 * has one answer; except those only the lazy chunks raise, which travel with them:
 * the XML readers' (`xml-messages.ts`, with the HTML page's: only the XML chunk tells one
 * from a feed), the merge's (`merge.ts`), a broken JSON text's
 * (`json-error.ts`) and a failed request's rarer causes (`failure.ts`: CORS, time limit,
 * size cap).
 */
import { RequestError, requestMessages } from '../internal/request-error.js';

/**
 * Why a feed is unusable. `message` is plain and says what and where; `url` and `status`
 * (from `RequestError`, which `CounterError` shares) say which request and how it ended.
 */
export class FeedError extends RequestError {
  constructor(message: string, options: { url?: string; status?: number; cause?: unknown } = {}) {
    super(message, options);
    this.name = 'FeedError';
  }
}

/** The message texts. Functions, so that each one says where. */
export const messages = {
  // Unusable: the request (the same words as the view counter's).
  ...requestMessages,
  badUrl: (raw: string) => `not a feed URL: "${raw}"`,
  noUrl: () => `no feed URL given`,
  // Unusable: the document.
  empty: () => `not a feed: the response is empty`,
  notJsonFeed: (why: string) => `not a JSON Feed: ${why}`,
  notFeedValue: () => `not a feed: expected a JSON Feed object or a Feed from loadFeed`,
  // Warnings: what was wrong with a field or an item (the path says where).
  notRfc3339: (v: string) => `${show(v)} is not an RFC 3339 date`,
  notDate: () => `not a date`,
  notCount: (v: unknown) => `${show(v)} is not a non-negative integer`,
  notString: (v: unknown) => `${show(v)} is not a string`,
  notBoolean: (v: unknown) => `${show(v)} is not true or false`,
  notObject: (v: unknown) => `${show(v)} is not an object`,
  notArray: (v: unknown) => `${show(v)} is not an array`,
  notTimeZone: (zone: string) => `"${clip(zone)}" is not an IANA time zone`,
  notLanguage: (tag: string) => `"${clip(tag)}" is not a language tag`,
  badScheme: (url: string) => `"${clip(url)}" is not an http, https or mailto URL; dropped`,
  notUrl: (url: string) => `"${clip(url)}" is not a URL; dropped`,
  noIdentity: () => `has neither an id nor a url; skipped`,
  noContent: () => `has neither a title nor any content; skipped`,
  notItem: (v: unknown) => `${show(v)} is not an object; skipped`,
  noVersion: () => `"version" is missing; read as JSON Feed 1.1`,
  unknownVersion: (v: string) =>
    `"${clip(v)}" is not a known JSON Feed version; read as JSON Feed 1.1`,
  noAttachmentUrl: () => `has no url; dropped`,
  tooManyItems: (count: number, max: number) =>
    `has ${count} items; only the newest ${max} are read`,
} as const;

/**
 * A bad value as a warning quotes it: text in quotes, a number or `true` as written, an
 * object or array only by its kind (it may be big, or not JSON at all with `.feed`).
 */
function show(v: unknown): string {
  return typeof v === 'string'
    ? `"${clip(v)}"`
    : Array.isArray(v)
      ? '[…]'
      : v && typeof v === 'object'
        ? '{…}'
        : clip(String(v));
}

/** Keeps a hostile 10 kB value from flooding the console. */
function clip(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

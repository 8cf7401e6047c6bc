/**
 * What the feed loader and the live view-count client share about a failed request:
 * the base of `FeedError` and `CounterError`, and the words for the two failures both
 * meet (the rarer ones, such as a time limit, are worded in the lazy `failure.ts`).
 */

/** A request that failed, or whose answer is unusable. `message` says what and where, plainly. */
export class RequestError extends Error {
  /** The URL that failed, when the failure came from a request. */
  readonly url?: string;
  /** HTTP status, when the server answered with an error. */
  readonly status?: number;
  constructor(message: string, options: { url?: string; status?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.url = options.url;
    this.status = options.status;
  }
}

/** The words for a request that failed on the way; `where` is the URL as shown. */
export const requestMessages = {
  network: (where: string) => `network error loading ${where}: the server could not be reached`,
  httpStatus: (status: number, where: string) => `HTTP ${status} for ${where}`,
} as const;

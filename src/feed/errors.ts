/**
 * Every message a feed can fail or warn with lives here, so "why did this feed fail?"
 * has one answer.
 */

/** Why a feed is unusable. `message` is plain and says what and where. */
export class FeedError extends Error {
  /** The URL that failed, when the failure came from a request. */
  readonly url?: string;
  /** HTTP status, when the server answered with an error. */
  readonly status?: number;
  constructor(message: string, options: { url?: string; status?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'FeedError';
    this.url = options.url;
    this.status = options.status;
  }
}

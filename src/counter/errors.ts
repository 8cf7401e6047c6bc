/**
 * Why a live count could not be used. Every message the counter client can fail with
 * lives here, so "why does the counter keep the old number?" has one answer.
 */

/** A failed or unusable answer from a view-count endpoint. `message` says what and where, plainly. */
export class CounterError extends Error {
  /** The URL that failed. */
  readonly url: string;
  /** HTTP status, when the server answered with an error. */
  readonly status?: number;
  constructor(message: string, options: { url: string; status?: number; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CounterError';
    this.url = options.url;
    this.status = options.status;
  }
}

/** The message texts; each says where. */
export const counterMessages = {
  badEndpoint: (raw: string) => `endpoint "${clip(raw)}" is not an http or https URL`,
  network: (url: string) => `network error for ${url}: the server could not be reached`,
  timeout: (seconds: number, url: string) => `timed out after ${seconds} s waiting for ${url}`,
  httpStatus: (status: number, url: string) => `HTTP ${status} for ${url}`,
  notJson: (url: string) => `not JSON: the answer from ${url} could not be parsed`,
  tooLarge: (url: string) => `answer too large: ${url} sent more than 4 KB for one count`,
  notObject: (url: string) => `not a view count: the answer from ${url} is not an object`,
  badViews: (value: string, url: string) =>
    `not a view count: "views" is ${value}, not a non-negative integer, in the answer from ${url}`,
  badId: (got: string, want: string, url: string) =>
    `not this item's count: "id" is ${got}, expected "${clip(want)}", in the answer from ${url}`,
} as const;

/** Describes a bad JSON value briefly, for messages: `"12"`, `-3`, `missing`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'string') return `"${clip(value, 40)}"`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null)
    return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}

/** Keeps a hostile long value from flooding the console. */
function clip(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

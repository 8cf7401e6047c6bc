/**
 * One feed request on the network, for `load.ts`: a time limit per attempt, the HTTP
 * cache's revalidation, and a body read as a stream and refused past a size cap. What a
 * failed attempt means, and the one retry after a network error or a 5xx, live in a lazy
 * chunk (`failure.ts`): most pages never see a failure, and a page that does is waiting
 * on the network anyway. Failures come out as `FeedError`s.
 */
import { FeedError, messages } from './errors.js';
import type { Fault } from './failure.js';
import { abortReason } from '../internal/flights.js';
import { chunk } from '../internal/lazy.js';
import { feedRuntime } from './runtime.js';
import { displayUrl } from './values.js';

export const DEFAULT_TIMEOUT = 15_000;
export const DEFAULT_RETRY_DELAY = 1_000;
export const DEFAULT_MAX_FEED_BYTES = 5 * 1024 * 1024;

/** What a failed attempt means, the retry, and the CORS probe (see `failure.ts`). */
const failure = chunk(() => import('./failure.js'), feedRuntime);

/** What a request takes from `LoadFeedOptions` (see there). */
export interface RequestOptions {
  timeout?: number;
  retryDelay?: number;
  revalidate?: boolean;
  maxBytes?: number;
}

export interface Fetched {
  /** The body, undecoded: `bodyText` (read.ts) finds its encoding. */
  bytes: Uint8Array;
  /** Where the body came from, after redirects: relative URLs inside resolve against it. */
  url: string;
  contentType?: string;
}

export function fetchWithRetry(
  url: string,
  signal: AbortSignal,
  options: RequestOptions,
): Promise<Fetched> {
  const attempt = (): Promise<Fetched> => fetchOnce(url, signal, options);
  return attempt()
    .catch((fault: Fault) =>
      // Called off (the widget left, `src` changed): nothing to word, no chunk to fetch.
      signal.aborted
        ? Promise.reject(abortReason(signal))
        : failure().then(
            (f) => f.recover(fault, attempt, options.retryDelay ?? DEFAULT_RETRY_DELAY),
            // The chunk did not load either: most likely the network is down (a deploy
            // that copied the entry alone is the other cause, and the console names the
            // missing file). A server that answered is named with its status, not as out
            // of reach: a 404 is a wrong URL, not a firewall.
            () => {
              const { status, where } = fault;
              throw new FeedError(
                status ? messages.httpStatus(status, where) : messages.network(where),
                { url, status },
              );
            },
          ),
    )
    .catch((error: unknown) => {
      throw signal.aborted ? abortReason(signal) : error;
    });
}

/** One attempt; a failure is thrown as a `Fault`, for the chunk to word. */
async function fetchOnce(
  url: string,
  signal: AbortSignal,
  options: RequestOptions,
): Promise<Fetched> {
  const limit = options.timeout ?? DEFAULT_TIMEOUT;
  const max = options.maxBytes ?? DEFAULT_MAX_FEED_BYTES;
  const timer = AbortSignal.timeout(limit);
  // This attempt's own switch: a body over the size cap closes the connection.
  const mine = new AbortController();
  const both = AbortSignal.any([signal, timer, mine.signal]);
  const fault: Fault = { url, where: displayUrl(url), limit, max, signal: both };
  try {
    const response = await fetch(url, {
      signal: both,
      credentials: 'same-origin',
      // Conditional headers of our own would force a CORS preflight on another origin;
      // the browser's cache revalidates with the validators it holds, on any origin.
      cache: options.revalidate ? 'no-cache' : 'default',
    });
    fault.answered = true;
    if (!response.ok) {
      fault.status = response.status;
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- worded by the chunk
      throw fault;
    }
    // The body's bytes (decoded later, once the first bytes and the headers can say which
    // encoding: `bodyText` in read.ts), refused past `max`: at once when Content-Length
    // says so, else as soon as the stream does. Reading stops there (the connection is
    // closed), so a hostile 100 MB body costs 5 MB, not 100.
    const tooLarge = (): never => {
      fault.tooLarge = true;
      mine.abort();
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- worded by the chunk
      throw fault;
    };
    if (Number(response.headers.get('content-length')) > max) tooLarge();
    const parts: Uint8Array[] = [];
    let size = 0;
    if (response.body) {
      const reader = response.body.getReader();
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        if ((size += r.value.byteLength) > max) tooLarge();
        parts.push(r.value);
      }
    }
    // Joined here rather than through a Blob, whose arrayBuffer() answers in a later task:
    // a frame could be drawn in between, and the feed's first paint wait for the next.
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.byteLength;
    }
    return {
      bytes,
      url: response.url || url,
      contentType: response.headers.get('content-type') ?? undefined,
    };
  } catch (cause) {
    if (cause !== fault) fault.cause = cause;
    fault.timedOut = timer.aborted;
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- worded by the chunk
    throw fault;
  }
}

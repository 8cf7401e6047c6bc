/**
 * One feed request on the network, for `load.ts`: a time limit per attempt, one retry
 * after a network error or a 5xx (with jitter), the HTTP cache's revalidation, and a
 * body read as a stream and refused past a size cap. Failures come out as `FeedError`s;
 * the words for the rarer ones (CORS, time limit, size cap) are a lazy chunk.
 */
import { FeedError, messages } from './errors.js';
import type { FaultInfo } from './failure.js';
import { abortReason } from '../internal/flights.js';
import { chunk } from '../internal/lazy.js';
import { displayUrl } from './values.js';

export const DEFAULT_TIMEOUT = 15_000;
export const DEFAULT_RETRY_DELAY = 1_000;
export const DEFAULT_MAX_FEED_BYTES = 5 * 1024 * 1024;

/** The words for a request's rarer failures, and the CORS probe (see `failure.ts`). */
const failure = chunk(() => import('./failure.js'), undefined);

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

/** A failure worth one more try: the network dropped, or the server had a passing 5xx. */
class Retryable extends Error {
  constructor(readonly error: FeedError) {
    super(error.message, { cause: error });
  }
}

/** A failure whose words are in the lazy chunk (`failure.ts`); `worded` makes it a FeedError. */
class Worded extends Error {
  constructor(readonly info: FaultInfo) {
    super(info.kind);
  }
}

/**
 * The FeedError for one of a request's rarer failures, in the chunk's words; when the
 * chunk cannot load (offline, a deploy in between), in short words of its own.
 */
async function worded(info: FaultInfo, url: string, cause?: unknown): Promise<FeedError> {
  const text = await failure().then(
    (f) => f.describeFault(info),
    () => `${info.kind} loading ${info.where}`,
  );
  return new FeedError(text, { url, cause });
}

export async function fetchWithRetry(
  url: string,
  signal: AbortSignal,
  options: RequestOptions,
): Promise<Fetched> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchOnce(url, signal, options);
    } catch (e) {
      if (!(e instanceof Retryable)) throw e;
      if (attempt >= 1) throw e.error;
      const base = options.retryDelay ?? DEFAULT_RETRY_DELAY;
      // Jitter, so a hundred pages that failed together do not retry together.
      await new Promise((resolve) => setTimeout(resolve, base * (1 + Math.random() * 0.5)));
      if (signal.aborted) throw abortReason(signal);
    }
  }
}

async function fetchOnce(
  url: string,
  signal: AbortSignal,
  options: RequestOptions,
): Promise<Fetched> {
  const where = displayUrl(url);
  const limit = options.timeout ?? DEFAULT_TIMEOUT;
  const timer = AbortSignal.timeout(limit);
  // This attempt's own switch: a body over the size cap closes the connection.
  const mine = new AbortController();
  const both = AbortSignal.any([signal, timer, mine.signal]);
  const failed = async (cause: unknown): Promise<never> => {
    if (cause instanceof Worded) throw await worded(cause.info, url);
    if (signal.aborted) throw abortReason(signal);
    if (timer.aborted) throw await worded({ kind: 'timeout', where, limit }, url, cause);
    throw new Retryable(new FeedError(messages.network(where), { url, cause }));
  };
  let response: Response;
  try {
    response = await fetch(url, {
      signal: both,
      credentials: 'same-origin',
      // Conditional headers of our own would force a CORS preflight on another origin;
      // the browser's cache revalidates with the validators it holds, on any origin.
      cache: options.revalidate ? 'no-cache' : 'default',
    });
  } catch (cause) {
    if (
      !signal.aborted &&
      !timer.aborted &&
      (await failure().then(
        (f) => f.corsBlocked(url, both),
        () => false,
      ))
    ) {
      throw await worded({ kind: 'cors', where }, url, cause);
    }
    return failed(cause);
  }
  if (!response.ok) {
    const error = new FeedError(messages.httpStatus(response.status, where), {
      url,
      status: response.status,
    });
    if (response.status >= 500) throw new Retryable(error);
    throw error;
  }
  let bytes: Uint8Array;
  const max = options.maxBytes ?? DEFAULT_MAX_FEED_BYTES;
  try {
    bytes = await readCapped(response, max, () => {
      mine.abort();
      return new Worded({ kind: 'tooLarge', where, limit: max });
    });
  } catch (cause) {
    return failed(cause);
  }
  return {
    bytes,
    url: response.url || url,
    contentType: response.headers.get('content-type') ?? undefined,
  };
}

/**
 * The body's bytes (decoded later, once the first bytes and the headers can say which
 * encoding: `bodyText` in read.ts), refused once they pass `max`: at once when
 * Content-Length says so, else as soon as the stream does. Reading stops there, so a
 * hostile 100 MB body costs 5 MB, not 100.
 */
async function readCapped(
  response: Response,
  max: number,
  tooLarge: () => Error,
): Promise<Uint8Array> {
  const body = response.body;
  if (Number(response.headers.get('content-length')) > max) throw tooLarge();
  if (!body) return new Uint8Array(await response.arrayBuffer());
  const reader = body.getReader();
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return new Uint8Array(await new Blob(parts).arrayBuffer());
    bytes += value.byteLength;
    if (bytes > max) {
      reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    parts.push(value);
  }
}

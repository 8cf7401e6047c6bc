/**
 * `loadFeed`: one request per feed URL per page, shared by every widget that names it.
 *
 * - A good result is kept for the page; a failure is not, so the next ask tries again.
 * - A shared request is held by its callers: when the last one lets go (its `signal`
 *   aborts, because its widget left the page), the request is aborted.
 * - Each attempt has a time limit; a network error or a 5xx gets one retry after a pause.
 * - The last good document is remembered (memory.ts). A later load sends its ETag /
 *   Last-Modified, and a 304 reuses it; a later load that fails returns it, marked stale.
 */
import type { Feed, FeedWarning } from './model.js';
import { FeedError, messages } from './errors.js';
import { mergeFeeds } from './merge.js';
import { recall, remember, type MemoryOptions, type Remembered } from './memory.js';
import { readFeedText } from './read.js';
import { displayUrl, documentBase } from './values.js';

/** Options for `loadFeed`. */
export interface LoadFeedOptions {
  /** Lets go of the request: it is aborted once no caller holds it any more. */
  signal?: AbortSignal;
  /** Time limit for each attempt, in milliseconds, body included. Default 15 000. */
  timeout?: number;
  /** Pause before the one retry after a network error or 5xx, in milliseconds. Default 1 000. */
  retryDelay?: number;
  /** Ask the server again even if this page already has the feed (conditionally, when it can). */
  revalidate?: boolean;
  /** Remember good documents in localStorage and fall back to them; `false` turns it off. Default on. */
  remember?: boolean | MemoryOptions;
}

/** What `loadFeed` resolves with. */
export interface LoadedFeed {
  feed: Feed;
  /** Problems in the feed that cost a field or an item, each with its path. */
  warnings: FeedWarning[];
  /** The URL(s) loaded, absolute, space-separated when several. */
  url: string;
  /** When the document shown was fetched (for a stale copy: when it was last good). */
  fetchedAt: Date;
  /** Set when the load failed and this is the remembered copy: why the fresh load failed. */
  stale?: FeedError;
}

export const DEFAULT_TIMEOUT = 15_000;
export const DEFAULT_RETRY_DELAY = 1_000;

interface Shared {
  promise: Promise<LoadedFeed>;
  controller: AbortController;
  holders: number;
  settled: boolean;
  idle?: ReturnType<typeof setTimeout>;
}

/** Good results of this page, by absolute URL. */
const loaded = new Map<string, LoadedFeed>();
/** Requests under way, by absolute URL. */
const pending = new Map<string, Shared>();

/**
 * Loads one feed, or several merged into one list (newest first, duplicates dropped).
 * Widgets and callers naming the same URL share one request and its result.
 *
 * @param urlOrUrls a URL, several separated by spaces, or an array; relative URLs are
 *   resolved against the page.
 * @throws FeedError (as a rejection) when no feed is usable and nothing is remembered;
 *   the message says plainly what is wrong and where. An aborted call rejects with the
 *   signal's reason.
 */
export async function loadFeed(
  urlOrUrls: string | string[],
  options: LoadFeedOptions = {},
): Promise<LoadedFeed> {
  const urls = toUrls(urlOrUrls);
  if (urls.length === 1) return loadOne(urls[0], options);
  const settled = await Promise.allSettled(urls.map((u) => loadOne(u, options)));
  if (options.signal?.aborted) throw abortReason(options.signal);
  return combine(urls, settled);
}

/**
 * The result this page already has for these URLs, without waiting; undefined when any
 * of them still has to be loaded. Lets a widget that joins late draw at once.
 */
export function peekFeed(urlOrUrls: string | string[]): LoadedFeed | undefined {
  let urls: string[];
  try {
    urls = toUrls(urlOrUrls);
  } catch {
    return undefined;
  }
  const results = urls.map((u) => loaded.get(u));
  if (results.some((r) => r === undefined)) return undefined;
  if (urls.length === 1) return results[0];
  return combine(
    urls,
    results.map((value) => ({ status: 'fulfilled', value: value! }) as const),
  );
}

/** Splits, resolves and checks the URLs; the absolute form is the sharing key. */
export function toUrls(urlOrUrls: string | string[]): string[] {
  const raw = (Array.isArray(urlOrUrls) ? urlOrUrls : [urlOrUrls])
    .flatMap((u) => u.split(/\s+/))
    .filter((u) => u !== '');
  if (raw.length === 0) throw new FeedError(messages.noUrl());
  const out: string[] = [];
  for (const r of raw) {
    let url: URL;
    try {
      url = new URL(r, documentBase());
    } catch {
      throw new FeedError(messages.badUrl(r));
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new FeedError(messages.badUrl(r));
    url.hash = '';
    if (!out.includes(url.href)) out.push(url.href);
  }
  return out;
}

function combine(urls: string[], settled: PromiseSettledResult<LoadedFeed>[]): LoadedFeed {
  const good: LoadedFeed[] = [];
  const warnings: FeedWarning[] = [];
  let firstError: unknown;
  settled.forEach((r, i) => {
    if (r.status === 'fulfilled') {
      good.push(r.value);
      warnings.push(...r.value.warnings);
    } else {
      firstError ??= r.reason;
      const why = r.reason instanceof Error ? r.reason.message : String(r.reason);
      warnings.push({
        path: displayUrl(urls[i]),
        message: messages.sourceFailed(why),
        url: urls[i],
      });
    }
  });
  if (good.length === 0) throw firstError;
  const result: LoadedFeed = {
    feed: mergeFeeds(good.map((g) => g.feed)),
    warnings,
    url: urls.join(' '),
    fetchedAt: new Date(Math.min(...good.map((g) => g.fetchedAt.getTime()))),
  };
  const stale = good.find((g) => g.stale)?.stale;
  if (stale) result.stale = stale;
  return result;
}

function loadOne(url: string, options: LoadFeedOptions): Promise<LoadedFeed> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  if (!options.revalidate) {
    const done = loaded.get(url);
    if (done) return Promise.resolve(done);
  }
  const shared = pending.get(url) ?? start(url, options);
  return hold(shared, url, signal);
}

function start(url: string, options: LoadFeedOptions): Shared {
  const controller = new AbortController();
  const shared: Shared = {
    controller,
    holders: 0,
    settled: false,
    promise: Promise.resolve(undefined as never),
  };
  shared.promise = fetchFeed(url, controller.signal, options)
    .then((result) => {
      // A stale copy is a failure in disguise: the next widget should try the network again.
      if (!result.stale) loaded.set(url, result);
      return result;
    })
    .finally(() => {
      shared.settled = true;
      if (pending.get(url) === shared) pending.delete(url);
    });
  // Holders handle the outcome; this only keeps an abandoned request from reporting an unhandled rejection.
  shared.promise.catch(() => undefined);
  pending.set(url, shared);
  return shared;
}

/** One caller's hold on a shared request. Letting go is deferred a tick, so a widget moved in the DOM (disconnect, reconnect) keeps the request. */
function hold(shared: Shared, url: string, signal: AbortSignal | undefined): Promise<LoadedFeed> {
  shared.holders++;
  if (shared.idle !== undefined) {
    clearTimeout(shared.idle);
    shared.idle = undefined;
  }
  if (!signal) return shared.promise;
  return new Promise<LoadedFeed>((resolve, reject) => {
    const onAbort = () => {
      shared.holders--;
      if (shared.holders === 0 && !shared.settled) {
        shared.idle = setTimeout(() => {
          if (shared.holders > 0 || shared.settled) return;
          if (pending.get(url) === shared) pending.delete(url);
          shared.controller.abort(
            new DOMException(`no widget wants ${url} any more`, 'AbortError'),
          );
        }, 0);
      }
      reject(abortReason(signal));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    shared.promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: Error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function memoryOptions(options: LoadFeedOptions): MemoryOptions | undefined {
  if (options.remember === false) return undefined;
  return options.remember === true || options.remember === undefined ? {} : options.remember;
}

async function fetchFeed(
  url: string,
  signal: AbortSignal,
  options: LoadFeedOptions,
): Promise<LoadedFeed> {
  const memory = memoryOptions(options);
  const remembered = memory ? recall(url, memory) : undefined;
  try {
    const doc = await fetchWithRetry(url, signal, options, remembered);
    const parsed = await readFeedText(doc.text, {
      url: doc.finalUrl,
      contentType: doc.contentType,
    });
    const fetchedAt = new Date();
    if (memory) {
      const entry: Remembered = { url, text: doc.text, fetchedAt };
      if (doc.contentType) entry.contentType = doc.contentType;
      if (doc.etag) entry.etag = doc.etag;
      if (doc.lastModified) entry.lastModified = doc.lastModified;
      remember(entry, memory);
    }
    return { ...parsed, warnings: parsed.warnings.map((w) => ({ ...w, url })), url, fetchedAt };
  } catch (error) {
    if (signal.aborted) throw abortReason(signal);
    const failure =
      error instanceof FeedError ? error : new FeedError(String(error), { url, cause: error });
    if (remembered) {
      try {
        const parsed = await readFeedText(remembered.text, {
          url,
          contentType: remembered.contentType,
        });
        return {
          ...parsed,
          warnings: parsed.warnings.map((w) => ({ ...w, url })),
          url,
          fetchedAt: remembered.fetchedAt,
          stale: failure,
        };
      } catch {
        // The remembered copy no longer reads (an older, looser version stored it): report the real failure.
      }
    }
    throw failure;
  }
}

interface Fetched {
  text: string;
  finalUrl: string;
  contentType?: string;
  etag?: string;
  lastModified?: string;
}

/** A failure worth one more try: the network dropped, or the server had a passing 5xx. */
class Retryable extends Error {
  constructor(readonly error: FeedError) {
    super(error.message, { cause: error });
  }
}

/** Why a signal aborted, always as an Error (an AbortError DOMException unless the caller gave one). */
function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error
    ? reason
    : new DOMException('The operation was aborted.', 'AbortError');
}

async function fetchWithRetry(
  url: string,
  signal: AbortSignal,
  options: LoadFeedOptions,
  remembered: Remembered | undefined,
): Promise<Fetched> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchOnce(url, signal, options, remembered);
    } catch (e) {
      if (!(e instanceof Retryable)) throw e;
      if (attempt >= 1) throw e.error;
      const base = options.retryDelay ?? DEFAULT_RETRY_DELAY;
      // Jitter, so a hundred pages that failed together do not retry together.
      await sleep(base * (1 + Math.random() * 0.5), signal);
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function isCrossOrigin(url: string): boolean {
  const here = (globalThis as { location?: Location }).location;
  return here !== undefined && new URL(url).origin !== here.origin;
}

/**
 * After a cross-origin fetch fails, an opaque (`no-cors`) request tells the two causes
 * apart: if it gets through, the server is up and only CORS kept the body from us.
 */
async function reachable(url: string, signal: AbortSignal): Promise<boolean> {
  try {
    await fetch(url, { mode: 'no-cors', cache: 'no-store', credentials: 'omit', signal });
    return true;
  } catch {
    return false;
  }
}

async function fetchOnce(
  url: string,
  signal: AbortSignal,
  options: LoadFeedOptions,
  remembered: Remembered | undefined,
): Promise<Fetched> {
  const where = displayUrl(url);
  const limit = options.timeout ?? DEFAULT_TIMEOUT;
  const timer = new AbortController();
  const timeoutId = setTimeout(
    () => timer.abort(new DOMException('timeout', 'TimeoutError')),
    limit,
  );
  const both = AbortSignal.any([signal, timer.signal]);
  const crossOrigin = isCrossOrigin(url);
  const headers: Record<string, string> = {};
  // Conditional headers are not CORS-safelisted: on another origin they would force a
  // preflight many feed servers do not answer. There the browser's own cache revalidates.
  if (remembered && !crossOrigin) {
    if (remembered.etag) headers['If-None-Match'] = remembered.etag;
    if (remembered.lastModified) headers['If-Modified-Since'] = remembered.lastModified;
  }
  const failed = (cause: unknown): never => {
    if (signal.aborted) throw abortReason(signal);
    if (timer.signal.aborted)
      throw new FeedError(messages.timeout(limit / 1000, where), { url, cause });
    throw new Retryable(new FeedError(messages.network(where), { url, cause }));
  };
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        signal: both,
        headers,
        credentials: 'same-origin',
        cache: options.revalidate && Object.keys(headers).length === 0 ? 'no-cache' : 'default',
      });
    } catch (cause) {
      if (crossOrigin && !signal.aborted && !timer.signal.aborted && (await reachable(url, both))) {
        throw new FeedError(messages.cors(where), { url, cause });
      }
      return failed(cause);
    }
    if (response.status === 304 && remembered) {
      return {
        text: remembered.text,
        finalUrl: url,
        contentType: remembered.contentType,
        etag: response.headers.get('etag') ?? remembered.etag,
        lastModified: response.headers.get('last-modified') ?? remembered.lastModified,
      };
    }
    if (!response.ok) {
      const error = new FeedError(messages.httpStatus(response.status, where), {
        url,
        status: response.status,
      });
      if (response.status >= 500) throw new Retryable(error);
      throw error;
    }
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      return failed(cause);
    }
    const fetched: Fetched = { text, finalUrl: response.url || url };
    const contentType = response.headers.get('content-type');
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    if (contentType) fetched.contentType = contentType;
    if (etag) fetched.etag = etag;
    if (lastModified) fetched.lastModified = lastModified;
    return fetched;
  } finally {
    clearTimeout(timeoutId);
  }
}

/**
 * `loadFeed`: one request per feed URL per page, shared by every widget that names it.
 *
 * - A good result is kept for the page; a failure is not, so the next ask tries again.
 * - A shared request is held by its callers: when the last one lets go (its `signal`
 *   aborts, because its widget left the page), the request is aborted.
 * - Each attempt has a time limit; a network error or a 5xx gets one retry after a pause.
 * - A refresh (`revalidate`) asks the server through the browser's HTTP cache, which sends
 *   the ETag / Last-Modified it holds; a 304 costs no body.
 * - The last good document is remembered (memory.ts); a later load that fails returns it,
 *   marked stale.
 *
 * What most pages never need is in lazy chunks (see `lazy.ts`): the remembered copy
 * (written after a good load, read after a failed one), the merge of several URLs, and
 * the probe that tells a CORS block from a dead server.
 */
import type { Feed, FeedWarning } from './model.js';
import { FeedError, messages } from './errors.js';
import { kit } from './kit.js';
import { lazy } from './lazy.js';
import type { MemoryOptions } from './memory.js';
import { readFeedText } from './read.js';
import { displayUrl, documentBase } from './values.js';

const memory = lazy(() => import('./memory.js'));
const merging = lazy(() => import('./merge.js'));
const probe = lazy(() => import('./probe.js'));

/** Options for `loadFeed`. */
export interface LoadFeedOptions {
  /** Lets go of the request: it is aborted once no caller holds it any more. */
  signal?: AbortSignal;
  /** Time limit for each attempt, in milliseconds, body included. Default 15 000. */
  timeout?: number;
  /** Pause before the one retry after a network error or 5xx, in milliseconds. Default 1 000. */
  retryDelay?: number;
  /** Ask the server again even if this page already has the feed (the browser's cache makes it a conditional request when it can). */
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
  const [settled, { combine }] = await Promise.all([
    Promise.allSettled(urls.map((u) => loadOne(u, options))),
    merging(),
  ]);
  if (options.signal?.aborted) throw abortReason(options.signal);
  const result = combine(urls, settled, kit);
  // Kept for `peekFeed` only when every feed is in it, fresh: anything less is asked for again.
  if (!result.stale && settled.every((r) => r.status === 'fulfilled'))
    loaded.set(result.url, result);
  return result;
}

/**
 * The result this page already has for these URLs, without waiting; undefined when they
 * still have to be loaded. Lets a widget that joins late draw at once.
 */
export function peekFeed(urlOrUrls: string | string[]): LoadedFeed | undefined {
  try {
    return loaded.get(toUrls(urlOrUrls).join(' '));
  } catch {
    return undefined;
  }
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

async function fetchFeed(
  url: string,
  signal: AbortSignal,
  options: LoadFeedOptions,
): Promise<LoadedFeed> {
  const { remember = true } = options;
  const memoryOptions: MemoryOptions | undefined =
    remember === false ? undefined : remember === true ? {} : remember;
  try {
    const doc = await fetchWithRetry(url, signal, options);
    const parsed = await readFeedText(doc.text, doc);
    const fetchedAt = new Date();
    if (memoryOptions) {
      // Off the way to the first render. A failure's read below waits on the same chunk
      // promise, so it runs after this write.
      memory().then(
        (m) =>
          m.remember(
            { url, text: doc.text, contentType: doc.contentType, fetchedAt },
            memoryOptions,
          ),
        () => undefined,
      );
    }
    return { ...parsed, warnings: parsed.warnings.map((w) => ({ ...w, url })), url, fetchedAt };
  } catch (error) {
    if (signal.aborted) throw abortReason(signal);
    const failure =
      error instanceof FeedError ? error : new FeedError(String(error), { url, cause: error });
    try {
      const remembered = memoryOptions && (await memory()).recall(url, memoryOptions);
      if (remembered) {
        const parsed = await readFeedText(remembered.text, remembered);
        return {
          ...parsed,
          warnings: parsed.warnings.map((w) => ({ ...w, url })),
          url,
          fetchedAt: remembered.fetchedAt,
          stale: failure,
        };
      }
    } catch {
      // No memory chunk (offline), or the remembered copy no longer reads (an older,
      // looser version stored it): report the real failure.
    }
    throw failure;
  }
}

interface Fetched {
  text: string;
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
  options: LoadFeedOptions,
): Promise<Fetched> {
  const where = displayUrl(url);
  const limit = options.timeout ?? DEFAULT_TIMEOUT;
  const timer = AbortSignal.timeout(limit);
  const both = AbortSignal.any([signal, timer]);
  const failed = (cause: unknown): never => {
    if (signal.aborted) throw abortReason(signal);
    if (timer.aborted) throw new FeedError(messages.timeout(limit / 1000, where), { url, cause });
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
    const here = (globalThis as { location?: Location }).location;
    if (
      here &&
      new URL(url).origin !== here.origin &&
      !signal.aborted &&
      !timer.aborted &&
      (await probe().then(
        (p) => p.reachable(url, both),
        () => false,
      ))
    ) {
      throw new FeedError(messages.cors(where), { url, cause });
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
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    return failed(cause);
  }
  return {
    text,
    url: response.url || url,
    contentType: response.headers.get('content-type') ?? undefined,
  };
}

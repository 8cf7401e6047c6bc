/**
 * `loadFeed`: one request per feed URL per page, shared by every widget that names it.
 *
 * - A good result is kept for the page; a failure is not, so the next ask tries again.
 * - A shared request is held by its callers: when the last one lets go (its `signal`
 *   aborts, because its widget left the page), the request is aborted.
 * - Each attempt has a time limit; a network error or a 5xx gets one retry after a pause.
 * - A body is read as a stream and given up once it passes `maxBytes` (5 MB).
 * - A refresh (`revalidate`) asks the server through the browser's HTTP cache, which sends
 *   the ETag / Last-Modified it holds; a 304 costs no body.
 * - The last good document is remembered (memory.ts reads, in the entry; memory-write.ts writes, lazily). `recallFeed` reads it
 *   synchronously so a widget can draw it at upgrade while the network is asked again
 *   (stale-while-revalidate); a fresh body with the same text reuses that reading, so
 *   the widget sees the same `Feed` object and need not draw again. A load that fails
 *   with a network error, a timeout, a 5xx or an unreadable body returns the copy,
 *   marked stale; a 4xx does not (a 410 also forgets it). The copy is written after
 *   first paint: no first content waits for it.
 *
 * One attempt at the network (time limit, retry, size cap) is `request.ts`. What most
 * pages never need is lazy (see `src/internal/lazy.ts`): the merge of several URLs, and
 * the words for a request's rarer failures with the probe that tells a CORS block from a
 * dead server (`failure.ts`).
 */
import type { FeedWarning, LoadedFeed, ParsedFeed } from './model.js';
import { FeedError, messages } from './errors.js';
import { afterPaint, chunk } from '../internal/lazy.js';
import { feedRuntime } from './runtime.js';
import { forgetNow, recall, writer, type MemoryOptions } from './memory.js';
import { bodyText, expectFormat, readFeedText, readJsonText, sniff } from './read.js';
import { fetchWithRetry } from './request.js';
import { Flights, abortReason } from '../internal/flights.js';
import { documentBase } from './values.js';

export type { LoadedFeed } from './model.js';

const merging = chunk(() => import('./merge.js'), feedRuntime);

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
  /**
   * Remember good documents in localStorage, draw them at once on later visits and fall
   * back to them when a load fails (network error, timeout, 5xx, unreadable body);
   * `false` turns it off. `maxAge` (ms, default 30 days) bounds how old a copy may be;
   * `maxBytes` (default 2 MB) caps all copies together. Default on.
   */
  remember?: boolean | MemoryOptions;
  /**
   * Largest feed body read, in bytes. A bigger one is refused ("feed too large") as soon
   * as its Content-Length says so, or while it streams in, without reading the rest.
   * Default 5 MB.
   */
  maxBytes?: number;
}

export { DEFAULT_MAX_FEED_BYTES, DEFAULT_RETRY_DELAY, DEFAULT_TIMEOUT } from './request.js';

/** Good results of this page, by absolute URL. */
const loaded = new Map<string, LoadedFeed>();
/** Requests under way, by size cap and absolute URL (see `loadOne`). */
const pending = new Flights<LoadedFeed>();

/** A document this page has read (fresh, or remembered), kept to compare the next body with. */
interface Seen extends LoadedFeed {
  text: string;
}
/**
 * The last document read for each URL: from storage (`recallFeed`) or the network. A
 * body with the same text is not read again, and a failed load falls back to it. A
 * promise while a remembered XML copy waits for its reader; null when nothing usable is
 * remembered.
 */
const seen = new Map<string, Seen | Promise<Seen | undefined> | null>();

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
  const result = combine(urls, settled);
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

/**
 * The remembered copy of one feed URL (absolute, as `toUrls` gives it), read now from
 * localStorage, for drawing at once while the network is asked again. JSON copies read
 * synchronously; an RSS or Atom copy waits for the XML reader (a promise). Undefined when
 * nothing usable is remembered, for several URLs, or with `remember: false`. Read once
 * per page and URL. The result has no `stale`: it is an earlier good load.
 */
export function recallFeed(
  url: string,
  options: Pick<LoadFeedOptions, 'remember'> = {},
): LoadedFeed | Promise<LoadedFeed | undefined> | undefined {
  const memoryOptions = memoryOf(options);
  if (!memoryOptions || url.includes(' ')) return undefined;
  let known = seen.get(url);
  if (known === undefined) {
    known = null;
    const copy = recall(url, memoryOptions);
    if (copy) {
      const read = (parsed: ParsedFeed): Seen => {
        const entry = withUrl(parsed, url, { fetchedAt: copy.fetchedAt, text: copy.text });
        // Unless the network answered meanwhile with something newer.
        if (seen.get(url) === known) seen.set(url, entry);
        return entry;
      };
      try {
        const doc = sniff(copy.text, copy.contentType);
        const json = doc.xml ? undefined : readJsonText(doc.text, copy);
        known = json
          ? read(json)
          : readFeedText(copy.text, copy).then(read, () => {
              forgetNow(url, memoryOptions);
              return undefined;
            });
      } catch {
        // A copy that no longer reads (a looser version stored it): not worth keeping.
        forgetNow(url, memoryOptions);
      }
    }
    seen.set(url, known);
  }
  return known ?? undefined;
}

function memoryOf(options: Pick<LoadFeedOptions, 'remember'>): MemoryOptions | undefined {
  const { remember = true } = options;
  return remember === false ? undefined : remember === true ? {} : remember;
}

/**
 * `parsed` with its URL, on it and on each warning, and `more`. The warnings are read
 * when first asked for (an event's listener, the console after paint): for a JSON Feed
 * that reads every item, which a list of ten must not pay before it is drawn.
 */
function withUrl<T>(parsed: ParsedFeed, url: string, more: T): ParsedFeed & { url: string } & T {
  let list: FeedWarning[] | undefined;
  return Object.assign(
    {
      feed: parsed.feed,
      url,
      get warnings() {
        return (list ??= parsed.warnings.map((w) => ({ ...w, url })));
      },
      set warnings(value) {
        list = value;
      },
    },
    more,
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

function loadOne(url: string, options: LoadFeedOptions): Promise<LoadedFeed> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  if (!options.revalidate) {
    const done = loaded.get(url);
    if (done) return Promise.resolve(done);
  }
  return pending.join(
    // Callers share a request only under the same size cap, the one option that turns
    // an answer into a failure (a call with `maxBytes: 100` made every caller of the URL
    // fail). The widgets all use the default: one request. (`timeout` and `remember` stay
    // the first caller's: a shared answer comes within its time and is remembered by it.)
    `${options.maxBytes} ${url}`,
    (aborted) => {
      // Beside the request, not after it: an RSS or Atom URL will need the XML readers.
      expectFormat(url);
      return fetchFeed(url, aborted, options).then((result) => {
        // A stale copy is a failure in disguise: the next widget should try the network again.
        if (!result.stale) loaded.set(url, result);
        return result;
      });
    },
    signal,
  );
}

async function fetchFeed(
  url: string,
  signal: AbortSignal,
  options: LoadFeedOptions,
): Promise<LoadedFeed> {
  const memoryOptions = memoryOf(options);
  try {
    // The bytes are let go once decoded: only the text is kept (and remembered).
    const { bytes, ...fetched } = await fetchWithRetry(url, signal, options);
    const doc = { ...fetched, text: await bodyText(bytes, fetched.contentType) };
    const fetchedAt = new Date();
    const before = seen.get(url);
    // Unchanged since the copy on screen: the same Feed object, no parsing, no redraw.
    // (A promise, a copy still waiting for its reader, has no text.)
    const same = (before as Seen | null | undefined)?.text === doc.text && (before as Seen);
    const parsed = same || (await readFeedText(doc.text, doc));
    const result: LoadedFeed = withUrl(parsed, url, { fetchedAt });
    // The entry kept is only stamped again: wrapped anew, each refresh's entry held the
    // last one (through its `warnings`), a chain that grew for as long as the page was open.
    if (same) same.fetchedAt = fetchedAt;
    else seen.set(url, withUrl(parsed, url, { fetchedAt, text: doc.text }));
    if (memoryOptions) {
      // The writer is a lazy chunk: fetched after paint, with nothing on screen waiting.
      afterPaint(() => {
        void writer().then(
          (w) =>
            w.remember(
              { url, text: doc.text, contentType: doc.contentType, fetchedAt },
              memoryOptions,
            ),
          () => undefined,
        );
      });
    }
    return result;
  } catch (error) {
    if (signal.aborted) throw abortReason(signal);
    const failure =
      error instanceof FeedError ? error : new FeedError(String(error), { url, cause: error });
    const status = failure.status ?? 0;
    const refused = status >= 400 && status < 500;
    // A 4xx is the server's answer about the feed itself, not a passing fault: no copy
    // stands in, and the page's last good load goes too (a widget added later asks again
    // rather than drawing what the server took back). 410 Gone also forgets the
    // remembered copy, so a feed that was withdrawn stays gone.
    if (refused) loaded.delete(url);
    if (status === 410) {
      seen.delete(url);
      if (memoryOptions) forgetNow(url, memoryOptions);
    }
    if (memoryOptions && !refused) {
      const copy = await recallFeed(url, options);
      if (copy) {
        return withUrl(copy, url, { fetchedAt: copy.fetchedAt, stale: failure });
      }
    }
    throw failure;
  }
}

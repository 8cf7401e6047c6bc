/**
 * The remembered copy: the last good document of each feed URL, kept in localStorage
 * with the time it was fetched, so a feed that goes down keeps showing its news.
 * The source text is stored (not the parsed model): it is compact, and it revives
 * through the same parser (so Dates come back as Dates).
 *
 * Part of the entry: a widget whose feed is remembered draws the copy at once, while
 * the network is asked again (stale-while-revalidate), so reading cannot wait for a chunk.
 * `load.ts` reads at upgrade and after a failed load. Writing, pruning and forgetting run
 * after first paint or on a failure's way out, so they live in a lazy chunk
 * (`memory-write.ts`); only the read is here.
 *
 * A copy is used only while it is younger than `maxAge` (30 days by default) and its
 * `fetchedAt` is a real time not in the future (a little clock skew aside); anything
 * else is forgotten when it is read.
 *
 * Storage is a guest of the host site: the total is capped, the oldest copies go first,
 * and a full, disabled or throwing storage only means nothing is remembered.
 */
import { chunk } from '../internal/lazy.js';
import type { MemoryOptions, Remembered } from './model.js';

export type { MemoryOptions, Remembered } from './model.js';

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
export const DEFAULT_MAX_AGE = 30 * 24 * 3600_000;
/** How far in the future a `fetchedAt` may be (another tab's clock, a corrected clock). */
const MAX_SKEW = 5 * 60_000;
/** Storage keys; `memory-write.ts` (a lazy chunk, which imports nothing from the entry) repeats them. */
export const PREFIX = 'civic-widgets:feed:';
export const INDEX = 'civic-widgets:feeds';

function defaultStorage(): Storage | null {
  try {
    // The getter itself throws in sandboxed frames and with cookies blocked.
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function storageOf(options: MemoryOptions): Storage | null {
  return options.storage === undefined ? defaultStorage() : options.storage;
}

/**
 * The remembered copy of `url`, if any, intact and young enough. A copy that is too old,
 * dated in the future or unreadable is forgotten. Never throws.
 */
export function recall(url: string, options: MemoryOptions = {}): Remembered | undefined {
  const storage = storageOf(options);
  if (!storage) return undefined;
  try {
    const raw = storage.getItem(PREFIX + url);
    if (raw === null) return undefined;
    const o = JSON.parse(raw) as Record<string, unknown> | null;
    const at = o?.['fetchedAt'];
    const now = Date.now();
    if (
      typeof o?.['text'] !== 'string' ||
      typeof at !== 'number' ||
      // Also refuses NaN and Infinity; 1e20 (no valid Date) is far in the future.
      !(at <= now + MAX_SKEW && at >= now - (options.maxAge ?? DEFAULT_MAX_AGE))
    ) {
      forgetNow(url, options);
      return undefined;
    }
    const entry: Remembered = { url, text: o['text'], fetchedAt: new Date(at) };
    if (typeof o['contentType'] === 'string') entry.contentType = o['contentType'];
    return entry;
  } catch {
    return undefined;
  }
}

/**
 * Forgets one URL's copy: the copy goes now, so no later read finds it; the index entry
 * is pruned from the lazy chunk. Never throws.
 */
export function forgetNow(url: string, options: MemoryOptions = {}): void {
  try {
    storageOf(options)?.removeItem(PREFIX + url);
  } catch {
    // Storage gone: nothing remembered either.
  }
  writer().then(
    (w) => w.forget(url, options),
    () => undefined,
  );
}

/** The writing half, loaded on first need (after first paint, or on a failure): it needs no runtime. */
export const writer = chunk(() => import('./memory-write.js'), undefined);

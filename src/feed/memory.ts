/**
 * The remembered copy: the last good document of each feed URL, kept in localStorage
 * with the time it was fetched, so a feed that goes down keeps showing its news.
 * The source text is stored (not the parsed model): it is compact, and it revives
 * through the same parser (so Dates come back as Dates).
 *
 * Part of the entry: a widget whose feed is remembered draws the copy at once, while
 * the network is asked again (stale-while-revalidate), so reading cannot wait for a chunk.
 * `load.ts` writes after first paint and reads at upgrade and after a failed load.
 *
 * A copy is used only while it is younger than `maxAge` (30 days by default) and its
 * `fetchedAt` is a real time not in the future (a little clock skew aside); anything
 * else is forgotten when it is read.
 *
 * Storage is a guest of the host site: the total is capped, the oldest copies go first,
 * and a full, disabled or throwing storage only means nothing is remembered.
 */

/** One remembered document. */
export interface Remembered {
  url: string;
  text: string;
  contentType?: string;
  fetchedAt: Date;
}

/** Where and how much to remember. */
export interface MemoryOptions {
  /** The storage to use; default `localStorage` (null when the page may not use it). */
  storage?: Storage | null;
  /** Cap on all remembered copies together, in bytes (UTF-16, as browsers count quota). Default 2 MB. */
  maxBytes?: number;
  /** Oldest copy still shown, in milliseconds since it was fetched. Default 30 days. */
  maxAge?: number;
}

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
export const DEFAULT_MAX_AGE = 30 * 24 * 3600_000;
/** How far in the future a `fetchedAt` may be (another tab's clock, a corrected clock). */
const MAX_SKEW = 5 * 60_000;
const PREFIX = 'civic-widgets:feed:';
const INDEX = 'civic-widgets:feeds';

interface IndexEntry {
  url: string;
  at: number;
  bytes: number;
}

function defaultStorage(): Storage | null {
  try {
    // The getter itself throws in sandboxed frames and with cookies blocked.
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function storageOf(options: MemoryOptions): Storage | null {
  return options.storage === undefined ? defaultStorage() : options.storage;
}

function readIndex(storage: Storage): IndexEntry[] {
  try {
    const list: unknown = JSON.parse(storage.getItem(INDEX) ?? '[]');
    if (!Array.isArray(list)) return [];
    return list.filter((e: unknown): e is IndexEntry => {
      if (typeof e !== 'object' || e === null) return false;
      const { url, at, bytes } = e as Partial<Record<keyof IndexEntry, unknown>>;
      return typeof url === 'string' && Number.isFinite(at) && Number.isFinite(bytes);
    });
  } catch {
    return [];
  }
}

function writeIndex(storage: Storage, index: IndexEntry[]): void {
  storage.setItem(INDEX, JSON.stringify(index));
}

function drop(storage: Storage, index: IndexEntry[], url: string): IndexEntry[] {
  try {
    storage.removeItem(PREFIX + url);
  } catch {
    // Nothing to do: a storage that cannot remove cannot hold it either.
  }
  return index.filter((e) => e.url !== url);
}

/**
 * Remembers a document, evicting the oldest copies to stay under the cap.
 * Returns whether it was stored; never throws.
 */
export function remember(entry: Remembered, options: MemoryOptions = {}): boolean {
  const storage = storageOf(options);
  if (!storage) return false;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  try {
    const value = JSON.stringify({
      url: entry.url,
      text: entry.text,
      contentType: entry.contentType,
      fetchedAt: entry.fetchedAt.getTime(),
    });
    const bytes = (PREFIX.length + entry.url.length + value.length) * 2;
    let index = drop(storage, readIndex(storage), entry.url);
    if (bytes > maxBytes) {
      writeIndex(storage, index);
      return false;
    }
    index.sort((a, b) => a.at - b.at);
    let total = index.reduce((sum, e) => sum + e.bytes, 0);
    while (index.length && total + bytes > maxBytes) {
      total -= index[0].bytes;
      index = drop(storage, index, index[0].url);
    }
    // The cap is ours; the browser's quota is shared with the host site. When it is
    // full, give up our oldest copies one at a time rather than fail.
    for (;;) {
      try {
        storage.setItem(PREFIX + entry.url, value);
        break;
      } catch {
        if (!index.length) {
          writeIndex(storage, index);
          return false;
        }
        index = drop(storage, index, index[0].url);
      }
    }
    index.push({ url: entry.url, at: entry.fetchedAt.getTime(), bytes });
    try {
      writeIndex(storage, index);
    } catch {
      // The copy is stored; a stale index only means it may be evicted late.
    }
    return true;
  } catch {
    return false;
  }
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
      forget(url, options);
      return undefined;
    }
    const entry: Remembered = { url, text: o['text'], fetchedAt: new Date(at) };
    if (typeof o['contentType'] === 'string') entry.contentType = o['contentType'];
    return entry;
  } catch {
    return undefined;
  }
}

/** Forgets one URL's copy, or every copy this library made. Never throws. */
export function forget(url?: string, options: MemoryOptions = {}): void {
  const storage = storageOf(options);
  if (!storage) return;
  try {
    let index = readIndex(storage);
    // A given URL goes even when the index lost track of it.
    for (const u of url === undefined ? index.map((e) => e.url) : [url])
      index = drop(storage, index, u);
    if (url === undefined) {
      // Also copies an older index lost track of.
      for (let i = storage.length - 1; i >= 0; i--) {
        const key = storage.key(i);
        if (key?.startsWith(PREFIX)) storage.removeItem(key);
      }
    }
    writeIndex(storage, index);
  } catch {
    // Storage gone: nothing remembered either.
  }
}

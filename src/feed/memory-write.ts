/**
 * Writing the remembered copies (see `memory.ts`): storing a document, evicting the
 * oldest to stay under the cap, forgetting. A lazy chunk: it runs after first paint or
 * on a failure's way out, never before first content. It imports nothing from the entry
 * (see `src/internal/lazy.ts`), so the storage keys and the default storage are repeated here.
 */
import type { MemoryOptions, Remembered } from './model.js';

/** The chunk's door (see `src/internal/lazy.ts`); `remember` and `forget` are also the npm API's. */
export function init(): { remember: typeof remember; forget: typeof forget } {
  return { remember, forget };
}

const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
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

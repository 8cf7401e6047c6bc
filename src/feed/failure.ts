/**
 * Why a request failed, in words: a lazy chunk, loaded only once a request has failed
 * (most pages never need it). It also holds the probe that tells a CORS block from a
 * dead server. Imports nothing, so it never pulls an entry module into a shared chunk
 * (see `src/internal/lazy.ts`); `load.ts` turns the words into a `FeedError`.
 */

/** The chunk's door (see `src/internal/lazy.ts`): it needs no runtime. */
export function init(): { describeFault: typeof describeFault; corsBlocked: typeof corsBlocked } {
  return { describeFault, corsBlocked };
}

/**
 * What went wrong with a request, before it has words. A network error and an HTTP
 * status are worded by the entry itself (`errors.ts`): they need no chunk, so they read
 * the same offline.
 */
export interface FaultInfo {
  kind: 'cors' | 'timeout' | 'tooLarge';
  /** The URL as shown in messages (`displayUrl`). */
  where: string;
  /** The time limit (ms) for a timeout, the byte cap for a body too large. */
  limit?: number;
}

/** The message for a failed request; each says what and where. */
export function describeFault(f: FaultInfo): string {
  const { where, limit = 0 } = f;
  switch (f.kind) {
    case 'cors':
      return (
        `blocked by CORS: ${where} is on another site and does not allow this page to read it; ` +
        `serve the feed from the same site or with an Access-Control-Allow-Origin header`
      );
    case 'timeout':
      return `timed out after ${limit / 1000} s loading ${where}`;
    default:
      return `feed too large: ${where} is over ${+(limit / 1048576).toFixed(2)} MB (the maxBytes limit)`;
  }
}

/**
 * Whether a fetch of `url` that failed with a network error was CORS refusing this page
 * the answer: only another site's URL can be, and only when the server is up.
 */
export async function corsBlocked(url: string, signal: AbortSignal): Promise<boolean> {
  const here = (globalThis as { location?: Location }).location;
  return !!here && new URL(url).origin !== here.origin && (await reachable(url, signal));
}

/**
 * An opaque (`no-cors`) request tells the two causes apart: if it gets through, the
 * server is up and only CORS kept the body from us.
 */
export async function reachable(url: string, signal: AbortSignal): Promise<boolean> {
  try {
    await fetch(url, { mode: 'no-cors', cache: 'no-store', credentials: 'omit', signal });
    return true;
  } catch {
    return false;
  }
}

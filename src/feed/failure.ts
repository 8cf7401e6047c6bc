/**
 * What a failed request means, in words, and whether it is worth one more try: a lazy
 * chunk, loaded only once a request has failed (most pages never need it). It also
 * holds the probe that tells a CORS block from a dead server. It borrows `FeedError` and
 * the shared words from the entry through the runtime (see `src/internal/lazy.ts`).
 */
import type { FeedRuntime } from './runtime.js';

let rt: FeedRuntime;

/** The chunk's door (see `src/internal/lazy.ts`). */
export function init(runtime: FeedRuntime): { recover: typeof recover } {
  rt = runtime;
  return { recover };
}

/** One failed attempt, as `request.ts` saw it. */
export interface Fault {
  /** The URL requested, and as shown in messages (`displayUrl`). */
  url: string;
  where: string;
  /** The time limit (ms) and the byte cap of the attempt. */
  limit: number;
  max: number;
  /** The attempt's signal (the caller's, the time limit and the size cap together). */
  signal: AbortSignal;
  /** What fetch or the body threw. */
  cause?: unknown;
  /** The server answered (the failure came after the headers). */
  answered?: boolean;
  /** The server answered with this error status. */
  status?: number;
  timedOut?: boolean;
  tooLarge?: boolean;
}

/**
 * The result of the one more try a network error or a 5xx is worth (after a delay with
 * jitter, so a hundred pages that failed together do not retry together), or the
 * `FeedError` that says what went wrong and where.
 */
export async function recover<T>(fault: Fault, again: () => Promise<T>, delay: number): Promise<T> {
  const [error, retry] = await describe(fault);
  if (!retry) throw error;
  await new Promise((resolve) => setTimeout(resolve, delay * (1 + Math.random() * 0.5)));
  // (Called off by then, the attempt fails at once, and the caller says why.)
  return again().catch(async (second: Fault) => {
    throw (await describe(second))[0];
  });
}

/** The error for a fault, and whether another try might do better. */
async function describe(f: Fault): Promise<[Error, boolean]> {
  const { url, where, status, cause } = f;
  const error = (message: string) => new rt.FeedError(message, { url, status, cause });
  if (f.tooLarge) return [error(describeFault({ kind: 'tooLarge', where, limit: f.max })), false];
  if (status) return [error(rt.messages.httpStatus(status, where)), status >= 500];
  if (f.timedOut) return [error(describeFault({ kind: 'timeout', where, limit: f.limit })), false];
  if (!f.answered && (await corsBlocked(url, f.signal)))
    return [error(describeFault({ kind: 'cors', where })), false];
  return [error(rt.messages.network(where)), true];
}

/** A failure the feed and the view counter word alike (the counter client uses these too). */
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
      // A cap under 0.01 MB in bytes: "over 0 MB" said nothing.
      return `feed too large: ${where} is over ${limit < 10486 ? `${limit} bytes` : `${+(limit / 1048576).toFixed(2)} MB`} (the maxBytes limit)`;
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

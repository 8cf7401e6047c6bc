// @ts-check
/**
 * The store interface the HTTP handler counts with, and what the two stores share.
 * `memory-store.mjs` (one process, lost on restart) and `redis-store.mjs` (any number of
 * instances, durable) implement it; the handler never knows which one it has.
 */
import { createHmac } from 'node:crypto';

/**
 * When a store call must be done. `apply`: a write that reaches the store after this
 * moment (local clock, ms since the epoch) is dropped instead of applied; `answer`: the
 * call gives up (StoreUnavailableError) at this moment. `apply` comes well before
 * `answer`, so a write whose request was already answered 503 can never land later.
 * @typedef {{ apply: number, answer: number }} Deadline
 */

/**
 * @typedef {object} Limit
 * @property {string} client an IP address or an IPv6 /64 (the store keeps only a keyed hash)
 * @property {number} max counted hits per window
 * @property {number} windowMs
 */

/**
 * A hit's outcome: the new count, or (over the limit, nothing counted) how long until the
 * client's window ends.
 * @typedef {{ views: number } | { retryAfterMs: number }} HitResult
 */

/**
 * @typedef {object} CounterStore
 * @property {'memory' | 'redis'} kind
 * @property {(id: string, deadline: Deadline) => Promise<number>} views
 *   The item's count (0 when unknown).
 * @property {(id: string, limit: Limit | null, deadline: Deadline) => Promise<HitResult>} hit
 *   Counts one hit against the client's rate window (when `limit` is given) and, within
 *   the limit, adds one view.
 * @property {(id: string, views: number) => Promise<number>} seed
 *   Raises the item's count to `views` if it is lower; never lowers it. Answers the count.
 * @property {(deadline: Deadline) => Promise<void>} ping
 *   Resolves when the store answers in time.
 * @property {() => Promise<void>} close
 */

/** The store did not answer in time, or cannot be reached: the request gets 503. */
export class StoreUnavailableError extends Error {
  /** @param {string} message @param {{ cause?: unknown }} [options] */
  constructor(message, options) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/** A fixed window: the limit counts hits per minute. */
export const RATE_WINDOW_MS = 60_000;

/**
 * The rate-limit key of a client: a keyed hash, so neither the store nor a dump of it
 * holds an IP address (a plain hash of an IPv4 address is reversed by trying all 2³²).
 * @param {string | Buffer} secret
 * @param {string} client
 */
export function hashClient(secret, client) {
  return createHmac('sha256', secret).update(client).digest('base64url').slice(0, 22);
}

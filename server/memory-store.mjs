// @ts-check
/**
 * The embedded store: counts in a Map, for one process (the demo, a quick start, a test).
 * Everything is lost on restart, which `civic-counter` says when it starts with it.
 */
import { randomBytes } from 'node:crypto';
import { RATE_WINDOW_MS, hashClient } from './store.mjs';

/** @typedef {import('./store.mjs').CounterStore} CounterStore */

/**
 * Ids the embedded store keeps: the most recently counted. Past it, the id counted least
 * recently is let go (its count starts again from 0): a stream of made-up ids cannot grow
 * the process for ever (100,000 ids of 200 characters take about 60 MB).
 */
export const MAX_IDS = 100_000;

/** @implements {CounterStore} */
export class MemoryStore {
  /** @type {'memory'} */
  kind = 'memory';
  /** @type {Map<string, number>} */
  #views = new Map();
  /** Rate windows by hashed client: hits so far and when the window ends. */
  /** @type {Map<string, { hits: number, resetAt: number }>} */
  #windows = new Map();
  /** A per-process secret for the client hashes (the windows die with the process anyway). */
  #secret = randomBytes(32);
  #sweeper;

  #maxIds;

  /**
   * @param {Iterable<[string, number]>} [seed] starting counts
   * @param {{ maxIds?: number }} [options] how many ids to keep (default MAX_IDS)
   */
  constructor(seed = [], { maxIds = MAX_IDS } = {}) {
    this.#maxIds = maxIds;
    for (const [id, views] of seed) this.#count(id, views);
    // Drops ended windows, so a stream of distinct clients cannot grow the map for ever.
    this.#sweeper = setInterval(() => {
      const now = Date.now();
      for (const [key, window] of this.#windows)
        if (window.resetAt <= now) this.#windows.delete(key);
    }, RATE_WINDOW_MS);
    this.#sweeper.unref();
  }

  /** @param {string} id */
  async views(id) {
    return this.#views.get(id) ?? 0;
  }

  /**
   * @param {string} id
   * @param {import('./store.mjs').Limit | null} limit
   * @returns {Promise<import('./store.mjs').HitResult>}
   */
  async hit(id, limit) {
    if (limit) {
      const key = hashClient(this.#secret, limit.client);
      const now = Date.now();
      let window = this.#windows.get(key);
      if (!window || window.resetAt <= now) {
        window = { hits: 0, resetAt: now + limit.windowMs };
        this.#windows.set(key, window);
      }
      if (window.hits >= limit.max) return { retryAfterMs: window.resetAt - now };
      window.hits++;
    }
    const views = (this.#views.get(id) ?? 0) + 1;
    this.#count(id, views);
    return { views };
  }

  /** Sets a count, the id now the most recent (a Map keeps insertion order), within the cap. */
  #count(/** @type {string} */ id, /** @type {number} */ views) {
    this.#views.delete(id);
    if (this.#views.size >= this.#maxIds) {
      const oldest = this.#views.keys().next();
      if (!oldest.done) this.#views.delete(oldest.value);
    }
    this.#views.set(id, views);
  }

  /** @param {string} id @param {number} views */
  async seed(id, views) {
    const current = this.#views.get(id) ?? 0;
    if (views > current) this.#count(id, views);
    return Math.max(views, current);
  }

  async ping() {}

  async close() {
    clearInterval(this.#sweeper);
  }
}

// @ts-check
/**
 * The Redis store, through node-redis (@redis/client): one `INCR` per counted view, rate
 * windows with an expiry, nothing else. Every call touches one key, so any number of
 * stateless instances can share one Redis or a Redis Cluster (no multi-key command, so no
 * hash tags are needed and keys spread over all slots).
 *
 * Keys:
 *   civic:views:<id>          the item's count (a plain integer string, readable with GET)
 *   civic:rate:<hmac>         hits of one client in its current minute, with a PEXPIRE
 *   civic:rate-secret         the random secret of those HMACs, shared by all instances
 *
 * Faults: the client's offline queue is off, so while Redis is unreachable a command
 * fails at once instead of waiting to be replayed. A frozen Redis (SIGSTOP, a stalled
 * network) keeps the TCP connection open and simply does not answer: commands already
 * written then sit in its socket buffer and would run when it wakes. So every write is a
 * Lua script that first compares Redis's clock with the request's `apply` deadline (in
 * Redis's clock, from an offset measured on every connect) and does nothing when late,
 * and the handler answers 503 only after that deadline: a hit answered 503 never counts.
 */
import { createClient, createCluster, defineScript } from '@redis/client';
import { randomBytes } from 'node:crypto';
import { StoreUnavailableError, hashClient } from './store.mjs';

/** @typedef {import('./store.mjs').CounterStore} CounterStore */
/** @typedef {import('./store.mjs').Deadline} Deadline */
/** @typedef {import('./log.mjs').Logger} Logger */

const VIEWS = 'civic:views:';
const RATE = 'civic:rate:';
const SECRET = 'civic:rate-secret';

/** Redis's clock in ms, from the reply of TIME. */
const NOW_MS = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/** @param {import('@redis/client').CommandParser} parser @param {string} key @param {...(string | number)} args */
function keyAndArgs(parser, key, ...args) {
  parser.pushKey(key);
  for (const arg of args) parser.push(String(arg));
}

/**
 * One hit against a client's fixed window (KEYS[1]; ARGV[2] limit, ARGV[3] window ms):
 * over the limit it returns {0, ms left}; else it counts the hit, starting the window's
 * expiry on the first, and leaves the ms left in `ttl`. A refused hit is not counted, so
 * the counter never passes the limit.
 */
const TAKE = `local hits = tonumber(redis.call('GET', KEYS[1]) or '0')
local ttl = redis.call('PTTL', KEYS[1])
if hits >= tonumber(ARGV[2]) and ttl > 0 then return {0, ttl} end
hits = redis.call('INCR', KEYS[1])
if hits == 1 or ttl <= 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
  ttl = tonumber(ARGV[3])
end`;

const scripts = {
  /** KEYS[1] views key, ARGV[1] apply deadline (Redis ms): the new count, or -1 when late. */
  civicHit: defineScript({
    SCRIPT: `${NOW_MS}
if now > tonumber(ARGV[1]) then return -1 end
return redis.call('INCR', KEYS[1])`,
    NUMBER_OF_KEYS: 1,
    parseCommand: keyAndArgs,
    transformReply: /** @param {unknown} reply */ (reply) => Number(reply),
  }),
  /**
   * KEYS[1] rate key, ARGV[1] apply deadline, ARGV[2] limit, ARGV[3] window ms:
   * {allowed (1/0, or -1 when late), ms left in the window}. A refused hit is not
   * counted, so the counter never passes the limit.
   */
  civicTake: defineScript({
    SCRIPT: `${NOW_MS}
if now > tonumber(ARGV[1]) then return {-1, 0} end
${TAKE}
return {1, ttl}`,
    NUMBER_OF_KEYS: 1,
    parseCommand: keyAndArgs,
    transformReply: /** @param {unknown} reply */ (reply) =>
      /** @type {number[]} */ (reply).map(Number),
  }),
  /**
   * Both in one round trip, where both keys live on one server (not a cluster): KEYS[1]
   * rate key, KEYS[2] views key, ARGV as civicTake's: {1, new count}, {0, ms left in the
   * window} over the limit, or {-1, 0} when late.
   */
  civicTakeHit: defineScript({
    SCRIPT: `${NOW_MS}
if now > tonumber(ARGV[1]) then return {-1, 0} end
${TAKE}
return {1, redis.call('INCR', KEYS[2])}`,
    NUMBER_OF_KEYS: 2,
    parseCommand:
      /** @param {import('@redis/client').CommandParser} parser @param {string} rate @param {string} views @param {...(string | number)} args */ (
        parser,
        rate,
        views,
        ...args
      ) => {
        parser.pushKey(rate);
        parser.pushKey(views);
        for (const arg of args) parser.push(String(arg));
      },
    transformReply: /** @param {unknown} reply */ (reply) =>
      /** @type {number[]} */ (reply).map(Number),
  }),
  /** KEYS[1] views key, ARGV[1] a count: raises the count to it, never lowers; the count. */
  civicSeed: defineScript({
    SCRIPT: `local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local wanted = tonumber(ARGV[1])
if wanted > current then
  redis.call('SET', KEYS[1], ARGV[1])
  return wanted
end
return current`,
    NUMBER_OF_KEYS: 1,
    parseCommand: keyAndArgs,
    transformReply: /** @param {unknown} reply */ (reply) => Number(reply),
  }),
  /** KEYS[1] secret key, ARGV[1] a new secret: the stored secret, set first if missing. */
  civicSecret: defineScript({
    SCRIPT: `local secret = redis.call('GET', KEYS[1])
if secret then return secret end
redis.call('SET', KEYS[1], ARGV[1])
return ARGV[1]`,
    NUMBER_OF_KEYS: 1,
    parseCommand: keyAndArgs,
    transformReply: /** @param {unknown} reply */ (reply) => String(reply),
  }),
  /** KEYS[1] only routes the call (cluster): Redis's clock in ms. */
  civicTime: defineScript({
    SCRIPT: `${NOW_MS}
return now`,
    NUMBER_OF_KEYS: 1,
    parseCommand: keyAndArgs,
    transformReply: /** @param {unknown} reply */ (reply) => Number(reply),
  }),
};

/**
 * Reconnect quickly and keep trying for ever: 50, 100, 200, 400, then every 500 ms (plus a
 * little jitter so that many instances do not knock in step). Service is back well
 * within 5 s of Redis returning.
 * @param {number} retries
 */
const reconnectStrategy = (retries) =>
  Math.min(50 * 2 ** retries, 500) + Math.floor(Math.random() * 50);

/** @implements {CounterStore} */
export class RedisStore {
  /** @type {'redis'} */
  kind = 'redis';
  #client;
  #log;
  /** Redis's clock minus ours, in ms, measured on each (re)connect; a promise while measuring. */
  /** @type {Promise<number> | undefined} */
  #offset;
  /** @type {Promise<string> | undefined} */
  #secret;
  #cluster;
  #down = false;
  /** True after a call timed out, until one succeeds: a frozen Redis is logged once. */
  #stalled = false;
  #closed = false;
  #recalibrate;

  /**
   * @param {{ url: string, cluster?: boolean, log: Logger }} options `url`: one redis:// or
   *   rediss:// URL, or several separated by commas (cluster root nodes); `cluster`: treat a
   *   single URL as a cluster node too.
   */
  constructor({ url, cluster = false, log }) {
    this.#log = log;
    const urls = url
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean);
    const common = {
      disableOfflineQueue: true,
      socket: { connectTimeout: 1000, reconnectStrategy, keepAlive: true },
    };
    this.#cluster = cluster || urls.length > 1;
    this.#client = this.#cluster
      ? createCluster({
          rootNodes: urls.map((u) => ({ url: u })),
          defaults: common,
          scripts,
        })
      : createClient({ url: urls[0], ...common, scripts });
    const client = /** @type {import('node:events').EventEmitter} */ (
      /** @type {unknown} */ (this.#client)
    );
    client.on('error', (/** @type {unknown} */ error) => this.#markDown(error));
    client.on('node-error', (/** @type {unknown} */ error) => this.#markDown(error));
    client.on('ready', () => this.#markUp());
    client.on('node-ready', () => this.#markUp());
    // Clocks drift: measure again now and then. The rate-limit secret is read again too:
    // a Redis that lost its data (a restart without persistence, FLUSHALL, an eviction)
    // has another one by now, which every instance must share for the limit to hold.
    this.#recalibrate = setInterval(() => {
      if (this.#down) return;
      this.#offset = undefined;
      this.#secret = undefined;
    }, 60_000);
    this.#recalibrate.unref();
  }

  /**
   * Starts connecting; a Redis that is not there yet is retried in the background (and
   * calls answer 503 meanwhile). With `wait`, resolves once Redis answers, or rejects
   * after that many ms.
   * @param {{ wait?: number }} [options]
   */
  async connect({ wait } = {}) {
    const connecting = this.#client.connect().catch((/** @type {unknown} */ error) => {
      this.#markDown(error);
    });
    if (wait === undefined) return;
    const end = Date.now() + wait;
    for (;;) {
      try {
        await connecting;
        return await this.ping({ apply: Date.now(), answer: Math.min(end, Date.now() + 1000) });
      } catch (error) {
        if (Date.now() >= end)
          throw new StoreUnavailableError('redis unavailable', { cause: error });
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }

  /** @param {unknown} error */
  #markDown(error) {
    this.#offset = undefined;
    if (this.#down || this.#closed) return;
    this.#down = true;
    this.#log('error', 'redis unavailable', {
      error: String(/** @type {Error} */ (error)?.message ?? error),
    });
  }

  #markUp() {
    this.#offset = undefined;
    // A Redis back from a restart may have lost the shared secret: read it again.
    this.#secret = undefined;
    if (!this.#down) return;
    this.#down = false;
    this.#log('info', 'redis available again');
  }

  /**
   * Resolves with `work()`'s result, or rejects with StoreUnavailableError at
   * `deadline.answer` or on any client error. The work's own late settling is swallowed.
   * @template T
   * @param {Deadline} deadline
   * @param {() => Promise<T>} work
   * @returns {Promise<T>}
   */
  #within(deadline, work) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => {
          if (!this.#stalled && !this.#down) {
            this.#stalled = true;
            this.#log('error', 'redis not answering in time');
          }
          reject(new StoreUnavailableError('redis did not answer in time'));
        },
        Math.max(0, deadline.answer - Date.now()),
      );
      work().then(
        (value) => {
          clearTimeout(timer);
          if (this.#stalled) {
            this.#stalled = false;
            this.#log('info', 'redis answering again');
          }
          resolve(value);
        },
        (/** @type {unknown} */ error) => {
          clearTimeout(timer);
          reject(
            error instanceof StoreUnavailableError
              ? error
              : new StoreUnavailableError('redis unavailable', { cause: error }),
          );
        },
      );
    });
  }

  /**
   * Redis's clock minus ours, at its lower bound: Redis read its clock somewhere between
   * our asking and its answer arriving, so the true offset lies between this and this
   * plus the round trip. The lower bound puts a hit's deadline early, never late: from the
   * midpoint, a Redis that froze while asked (a 1.5 s stall) moved every deadline 0.75 s
   * late for a minute, and hits answered 503 were counted once it woke.
   */
  async #measureOffset() {
    const redisNow = await this.#client.civicTime(SECRET);
    return redisNow - Date.now();
  }

  #clockOffset() {
    if (!this.#offset) {
      const measuring = this.#measureOffset();
      this.#offset = measuring;
      measuring.catch(() => {
        if (this.#offset === measuring) this.#offset = undefined;
      });
    }
    return this.#offset;
  }

  #rateSecret() {
    if (!this.#secret) {
      const asking = this.#client.civicSecret(SECRET, randomBytes(32).toString('base64url'));
      this.#secret = asking;
      asking.catch(() => {
        if (this.#secret === asking) this.#secret = undefined;
      });
    }
    return this.#secret;
  }

  /** @param {string} id @param {Deadline} deadline */
  views(id, deadline) {
    return this.#within(deadline, async () => Number((await this.#client.get(VIEWS + id)) ?? 0));
  }

  /**
   * @param {string} id
   * @param {import('./store.mjs').Limit | null} limit
   * @param {Deadline} deadline
   * @returns {Promise<import('./store.mjs').HitResult>}
   */
  hit(id, limit, deadline) {
    return this.#within(deadline, async () => {
      const apply = Math.floor(deadline.apply + (await this.#clockOffset()));
      const late = () => new StoreUnavailableError('redis answered after the deadline');
      if (limit) {
        const rateKey = RATE + hashClient(await this.#rateSecret(), limit.client);
        if (!this.#cluster) {
          // One round trip: both keys are on this one server.
          const [status, value] = await this.#client.civicTakeHit(
            rateKey,
            VIEWS + id,
            apply,
            limit.max,
            limit.windowMs,
          );
          if (status < 0) throw late();
          return status === 1 ? { views: value } : { retryAfterMs: value };
        }
        // A cluster keeps the two keys in different slots: two calls, each atomic.
        const [allowed, ttl] = await this.#client.civicTake(
          rateKey,
          apply,
          limit.max,
          limit.windowMs,
        );
        if (allowed < 0) throw late();
        if (allowed === 0) return { retryAfterMs: ttl };
      }
      const views = await this.#client.civicHit(VIEWS + id, apply);
      if (views < 0) throw late();
      return { views };
    });
  }

  /** @param {string} id @param {number} views */
  seed(id, views) {
    return this.#client.civicSeed(VIEWS + id, views);
  }

  /** @param {Deadline} deadline */
  ping(deadline) {
    // A fresh round trip (a frozen Redis must fail it), which also re-measures the clock.
    return this.#within(deadline, async () => {
      this.#offset = Promise.resolve(await this.#measureOffset());
    });
  }

  async close() {
    this.#closed = true;
    clearInterval(this.#recalibrate);
    // Pending replies get a second; a frozen Redis does not hold the exit up.
    const client = this.#client;
    await Promise.race([
      client.close().catch(() => {}),
      new Promise((resolve) => setTimeout(resolve, 1000).unref()),
    ]);
    try {
      client.destroy();
    } catch {
      // already closed
    }
  }
}

// @ts-check
/**
 * `civic-counter` serving: the handler on node:http with the configured store, and a
 * graceful stop (requests in flight are answered, then the process exits 0).
 */
import { createServer } from 'node:http';
import { createCounterHandler } from './handler.mjs';
import { MemoryStore } from './memory-store.mjs';

/** @typedef {import('./config.mjs').Config} Config */
/** @typedef {import('./log.mjs').Logger} Logger */
/** @typedef {import('./store.mjs').CounterStore} CounterStore */

/**
 * The store the configuration names: Redis when REDIS_URL is set (node-redis is loaded
 * only then), else the embedded one.
 * @param {Config} config @param {Logger} log
 * @param {{ wait?: number }} [options] `wait`: ms to wait for Redis to answer (default: do
 *   not wait, serve 503 until it does)
 * @returns {Promise<CounterStore>}
 */
export async function openStore(config, log, { wait = undefined } = {}) {
  if (!config.redisUrl) return new MemoryStore();
  const { RedisStore } = await import('./redis-store.mjs');
  const store = new RedisStore({ url: config.redisUrl, cluster: config.redisCluster, log });
  await store.connect({ wait });
  return store;
}

/**
 * Starts the service; resolves once it listens.
 * @param {Config} config @param {Logger} log
 */
export async function serve(config, log) {
  const store = await openStore(config, log);
  if (store.kind === 'memory') {
    log('warn', 'no REDIS_URL: counting in memory, counts are lost on restart', {
      store: 'memory',
    });
  }
  const handler = createCounterHandler({
    store,
    allowOrigins: config.allowOrigins,
    rateLimit: config.rateLimit,
    trustProxy: config.trustProxy,
    log,
  });
  const server = createServer(
    // Slow clients cannot hold a connection for ever. Node checks the two timeouts every
    // `connectionsCheckingInterval` (30 s by default, when a body trickling in at a byte
    // a second got its answer after 16 s and slow headers their 408 after 31 s): every second.
    {
      requestTimeout: 10_000,
      headersTimeout: 5_000,
      keepAliveTimeout: 5_000,
      connectionsCheckingInterval: 1000,
    },
    (req, res) => handler(req, res),
  );
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  log('info', 'listening', {
    url: `http://${host}:${address.port}/views`,
    store: store.kind,
    rateLimit: config.rateLimit,
    allowOrigins: config.allowOrigins,
    trustProxy: config.trustProxy,
  });

  let stopping = false;
  /** Stops accepting, answers what is in flight, closes the store, exits 0. */
  async function stop(/** @type {string} */ signal) {
    if (stopping) return;
    stopping = true;
    log('info', 'stopping', { signal });
    handler.close();
    const closed = new Promise((resolve) => server.close(() => resolve(undefined)));
    server.closeIdleConnections();
    // A client that never finishes its request does not keep the process up.
    const force = setTimeout(() => {
      log('warn', 'closing connections still open after 10 s');
      server.closeAllConnections();
    }, 10_000);
    force.unref();
    await closed;
    clearTimeout(force);
    await store.close();
    log('info', 'stopped');
    process.exit(0);
  }
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  return { server, store, stop };
}

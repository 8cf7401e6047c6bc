// Test-server middleware (Koa style) for the end-to-end counter test: the real
// `civic-counter` on a real redis-server, started on first use and stopped with the test
// server (counterServicePlugin). The page talks to the service directly, cross-origin,
// so CORS is exercised as a site would meet it.
//
//   GET /counter-service/endpoint   {"endpoint":"http://127.0.0.1:PORT/views"}, seeded
//                                   with the sample feed's counts (civic-counter import)
import { join } from 'node:path';
import { ROOT, runCli, startRedis, startService, until } from '../counter-service/helpers.mjs';

/** @type {Promise<{ endpoint: string, stop: () => Promise<void> }> | undefined} */
let running;

async function start(origin) {
  const redis = await startRedis();
  const seeded = await runCli(['import', join(ROOT, 'tests/fixtures/vi-cong-an-tinh.json')], {
    REDIS_URL: redis.url,
  });
  if (seeded.code !== 0) throw new Error(`civic-counter import failed: ${seeded.stderr}`);
  const service = await startService({ REDIS_URL: redis.url, ALLOW_ORIGINS: origin });
  // The service listens before its Redis connection is up and answers 503 until then (by
  // design: it starts without Redis). On a loaded machine a page's first request could
  // meet that window, so the endpoint is handed out once /healthz says the store answers.
  await until(async () => (await fetch(`${service.url}/healthz`)).ok, 'the counter store');
  return {
    endpoint: `${service.url}/views`,
    async stop() {
      await service.stop();
      await redis.close();
    },
  };
}

export async function counterServiceMiddleware(ctx, next) {
  if (ctx.path !== '/counter-service/endpoint') return next();
  // The page's own origin is the one the service allows.
  running ??= start(`${ctx.protocol}://${ctx.host}`);
  const { endpoint } = await running;
  ctx.set('Cache-Control', 'no-store');
  ctx.type = 'application/json';
  ctx.body = JSON.stringify({ endpoint });
}

/** Stops the service and its Redis with the test server. */
export function counterServicePlugin() {
  return {
    name: 'civic-counter-service',
    async serverStop() {
      if (running) await (await running).stop();
    },
  };
}

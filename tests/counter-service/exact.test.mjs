// Exact counts under load over two instances, and counts that outlive a restart of the
// service and of Redis (append-only file).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { hit, keepAlive, startRedis, startService, until, views } from './helpers.mjs';

const HITS = 20_000;
const CLIENTS = 50;

describe('exact counts', () => {
  let redis;
  before(async () => {
    // Append-only, fsync once a second (Redis's default and the README's advice).
    redis = await startRedis({ aof: true });
  });
  after(async () => {
    await redis?.close();
  });

  test(`${HITS} POSTs from ${CLIENTS} concurrent keep-alive clients over two instances count exactly ${HITS}`, async () => {
    // The rate limit stays on (every hit also passes through its Redis counter), set
    // high enough for one test machine sending everything.
    const env = { REDIS_URL: redis.url, RATE_LIMIT: String(HITS * 2) };
    const instances = await Promise.all([startService(env), startService(env)]);
    try {
      const agents = instances.map(() => keepAlive(CLIENTS));
      let sent = 0;
      let unavailable = 0;
      const seen = new Set();
      const other = [];
      async function client(n) {
        const i = n % 2;
        while (sent < HITS) {
          sent++;
          // A 503 (Redis slower than the deadline on an overloaded machine) counted
          // nothing: the hit is sent again, and the sum below proves it never counted.
          for (;;) {
            const answer = await hit(instances[i].url, 'exact', { agent: agents[i] });
            if (answer.status === 200) {
              seen.add(answer.body.views);
              break;
            }
            if (answer.status === 503) unavailable++;
            else {
              other.push(answer.status);
              break;
            }
          }
        }
      }
      const started = Date.now();
      await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
      const seconds = (Date.now() - started) / 1000;
      agents.forEach((agent) => agent.destroy());
      assert.deepEqual(other, []);
      // Every answer carried a different count from 1 to HITS: each INCR was applied
      // exactly once, and no hit answered 503 was applied.
      assert.equal(seen.size, HITS);
      assert.equal(Math.min(...seen), 1);
      assert.equal(Math.max(...seen), HITS);
      assert.deepEqual((await views(instances[0].url, 'exact')).body, { id: 'exact', views: HITS });
      assert.deepEqual((await views(instances[1].url, 'exact')).body, { id: 'exact', views: HITS });
      assert.ok(unavailable < HITS / 20, `${unavailable} answers were 503`);
      console.log(
        `# ${HITS} hits in ${seconds.toFixed(1)} s (${Math.round(HITS / seconds)}/s), ${unavailable} 503s sent again`,
      );
    } finally {
      await Promise.all(instances.map((s) => s.stop()));
    }
  });

  test('counts survive a restart of the service, and of Redis with its append-only file', async () => {
    // The previous test used this machine's rate window up.
    const env = { REDIS_URL: redis.url, RATE_LIMIT: '0' };
    let service = await startService(env);
    for (let i = 0; i < 3; i++) await hit(service.url, 'durable');
    assert.equal((await service.stop()).code, 0);
    service = await startService(env);
    try {
      assert.deepEqual((await hit(service.url, 'durable')).body, { id: 'durable', views: 4 });
      await redis.restart();
      // The same service reconnects by itself.
      const answer = await until(async () => {
        const a = await views(service.url, 'durable');
        return a.status === 200 && a;
      }, 'the service to reach the restarted Redis');
      assert.deepEqual(answer.body, { id: 'durable', views: 4 });
      assert.equal((await views(service.url, 'exact')).body.views, HITS);
    } finally {
      await service.stop();
    }
  });
});

// Redis down or frozen: every request answers 503 within 2 s, a 503'd hit never counts
// later, and service comes back within 5 s of Redis returning, without a restart.
// SIGTERM answers what is in flight and exits 0.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { hit, request, startRedis, startService, until, views } from './helpers.mjs';

/** The contract's bounds. */
const ANSWER_WITHIN_MS = 2000;
const BACK_WITHIN_MS = 5000;

describe('Redis faults', () => {
  let redis;
  let limited;
  let unlimited;
  before(async () => {
    redis = await startRedis({ aof: true });
    // With the rate limit on (one script per hit) and off (the bare INCR script).
    [limited, unlimited] = await Promise.all([
      startService({ REDIS_URL: redis.url, RATE_LIMIT: '1000' }),
      startService({ REDIS_URL: redis.url, RATE_LIMIT: '0' }),
    ]);
  });
  after(async () => {
    await Promise.all([limited?.stop(), unlimited?.stop()]);
    await redis?.close();
  });

  /** GET, POST and /healthz on both services, all at once. */
  function everything(id) {
    return [limited, unlimited].flatMap((s) => [
      views(s.url, id),
      hit(s.url, id),
      hit(s.url, id),
      request(s.url, '/healthz'),
    ]);
  }

  /** Time from Redis returning to both services answering 200 everywhere. */
  async function recovery(id, since) {
    await until(
      async () => {
        const answers = await Promise.all(everything(`${id}-probe`));
        return answers.every((a) => a.status === 200);
      },
      'service to come back',
      30_000,
    );
    return Date.now() - since;
  }

  test('frozen (SIGSTOP): 503 within 2 s everywhere; no 503 hit counts after the thaw', async () => {
    for (const s of [limited, unlimited]) await hit(s.url, 'frozen');
    assert.equal((await views(limited.url, 'frozen')).body.views, 2);
    redis.freeze();
    let thawedAt;
    try {
      const answers = await Promise.all(everything('frozen'));
      for (const answer of answers) {
        assert.equal(answer.status, 503);
        assert.equal(typeof answer.body.error, 'string');
        assert.ok(answer.ms < ANSWER_WITHIN_MS, `answered in ${answer.ms} ms`);
      }
      // Still frozen a while later: still 503 in time (the process stayed up).
      await sleep(500);
      const again = await hit(unlimited.url, 'frozen');
      assert.equal(again.status, 503);
      assert.ok(again.ms < ANSWER_WITHIN_MS, `answered in ${again.ms} ms`);
    } finally {
      redis.thaw();
      thawedAt = Date.now();
    }
    const took = await recovery('frozen', thawedAt);
    assert.ok(took < BACK_WITHIN_MS, `back after ${took} ms`);
    // The hits written to Redis's socket while it was frozen ran when it woke, after
    // their deadline: they counted nothing.
    await sleep(1000);
    assert.deepEqual((await views(limited.url, 'frozen')).body, { id: 'frozen', views: 2 });
    assert.equal((await hit(unlimited.url, 'frozen')).body.views, 3);
    assert.ok(limited.logs.some((l) => l.msg === 'redis not answering in time'));
  });

  test("a clock read while Redis froze does not let the 503'd hits count when it wakes", async () => {
    // A service that has not read Redis's clock yet: the first hit reads it, and Redis
    // freezes while asked. Thawed after the answers (1.3 s) but before the deadline a
    // midpoint reading would have set (0.8 s + half the stall): those hits ran late.
    const fresh = await startService({ REDIS_URL: redis.url, RATE_LIMIT: '0' });
    try {
      assert.equal((await views(fresh.url, 'skew')).status, 200);
      redis.freeze();
      let answers;
      try {
        const pending = Promise.all(Array.from({ length: 5 }, () => hit(fresh.url, 'skew')));
        await sleep(1450);
        redis.thaw();
        answers = await pending;
      } finally {
        redis.thaw();
      }
      for (const answer of answers) assert.equal(answer.status, 503);
      await sleep(500);
      assert.deepEqual((await views(fresh.url, 'skew')).body, { id: 'skew', views: 0 });
    } finally {
      await fresh.stop();
    }
  });

  test('down (killed): 503 within 2 s; back within 5 s of a restart, counts kept', async () => {
    await hit(limited.url, 'down');
    await redis.kill();
    try {
      const answers = await Promise.all(everything('down'));
      for (const answer of answers) {
        assert.equal(answer.status, 503);
        assert.ok(answer.ms < ANSWER_WITHIN_MS, `answered in ${answer.ms} ms`);
      }
      // Down for a few seconds: the process stays up and keeps answering.
      await sleep(2000);
      assert.equal((await hit(limited.url, 'down')).status, 503);
      assert.equal(limited.proc.exitCode, null);
    } finally {
      await redis.start();
    }
    const took = await recovery('down', Date.now());
    assert.ok(took < BACK_WITHIN_MS, `back after ${took} ms`);
    // The append-only file kept the count from before the crash, and the 503s added nothing.
    assert.deepEqual((await views(limited.url, 'down')).body, { id: 'down', views: 1 });
    assert.ok(limited.logs.some((l) => l.msg === 'redis unavailable'));
    assert.ok(limited.logs.some((l) => l.msg === 'redis available again'));
  });

  test('started while Redis is down: 503, then serves once Redis is there', async () => {
    await redis.stop();
    const late = await startService({ REDIS_URL: redis.url });
    try {
      const early = await hit(late.url, 'late');
      assert.equal(early.status, 503);
      await redis.start();
      const since = Date.now();
      await until(async () => (await hit(late.url, 'late')).status === 200, 'the late service');
      assert.ok(Date.now() - since < BACK_WITHIN_MS);
    } finally {
      await late.stop();
    }
  });
});

describe('SIGTERM', () => {
  test('answers requests in flight, refuses new connections, exits 0', async () => {
    const redis = await startRedis();
    const service = await startService({ REDIS_URL: redis.url });
    try {
      // A request in flight: headers and half its body sent.
      const req = httpRequest(`${service.url}/views`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': '14' },
      });
      const answered = once(req, 'response');
      req.write('{"id":"dr');
      await until(() => service.proc.exitCode === null, 'the service');
      await sleep(300);
      service.proc.kill('SIGTERM');
      await until(() => service.logs.some((l) => l.msg === 'stopping'), 'the stopping log');
      // New connections are refused once it stops listening.
      await assert.rejects(request(service.url, '/healthz'));
      req.end('ain"}');
      const [res] = await answered;
      let text = '';
      for await (const chunk of res) text += chunk;
      assert.equal(res.statusCode, 200);
      assert.deepEqual(JSON.parse(text), { id: 'drain', views: 1 });
      assert.equal(res.headers.connection, 'close');
      const { code } = await service.exited;
      assert.equal(code, 0);
      assert.equal(service.logs.at(-1).msg, 'stopped');
      for (const line of service.logs) assert.equal(typeof line.time, 'string');
    } finally {
      await service.stop();
      await redis.close();
    }
  });
});

// The counter service's HTTP contract (API.md "The counter service") against a real
// redis-server: answers, bad input, bots, CORS, the rate limit, and the embedded store.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { once } from 'node:events';
import { connect } from 'node:net';
import { hit, request, runCli, startRedis, startService, until, views } from './helpers.mjs';

const SITE = 'https://www.example.gov.vn';

describe('civic-counter on Redis', () => {
  let redis;
  let service;
  let base;
  before(async () => {
    redis = await startRedis();
    service = await startService({
      REDIS_URL: redis.url,
      ALLOW_ORIGINS: `${SITE}, http://localhost:8000`,
      TRUST_PROXY: '1',
      RATE_LIMIT: '5',
    });
    base = service.url;
  });
  after(async () => {
    await service?.stop();
    await redis?.close();
  });

  // Each test uses its own client address (TRUST_PROXY=1), so the limit of 5 is per test.
  let nextClient = 1;
  const client = () => ({ 'X-Forwarded-For': `198.51.100.${nextClient++}` });

  test('an unknown id counts 0; a hit counts 1 and GET then says 1', async () => {
    const headers = client();
    assert.deepEqual((await views(base, 'chua-co')).body, { id: 'chua-co', views: 0 });
    const first = await hit(base, 'bai-1', { headers });
    assert.equal(first.status, 200);
    assert.deepEqual(first.body, { id: 'bai-1', views: 1 });
    assert.equal(first.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(first.headers['cache-control'], 'no-store');
    assert.deepEqual((await hit(base, 'bai-1', { headers })).body, { id: 'bai-1', views: 2 });
    assert.deepEqual((await views(base, 'bai-1')).body, { id: 'bai-1', views: 2 });
  });

  test('ids are answered exactly as sent (Vietnamese, emoji, 200 characters)', async () => {
    for (const id of ['Tin tức: Công an tỉnh', '🎉'.repeat(200), 'a'.repeat(200), 'x{y}z']) {
      const answer = await hit(base, id, { headers: client() });
      assert.equal(answer.status, 200, id);
      assert.deepEqual(answer.body, { id, views: 1 });
      assert.deepEqual((await views(base, id)).body, { id, views: 1 });
    }
  });

  test('bad input is 400 {"error"} and counts nothing', async () => {
    const headers = client();
    const post = (body, type = 'application/json') =>
      request(base, '/views', {
        method: 'POST',
        body,
        headers: { ...headers, 'Content-Type': type },
      });
    const cases = [
      ['invalid JSON', post('{"id":')],
      ['not an object', post('["bad"]')],
      ['JSON null', post('null')],
      ['no id', post('{}')],
      ['empty id', post('{"id":""}')],
      ['number id', post('{"id":5}')],
      ['id over 200 characters', post(JSON.stringify({ id: 'b'.repeat(201) }))],
      ['emoji id over 200 characters', post(JSON.stringify({ id: '🎉'.repeat(201) }))],
      ['NUL', post(JSON.stringify({ id: 'bad\u0000' }))],
      ['newline', post(JSON.stringify({ id: 'bad\n' }))],
      ['DEL', post(JSON.stringify({ id: 'bad\u007f' }))],
      ['U+0085', post(JSON.stringify({ id: 'bad\u0085' }))],
      ['U+009F', post(JSON.stringify({ id: 'bad\u009f' }))],
      ['lone surrogate', post('{"id":"bad\\ud800"}')],
      [
        'not UTF-8',
        post(Buffer.from([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d])),
      ],
      ['text/plain', post('{"id":"bad"}', 'text/plain')],
      ['form', post('id=bad', 'application/x-www-form-urlencoded')],
      [
        'no content type',
        request(base, '/views', { method: 'POST', body: '{"id":"bad"}', headers }),
      ],
      ['body over 1 KiB', post(JSON.stringify({ id: 'bad', pad: 'x'.repeat(1100) }))],
      ['GET without id', request(base, '/views')],
      ['GET with empty id', request(base, '/views?id=')],
      ['GET id over 200', request(base, `/views?id=${'b'.repeat(201)}`)],
      ['GET control character', request(base, '/views?id=bad%C2%85')],
    ];
    for (const [name, pending] of cases) {
      const answer = await pending;
      assert.equal(answer.status, 400, name);
      assert.equal(typeof answer.body.error, 'string', name);
      assert.ok(answer.body.error.length > 0, name);
    }
    assert.deepEqual((await views(base, 'bad')).body, { id: 'bad', views: 0 });
    const keys = await redis.client().then(async (c) => {
      const all = await c.keys('civic:views:*');
      await c.close();
      return all;
    });
    assert.ok(!keys.some((key) => key.includes('bad')), keys.join());
    // A charset parameter is fine.
    const ok = await post('{"id":"charset"}', 'application/json; charset=utf-8');
    assert.equal(ok.status, 200);
  });

  test('a body over 1 KiB is refused while it is still being sent', async () => {
    const url = new URL(`${base}/views`);
    const req = httpRequest(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...client() },
    });
    req.on('error', () => {}); // the server may close while we write
    req.write('{"id":"big","pad":"');
    req.write('x'.repeat(2048));
    // The request is never ended: the answer must come anyway.
    const [res] = await once(req, 'response');
    assert.equal(res.statusCode, 400);
    let text = '';
    for await (const chunk of res) text += chunk;
    assert.match(JSON.parse(text).error, /1024 bytes/);
    req.destroy();
    // A declared length over the limit is refused before any byte of the body.
    const declared = httpRequest(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': '1000000', ...client() },
    });
    declared.on('error', () => {});
    declared.flushHeaders();
    const [early] = await once(declared, 'response');
    assert.equal(early.statusCode, 400);
    early.resume();
    declared.destroy();
  });

  test('a bot, spider or crawler gets the count without adding to it', async () => {
    const headers = client();
    await hit(base, 'bot-bai', { headers });
    for (const agent of [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Mozilla/5.0 (compatible; bingbot/2.0)',
      'Baiduspider+(+http://www.baidu.com/search/spider.htm)',
      'coccoc-crawler',
      'SomeCrawl/1.0',
    ]) {
      const answer = await hit(base, 'bot-bai', { headers: { ...headers, 'User-Agent': agent } });
      assert.equal(answer.status, 200, agent);
      assert.deepEqual(answer.body, { id: 'bot-bai', views: 1 }, agent);
    }
    // Not a robot: the Cubot phone brand.
    const phone = 'Mozilla/5.0 (Linux; Android 10; CUBOT X30) Chrome/120 Mobile Safari/537.36';
    assert.equal(
      (await hit(base, 'bot-bai', { headers: { ...headers, 'User-Agent': phone } })).body.views,
      2,
    );
  });

  test('over RATE_LIMIT counted hits a minute from one client: 429, nothing counted', async () => {
    const headers = client();
    for (let i = 1; i <= 5; i++) assert.equal((await hit(base, 'rl', { headers })).body.views, i);
    const over = await hit(base, 'rl', { headers });
    assert.equal(over.status, 429);
    assert.equal(typeof over.body.error, 'string');
    const retry = Number(over.headers['retry-after']);
    assert.ok(retry >= 1 && retry <= 60, String(retry));
    assert.equal((await views(base, 'rl')).body.views, 5);
    // Reading is not limited; another client still counts; bots never hit the limit.
    assert.equal((await views(base, 'rl', { headers })).status, 200);
    assert.equal((await hit(base, 'rl', { headers: client() })).body.views, 6);
    const bot = await hit(base, 'rl', { headers: { ...headers, 'User-Agent': 'Googlebot' } });
    assert.equal(bot.status, 200);
  });

  test('the limit holds across instances; Redis holds only hashed, expiring client keys', async () => {
    const second = await startService({ REDIS_URL: redis.url, TRUST_PROXY: '1', RATE_LIMIT: '5' });
    try {
      const headers = { 'X-Forwarded-For': '203.0.113.77' };
      for (let i = 0; i < 5; i++) {
        const target = i % 2 ? second.url : base;
        assert.equal((await hit(target, 'rl-shared', { headers })).status, 200);
      }
      assert.equal((await hit(second.url, 'rl-shared', { headers })).status, 429);
      assert.equal((await hit(base, 'rl-shared', { headers })).status, 429);
    } finally {
      await second.stop();
    }
    const c = await redis.client();
    try {
      const keys = await c.keys('*');
      assert.ok(!keys.some((key) => /203\.0\.113|198\.51\.100/.test(key)), keys.join());
      const rateKeys = keys.filter((key) => key.startsWith('civic:rate:'));
      assert.ok(rateKeys.length > 0);
      for (const key of rateKeys) {
        const ttl = await c.pTTL(key);
        assert.ok(ttl > 0 && ttl <= 60_000, `${key} ttl ${ttl}`);
      }
      // What else is stored: counts by item id, and the hashes' secret.
      const other = keys.filter(
        (k) => !k.startsWith('civic:rate:') && !k.startsWith('civic:views:'),
      );
      assert.deepEqual(other, ['civic:rate-secret']);
    } finally {
      await c.close();
    }
  });

  test('X-Forwarded-For is believed only from the trusted hop', async () => {
    // The client forges an address; the proxy appends the real one: only that one counts.
    const forged = (n) => ({ 'X-Forwarded-For': `10.9.9.${n}, 192.0.2.50` });
    for (let i = 0; i < 5; i++)
      assert.equal((await hit(base, 'xff', { headers: forged(i) })).status, 200);
    assert.equal((await hit(base, 'xff', { headers: forged(99) })).status, 429);
  });

  test('CORS: exact origins only, on GET, POST and OPTIONS', async () => {
    const preflight = await request(base, '/views', {
      method: 'OPTIONS',
      headers: {
        Origin: SITE,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], SITE);
    assert.match(preflight.headers['access-control-allow-methods'], /POST/);
    assert.match(preflight.headers['access-control-allow-headers'], /Content-Type/i);
    assert.match(preflight.headers.vary, /Origin/);
    assert.equal(preflight.headers['access-control-allow-credentials'], undefined);

    const get = await views(base, 'cors', { headers: { Origin: SITE } });
    assert.equal(get.headers['access-control-allow-origin'], SITE);
    const post = await hit(base, 'cors', {
      headers: { Origin: 'http://localhost:8000', ...client() },
    });
    assert.equal(post.headers['access-control-allow-origin'], 'http://localhost:8000');

    for (const origin of [
      'https://evil.example',
      `${SITE}.evil.example`,
      'http://www.example.gov.vn',
      'https://www.example.gov.vn:8443',
      'null',
    ]) {
      for (const method of ['OPTIONS', 'GET', 'POST']) {
        const answer =
          method === 'POST'
            ? await hit(base, 'cors', { headers: { Origin: origin, ...client() } })
            : await request(base, '/views?id=cors', { method, headers: { Origin: origin } });
        assert.equal(
          answer.headers['access-control-allow-origin'],
          undefined,
          `${method} ${origin}`,
        );
      }
    }
  });

  test('healthz, other paths and methods', async () => {
    const health = await request(base, '/healthz');
    assert.equal(health.status, 200);
    assert.deepEqual(health.body, { status: 'ok', store: 'redis' });
    assert.equal((await request(base, '/other')).status, 404);
    assert.equal((await request(base, '/views/x?id=a')).status, 404);
    const del = await request(base, '/views?id=a', { method: 'DELETE' });
    assert.equal(del.status, 405);
    assert.match(del.headers.allow, /GET, HEAD, POST/);
    // HEAD is GET without a body (RFC 9110).
    for (const path of ['/views?id=a', '/healthz']) {
      const head = await new Promise((done, fail) => {
        const req = httpRequest(new URL(`${base}${path}`), { method: 'HEAD' }, (res) => {
          let bytes = 0;
          res.on('data', (chunk) => (bytes += chunk.length));
          res.on('end', () =>
            done({ status: res.statusCode, type: res.headers['content-type'], bytes }),
          );
        });
        req.on('error', fail);
        req.end();
      });
      assert.deepEqual(
        head,
        { status: 200, type: 'application/json; charset=utf-8', bytes: 0 },
        path,
      );
    }
  });

  test('an id in the query that is not UTF-8 is 400, not the count of "\uFFFD"', async () => {
    for (const raw of ['%FF', '%ED%A0%80', 'a%E1%BB']) {
      const answer = await request(base, `/views?id=${raw}`);
      assert.equal(answer.status, 400, raw);
      assert.equal(answer.body.error, 'id is not valid UTF-8');
    }
    // Well-formed UTF-8, "+" for a space, and the first id of several, as before.
    assert.deepEqual((await request(base, '/views?id=C%C3%B4ng+an&id=x')).body, {
      id: 'Công an',
      views: 0,
    });
  });
});

describe('civic-counter when Redis loses its data', () => {
  test('the limit still holds across instances: each reads the new shared secret', async () => {
    const redis = await startRedis();
    const first = await startService({ REDIS_URL: redis.url, TRUST_PROXY: '1', RATE_LIMIT: '5' });
    let second;
    try {
      const headers = { 'X-Forwarded-For': '203.0.113.99' };
      assert.equal(
        (await hit(first.url, 'warm', { headers: { 'X-Forwarded-For': '192.0.2.1' } })).status,
        200,
      );
      // A restart without persistence: counts, limits and the secret are gone.
      await redis.restart();
      second = await startService({ REDIS_URL: redis.url, TRUST_PROXY: '1', RATE_LIMIT: '5' });
      await until(async () => (await request(first.url, '/healthz')).status === 200, 'first back');
      for (let i = 0; i < 5; i++) {
        const target = i % 2 ? second.url : first.url;
        assert.equal((await hit(target, 'after-loss', { headers })).status, 200, `hit ${i + 1}`);
      }
      assert.equal((await hit(first.url, 'after-loss', { headers })).status, 429);
      assert.equal((await hit(second.url, 'after-loss', { headers })).status, 429);
      assert.equal((await views(first.url, 'after-loss')).body.views, 5);
    } finally {
      await Promise.all([first.stop(), second?.stop()]);
      await redis.close();
    }
  });
});

describe('civic-counter and slow clients', () => {
  test('headers sent a byte at a time get 408 within the 5 s limit, not half a minute later', async () => {
    const service = await startService({ RATE_LIMIT: '0' });
    try {
      const { port } = new URL(service.url);
      const socket = connect(Number(port), '127.0.0.1');
      await once(socket, 'connect');
      const started = Date.now();
      let answer = '';
      socket.setEncoding('utf8');
      socket.on('data', (text) => (answer += text));
      const closed = once(socket, 'close');
      const header = 'GET /views?id=slow HTTP/1.1\r\nHost: x\r\nX-Slow: ' + 'a'.repeat(100);
      let i = 0;
      const trickle = setInterval(() => {
        if (i < header.length && !socket.destroyed) socket.write(header[i++]);
      }, 250);
      try {
        await closed;
      } finally {
        clearInterval(trickle);
      }
      const took = Date.now() - started;
      assert.match(answer, /^HTTP\/1\.1 408/);
      assert.ok(took < 7000, `closed after ${took} ms`);
    } finally {
      await service.stop();
    }
  });
});

describe('the embedded store', () => {
  test('keeps the most recently counted ids, up to its cap', async () => {
    const { MemoryStore, MAX_IDS } = await import('../../server/memory-store.mjs');
    assert.equal(MAX_IDS, 100_000);
    const store = new MemoryStore([['seeded', 7]], { maxIds: 3 });
    try {
      await store.hit('a', null);
      await store.hit('b', null);
      // Counting "seeded" again makes it the most recent; "a" is now the oldest.
      assert.deepEqual(await store.hit('seeded', null), { views: 8 });
      await store.hit('c', null);
      assert.equal(await store.views('a'), 0);
      assert.equal(await store.views('b'), 1);
      assert.equal(await store.views('seeded'), 8);
      assert.equal(await store.views('c'), 1);
    } finally {
      await store.close();
    }
  });
});

describe('civic-counter with the embedded store', () => {
  test('starts without REDIS_URL, warns that counts are lost on restart, and counts', async () => {
    const service = await startService({});
    try {
      const warning = service.logs.find((l) => l.level === 'warn');
      assert.match(warning.msg, /lost on restart/);
      assert.equal(service.logs.find((l) => l.msg === 'listening').store, 'memory');
      assert.match(service.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.deepEqual((await hit(service.url, 'mem')).body, { id: 'mem', views: 1 });
      assert.deepEqual((await hit(service.url, 'mem')).body, { id: 'mem', views: 2 });
      assert.deepEqual((await views(service.url, 'mem')).body, { id: 'mem', views: 2 });
      assert.deepEqual((await request(service.url, '/healthz')).body, {
        status: 'ok',
        store: 'memory',
      });
      for (let i = 0; i < 58; i++) await hit(service.url, 'mem');
      assert.equal((await hit(service.url, 'mem')).status, 429, 'the default limit is 60');
    } finally {
      await service.stop();
    }
  });

  test('bad configuration exits 2 with a one-line JSON error', async () => {
    for (const env of [
      { ALLOW_ORIGINS: '*' },
      { ALLOW_ORIGINS: 'https://a.example/path' },
      { PORT: 'eighty' },
      { RATE_LIMIT: '-1' },
    ]) {
      const { code, logs } = await runCli([], { ...env, PORT: env.PORT ?? '0' }).catch((e) => ({
        code: /exited 2/.test(String(e)) ? 2 : -1,
        logs: [{ level: 'error' }],
      }));
      assert.equal(code, 2, JSON.stringify(env));
      assert.equal(logs.at(-1).level, 'error');
    }
  });
});

// `civic-counter import FEED.json`: seeds counts from `_civic.views`, never lowering one.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, hit, runCli, startRedis, startService, views } from './helpers.mjs';

describe('civic-counter import', () => {
  let redis;
  let dir;
  before(async () => {
    redis = await startRedis();
    dir = mkdtempSync(join(tmpdir(), 'civic-import-'));
  });
  after(async () => {
    await redis?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const feed = (items) => {
    const file = join(dir, `feed-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items }));
    return file;
  };

  test('seeds the sample feed, raises lower counts, never lowers a higher one', async () => {
    const env = { REDIS_URL: redis.url };
    const sample = join(ROOT, 'tests/fixtures/vi-cong-an-tinh.json');
    const first = await runCli(['import', sample], env);
    assert.equal(first.code, 0, JSON.stringify(first.logs));
    const service = await startService({ ...env, RATE_LIMIT: '0' });
    try {
      // The seed article: 2007 views in the feed ("Lượt xem: 2.007").
      assert.deepEqual((await views(service.url, '2019-antq-ket-qua')).body, {
        id: '2019-antq-ket-qua',
        views: 2007,
      });
      for (let i = 0; i < 3; i++) await hit(service.url, '2019-antq-ket-qua');
      const again = await runCli(
        [
          'import',
          feed([
            { id: '2019-antq-ket-qua', _civic: { views: 2008 } }, // lower than 2010 now
            { id: 'moi', _civic: { views: 15 } },
            { id: 'moi-2', _civic: { views: 0 } },
            { id: 'khong-dem' },
            { id: 'sai', _civic: { views: -4 } },
            { id: 'sai-2', _civic: { views: 1.5 } },
            { id: 'sai-3', _civic: { views: '99' } },
            { id: 'bad\u0085', _civic: { views: 5 } },
            { _civic: { views: 5 } },
          ]),
          feed([{ id: 'moi', _civic: { views: 12 } }]), // a second file, lower again
        ],
        env,
      );
      assert.equal(again.code, 0);
      const done = again.logs.find((l) => l.msg === 'import done');
      // Raised: moi, moi-2; kept: the seed article and moi's second, lower number;
      // skipped: no views, three bad counts, a control character, no id.
      assert.deepEqual([done.raised, done.kept, done.skipped], [2, 2, 6]);
      const count = async (id) => (await views(service.url, id)).body.views;
      assert.equal(await count('2019-antq-ket-qua'), 2010);
      assert.equal(await count('moi'), 15);
      assert.equal(await count('moi-2'), 0);
      for (const id of ['sai', 'sai-2', 'sai-3', 'khong-dem']) assert.equal(await count(id), 0);
    } finally {
      await service.stop();
    }
  });

  test('an import racing live hits loses none of them', async () => {
    const env = { REDIS_URL: redis.url };
    const service = await startService({ ...env, RATE_LIMIT: '0' });
    try {
      const hits = Array.from({ length: 200 }, () => hit(service.url, 'race'));
      const seeding = runCli(['import', feed([{ id: 'race', _civic: { views: 100 } }])], env);
      const [answers] = await Promise.all([Promise.all(hits), seeding]);
      // Hits answered 503 by an overloaded machine counted nothing; the others all count.
      const ok = answers.filter((a) => a.status === 200).length;
      assert.ok(ok > 0);
      // If the seed landed after k of the hits, the count is max(100, k) + (ok - k):
      // never below ok (no hit lost) or 100 (the seed), never above 100 + ok.
      const total = (await views(service.url, 'race')).body.views;
      assert.ok(total >= Math.max(100, ok) && total <= 100 + ok, `${total} with ${ok} hits`);
    } finally {
      await service.stop();
    }
  });

  test('without REDIS_URL, or without a file, it refuses with exit 2', async () => {
    assert.equal((await runCli(['import', feed([])], {})).code, 2);
    assert.equal((await runCli(['import'], { REDIS_URL: redis.url })).code, 2);
  });
});

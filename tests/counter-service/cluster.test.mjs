// Redis Cluster: three masters made with redis-cli --cluster create. Every operation
// touches one key, so counts, rate limits and import work with keys on any slot.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  REDIS_SERVER,
  freePort,
  hit,
  request,
  runCli,
  startService,
  until,
  views,
} from './helpers.mjs';

const run = promisify(execFile);
const REDIS_CLI = REDIS_SERVER.replace(/redis-server$/, 'redis-cli');

describe('Redis Cluster', () => {
  const nodes = [];
  let dir;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'civic-cluster-'));
    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      const proc = spawn(
        REDIS_SERVER,
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'].concat([
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          `nodes-${port}.conf`,
          '--dir',
          dir,
        ]),
        { stdio: 'ignore' },
      );
      nodes.push({ port, proc });
    }
    for (const { port } of nodes) {
      await until(
        async () => (await run(REDIS_CLI, ['-p', String(port), 'ping'])).stdout.includes('PONG'),
        'a node',
      );
    }
    await run(REDIS_CLI, [
      '--cluster',
      'create',
      ...nodes.map((n) => `127.0.0.1:${n.port}`),
      '--cluster-yes',
    ]);
    for (const { port } of nodes) {
      await until(
        async () =>
          (await run(REDIS_CLI, ['-p', String(port), 'cluster', 'info'])).stdout.includes(
            'cluster_state:ok',
          ),
        'the cluster',
      );
    }
  });
  after(() => {
    for (const { proc } of nodes) proc.kill('SIGKILL');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('counts, limits and imports with keys on every node', async () => {
    const env = {
      REDIS_URL: nodes.map((n) => `redis://127.0.0.1:${n.port}`).join(','),
      RATE_LIMIT: '3',
      TRUST_PROXY: '1',
    };
    const file = join(dir, 'feed.json');
    const ids = Array.from({ length: 12 }, (_, i) => `bai-${i}`);
    writeFileSync(
      file,
      JSON.stringify({ items: ids.map((id) => ({ id, _civic: { views: 10 } })) }),
    );
    assert.equal((await runCli(['import', file], env)).code, 0);
    const service = await startService(env);
    try {
      // 503 until it has found the cluster's slots, which it does by itself.
      const health = await until(async () => {
        const answer = await request(service.url, '/healthz');
        return answer.status === 200 && answer;
      }, 'the cluster to be found');
      assert.deepEqual(health.body, { status: 'ok', store: 'redis' });
      for (const [i, id] of ids.entries()) {
        const headers = { 'X-Forwarded-For': `192.0.2.${i + 1}` };
        for (let n = 11; n <= 13; n++)
          assert.deepEqual((await hit(service.url, id, { headers })).body, { id, views: n });
        assert.equal((await hit(service.url, id, { headers })).status, 429);
        assert.deepEqual((await views(service.url, id)).body, { id, views: 13 });
      }
      // The keys really are spread over the masters.
      const counts = await Promise.all(
        nodes.map(async ({ port }) =>
          Number((await run(REDIS_CLI, ['-p', String(port), 'dbsize'])).stdout),
        ),
      );
      assert.ok(counts.filter((n) => n > 0).length >= 2, counts.join());
    } finally {
      await service.stop();
    }
  });
});

// `npm run bench:counter`: hits per second of the counter service (issue #14), Redis-backed,
// against a minimal node:http handler doing one INCR (bench/counter-minimal.mjs), both on
// the same fresh redis-server, 50 concurrent keep-alive connections (autocannon), POST
// {"id"} only. Not part of CI: the figure is read by a person, as a ratio within one run.
//
// The service runs as shipped (server/cli.mjs) with the rate limit on but set out of
// reach (every hit still passes its Redis rate counter: one Lua script per hit, against one INCR).
// After a warm-up of each, samples alternate service, minimal, minimal, service, …; the
// medians' ratio is printed and appended to BENCHMARKS.md as a dated section. The service's
// count is checked against its 2xx answers (exactness under the same load).
//
// Options: --seconds=6 (per sample), --samples=4 (per side), --no-append.
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { createClient } from '@redis/client';
import { startRedis, until } from '../tests/counter-service/helpers.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const arg = (name, fallback) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const SECONDS = Number(arg('seconds', 6));
const SAMPLES = Number(arg('samples', 4));
const CONNECTIONS = 50;

/** Starts a node process that logs {"msg":"listening","url"} and resolves with its base URL. */
async function startNode(script, env) {
  const proc = spawn(process.execPath, [script], {
    env: { PATH: process.env.PATH, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  proc.stdout.setEncoding('utf8');
  proc.stdout.on('data', (text) => (out += text));
  const line = await until(
    () => out.split('\n').find((l) => l.includes('"listening"')),
    `${script} to listen`,
  );
  return { proc, url: JSON.parse(line).url.replace(/\/views$/, '') };
}

function load(url) {
  return new Promise((done, fail) => {
    autocannon(
      {
        url: `${url}/views`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: 'bench' }),
        connections: CONNECTIONS,
        duration: SECONDS,
      },
      (error, result) => (error ? fail(error) : done(result)),
    );
  });
}

const redis = await startRedis();
const service = await startNode(join(ROOT, 'server/cli.mjs'), {
  REDIS_URL: redis.url,
  RATE_LIMIT: String(Number.MAX_SAFE_INTEGER),
});
const minimal = await startNode(join(ROOT, 'bench/counter-minimal.mjs'), { REDIS_URL: redis.url });
const sides = {
  service: { url: service.url, rates: [], ok: 0, sent: 0 },
  minimal: { url: minimal.url, rates: [], ok: 0, sent: 0 },
};
let bad = 0;
try {
  for (const side of Object.values(sides)) {
    const warm = await load(side.url);
    side.ok += warm['2xx'];
    side.sent += warm.requests.sent;
  }
  const order = [];
  for (let i = 0; i < SAMPLES; i++)
    order.push(...(i % 2 ? ['minimal', 'service'] : ['service', 'minimal']));
  for (const name of order) {
    const result = await load(sides[name].url);
    sides[name].ok += result['2xx'];
    sides[name].sent += result.requests.sent;
    bad += result.non2xx + result.errors + result.timeouts;
    sides[name].rates.push(result['2xx'] / (result.duration || SECONDS));
    console.log(`${name.padEnd(8)} ${Math.round(sides[name].rates.at(-1))} hits/s`);
  }
  const client = createClient({ url: redis.url });
  await client.connect();
  const stored = Number(await client.get('civic:views:bench'));
  await client.close();
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const s = median(sides.service.rates);
  const m = median(sides.minimal.rates);
  const ratio = s / m;
  // A sample ends with up to 50 hits in flight: counted, but their answers not awaited.
  const exact = stored >= sides.service.ok && stored <= sides.service.sent;
  const date = new Date().toISOString().slice(0, 10);
  const md = `
## ${date}: counter service, hits per second (\`npm run bench:counter\`)

${cpus().length} cores (${cpus()[0]?.model.trim()}), load ${loadavg()[0].toFixed(1)} at the end; Node ${process.version}; redis-server on loopback, no persistence. ${CONNECTIONS} concurrent keep-alive connections (autocannon), \`POST /views\` with \`{"id":"bench"}\`, ${SAMPLES} alternating samples of ${SECONDS} s per side after a warm-up.

| side | hits/s min / median / max | ratio |
| --- | --- | --- |
| civic-counter (Redis store, rate limit on, one Lua script per hit) | ${sides.service.rates
    .map(Math.round)
    .sort((a, b) => a - b)
    .filter((_, i, a) => i === 0 || i === a.length - 1 || i === Math.floor(a.length / 2))
    .join(
      ' / ',
    )} | ${ratio.toFixed(2)}× (target ≥ 0.7×) ${ratio >= 0.7 ? 'meets target' : 'under target'} |
| minimal node:http handler, one INCR | ${sides.minimal.rates
    .map(Math.round)
    .sort((a, b) => a - b)
    .filter((_, i, a) => i === 0 || i === a.length - 1 || i === Math.floor(a.length / 2))
    .join(' / ')} | 1 |

Exactness under this load: count in Redis ${stored}, between the ${sides.service.ok} answered 2xx and the ${sides.service.sent} sent (the rest were in flight when a sample stopped): ${exact ? 'consistent' : 'NOT CONSISTENT'}; non-2xx or errors: ${bad}.
`;
  console.log(md);
  if (!process.argv.includes('--no-append')) {
    appendFileSync(join(ROOT, 'BENCHMARKS.md'), md);
    console.log('appended to BENCHMARKS.md');
  }
  if (!exact) process.exitCode = 1;
} finally {
  service.proc.kill('SIGTERM');
  minimal.proc.kill('SIGTERM');
  await redis.close();
}

// The benchmark (`npm run bench` builds, then runs this). Not part of CI: timings on a
// shared 2-core machine are noisy, so figures are read by a person, not asserted.
//
// In ONE Chromium page, interleaved so that machine noise hits both alike:
//   A  hand-written DOM code drawing the markup of <civic-bulletin-list limit="1000">
//      for a generated 1,000-item feed (see bench/bench.js for what it does and why);
//   B  the element drawing the same `Feed` given as `.feed`.
// Each sample runs from the start of the work to the end of a forced layout, on a fresh
// host, after a frame and a GC. Medians and B/A are reported; B/A ≤ 2.0 is a PASS (the
// aim is 1.5). Then the card's time to first render, from `.feed` and from `src`.
// Results go to bench/results/latest.json (gitignored).
//
// Options: --samples=20 --warmup=5. CIVIC_DIST, CHROME_PATH as in scripts/test-dist.mjs.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { build as viteBuild } from 'vite';
import { startStaticServer } from '../scripts/static-server.mjs';
import { bundleReport, kib } from '../scripts/check-size.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = resolve(process.env.CIVIC_DIST ?? join(ROOT, 'dist'));
const arg = (name, fallback) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  const n = a ? Number(a.slice(name.length + 3)) : fallback;
  return Number.isInteger(n) && n > 0 ? n : fallback;
};
const SAMPLES = arg('samples', 20);
const WARMUP = arg('warmup', 5);
const PASS_RATIO = 2.0;
const AIM_RATIO = 1.5;

const seedFile = [
  join(ROOT, 'tests/fixtures/vi-cong-an-tinh.json'),
  join(ROOT, '../shared/feeds/vi-cong-an-tinh.json'),
  '/work/shared/feeds/vi-cong-an-tinh.json',
].find((f) => existsSync(f));
if (!seedFile) {
  console.error('No sample feed (tests/fixtures/vi-cong-an-tinh.json) to give the card');
  process.exit(1);
}
// The hand-written side needs the library's formatters; the script-tag bundle exports
// nothing, so build them from the same sources, minified like the bundle.
await viteBuild({
  configFile: false,
  logLevel: 'warn',
  build: {
    outDir: join(ROOT, 'bench/results'),
    emptyOutDir: false,
    target: 'es2022',
    lib: { entry: join(ROOT, 'bench/lib.ts'), formats: ['es'], fileName: () => 'lib.js' },
    rolldownOptions: { output: { minify: true } },
  },
});

if (!existsSync(join(DIST, 'civic-widgets.js'))) {
  console.error(
    `${DIST}/civic-widgets.js is missing: run \`npm run build\` first (npm run bench does)`,
  );
  process.exit(1);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))];
};
const stats = (xs) => ({
  median: median(xs),
  p25: quantile(xs, 0.25),
  p75: quantile(xs, 0.75),
  min: Math.min(...xs),
  max: Math.max(...xs),
  n: xs.length,
});
const ms = (x) => `${x.toFixed(1)} ms`;

const server = await startStaticServer({
  root: ROOT,
  distDir: DIST,
  routes: new Map([['/bench/seed.json', { body: readFileSync(seedFile) }]]),
});
const browser = await chromium.launch({
  // A GC between samples, so one side does not pay for the other's garbage.
  ...chromiumLaunchOptions(['--js-flags=--expose-gc']),
});

let exitCode = 0;
try {
  const context = await browser.newContext({
    timezoneId: 'America/Los_Angeles',
    locale: 'en-US',
    viewport: { width: 1280, height: 800 },
  });
  // Nothing leaves this machine: the generated feed's links are never followed, and
  // anything else off 127.0.0.1 is refused.
  await context.route('**/*', (route) =>
    new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
  );
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${server.origin}/bench/index.html`, { waitUntil: 'load' });

  const call = (name) =>
    page.evaluate(async (fn) => {
      const mod = await import('/bench/bench.js');
      return mod[fn]();
    }, name);

  const info = await call('setup');
  console.log(
    `Chromium ${browser.version()}, ${cpus().length} cores, load ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `feed: ${info.items} items; ${WARMUP} warm-up rounds, ${SAMPLES} samples each, interleaved\n`,
  );

  const same = await call('verify');
  if (!same.same) {
    console.log('A and B do NOT draw the same markup, so the ratio below compares different work:');
    console.log(`  A: ${same.a.split('\n').slice(0, 4).join('\n     ')}`);
    console.log(`  B: ${same.b.split('\n').slice(0, 4).join('\n     ')}\n`);
  } else {
    console.log(
      `A and B draw the same markup (elements, attributes, text; ${same.length} characters compared).\n`,
    );
  }

  const samples = { A: [], B: [], Ascript: [], Bscript: [], cardProperty: [], cardSrc: [] };
  const fns = {
    A: 'sampleA',
    B: 'sampleB',
    cardProperty: 'sampleCardProperty',
    cardSrc: 'sampleCardSrc',
  };
  const rounds = async (keys, n, keep) => {
    for (let i = 0; i < n; i++) {
      // Alternate who goes first, so neither always runs on a just-warmed cache.
      const order = i % 2 ? [...keys].reverse() : keys;
      for (const k of order) {
        const t = await call(fns[k]);
        if (!keep) continue;
        if (typeof t === 'number') samples[k].push(t);
        else {
          samples[k].push(t.total);
          samples[`${k}script`].push(t.script);
        }
      }
    }
  };
  await rounds(['A', 'B'], WARMUP, false);
  await rounds(['A', 'B'], SAMPLES, true);
  await rounds(['cardProperty', 'cardSrc'], Math.min(WARMUP, 3), false);
  await rounds(['cardProperty', 'cardSrc'], SAMPLES, true);

  const s = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, stats(v)]));
  const ratio = s.B.median / s.A.median;
  const verdict = !same.same ? 'INVALID (markup differs)' : ratio <= PASS_RATIO ? 'PASS' : 'FAIL';

  const rows = [
    ['A  hand-written DOM, 1,000 items', s.A],
    ['B  <civic-bulletin-list limit=1000> .feed', s.B],
    ['A  script only (before the forced layout)', s.Ascript],
    ['B  script only (before the forced layout)', s.Bscript],
    ['card, first render from .feed', s.cardProperty],
    ['card, first render from src (local HTTP)', s.cardSrc],
  ];
  const w = 44;
  console.log(
    `${'what'.padEnd(w)} ${'median'.padStart(10)} ${'p25'.padStart(10)} ${'p75'.padStart(10)} ${'min'.padStart(10)}`,
  );
  for (const [label, x] of rows) {
    console.log(
      `${label.padEnd(w)} ${ms(x.median).padStart(10)} ${ms(x.p25).padStart(10)} ${ms(x.p75).padStart(10)} ${ms(x.min).padStart(10)}`,
    );
  }
  console.log(`\nB/A = ${ratio.toFixed(2)} (pass ≤ ${PASS_RATIO}, aim ≤ ${AIM_RATIO}): ${verdict}`);
  console.log(
    `script-only B/A = ${(s.Bscript.median / s.Ascript.median).toFixed(2)} (for insight; the verdict uses the totals)`,
  );
  console.log('Date formatting (library formatDate, 1,000 dates) is included in both A and B.');
  if (errors.length) console.log(`page errors: ${errors.join(' | ')}`);

  let sizes;
  try {
    const r = bundleReport(DIST);
    sizes = {
      entryGz: r.entry.gz,
      eagerGz: r.eager.gz,
      lazy: r.lazy.map((c) => ({ file: c.file, gz: c.gz })),
      iifeGz: r.iife?.gz,
    };
    console.log(
      `entry ${kib(r.eager.gz)} gzipped${r.lazy.length ? `, lazy: ${r.lazy.map((c) => `${c.file} ${kib(c.gz)}`).join(', ')}` : ''}`,
    );
  } catch {
    sizes = undefined;
  }

  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  const out = {
    date: new Date().toISOString(),
    chromium: browser.version(),
    node: process.version,
    cores: cpus().length,
    loadavg: loadavg(),
    items: info.items,
    warmup: WARMUP,
    sameMarkup: same.same,
    formatting: 'included in both A and B (library formatDate and messages)',
    stats: s,
    ratio,
    scriptRatio: s.Bscript.median / s.Ascript.median,
    passRatio: PASS_RATIO,
    aimRatio: AIM_RATIO,
    verdict,
    sizes,
    samples,
    errors,
  };
  writeFileSync(join(ROOT, 'bench/results/latest.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log('written to bench/results/latest.json');
  if (verdict !== 'PASS') exitCode = 1;
} catch (err) {
  console.error(err instanceof Error ? err.stack : err);
  exitCode = 1;
} finally {
  await browser.close().catch(() => {});
  await server.close();
}
process.exit(exitCode);

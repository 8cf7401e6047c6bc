// The benchmark of issue #13, "time to content" (`npm run bench` builds, then runs this).
// Not part of CI: timings on a shared machine are noisy, so figures are read by a person
// and compared as ratios within one run, never asserted.
//
// Rows (widget = civic-widgets from the built dist/, hand = hand-written baseline):
//   network rows, real Chromium, network emulated as slow 4G through the DevTools
//   protocol (150 ms latency, 1.6 Mbit/s down, 750 kbit/s up), cache disabled, a fresh
//   browser context per sample (a first visit), files served gzipped from a local server:
//   - seed article, full card (with the feed preloaded in the head, and without; and with
//     the README's two lines, the feed and the body chunk preloaded, where the
//     hand-written page preloads its marked + DOMPurify bundle the same way);
//   - seed article, summary card (with the preload, without, and a repeat visit);
//   - seed feed, 5-item list from `src` (for its layout shift while loading);
//   time to content = from navigation start to the first frame drawn with the row's text
//   in the DOM (see bench/pages.mjs); CLS = layout shift until then; both sides must draw
//   the same text in `<main>` (checked on the first sample of each side); each side's
//   time is also split at its last byte in (what the link costs, and the code after it);
//   in-page rows, no network (bench/bench.js): data in hand, from the start of the work
//   to a forced layout:
//   - a 10,000-item feed given as `.feed`, `limit=10` (and a 100-item one, for how each
//     side's cost grows with the feed: issue #13 wants the widget's to grow no faster);
//   - a 1,000-item list, hand-written DOM with identical markup (verified).
// Widget and hand-written samples alternate (A,B,B,A,…). Prints min/median/max of each
// side and the ratio of medians beside the issue's target, and appends a dated section to
// BENCHMARKS.md. Raw samples go to bench/results/latest.json (gitignored).
//
// Options: --samples=7 (per side and row; three times as many for the in-page rows),
// --compare=DIR (another build folder, timed beside this one on the page rows: an A/B),
// --only=full,summary,… (row ids), --label="…"
// (a note in the BENCHMARKS.md heading), --no-append (print only).
// Environment: CIVIC_DIST (another build folder), CHROME_PATH (see tests/chromium.mjs).
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build as viteBuild } from 'vite';
import { chromiumLaunchOptions } from '../tests/chromium.mjs';
import { startStaticServer } from '../tests/server/static-server.mjs';
import { bundleReport, kib } from '../scripts/check-size.mjs';
import { cardPages, listPages } from './pages.mjs';
import { generateFeed } from './feeds.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = resolve(process.env.CIVIC_DIST ?? join(ROOT, 'dist'));
const RESULTS = join(ROOT, 'bench/results');
const argValue = (name) =>
  process.argv.find((x) => x.startsWith(`--${name}=`))?.slice(name.length + 3);
const SAMPLES = (() => {
  const n = Number(argValue('samples') ?? 7);
  return Number.isInteger(n) && n > 0 ? n : 7;
})();
// The in-page rows take milliseconds, where a shared machine's noise weighs most: three
// times the samples, for the same wall time as a few page loads.
const INPAGE_SAMPLES = SAMPLES * 3;
const ONLY = argValue('only')?.split(',').filter(Boolean);
const LABEL = argValue('label');
const APPEND = !process.argv.includes('--no-append');
// Another build (a folder like dist/), timed beside this one on the page rows: an A/B of
// two builds against the same hand-written pages, in one run.
const COMPARE = argValue('compare') && resolve(argValue('compare'));

/** Slow 4G, as the issue measured it (bytes per second for the throughputs). */
const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1e6) / 8,
  uploadThroughput: (750 * 1e3) / 8,
};
const CONTENT_TIMEOUT = 30_000;

// The sample feed: the repository's one copy.
const seedFile = join(ROOT, 'tests/fixtures/vi-cong-an-tinh.json');
if (!existsSync(join(DIST, 'civic-widgets.js'))) {
  console.error(
    `${DIST}/civic-widgets.js is missing: run \`npm run build\` first (npm run bench does)`,
  );
  process.exit(1);
}
if (COMPARE && !existsSync(join(COMPARE, 'civic-widgets.js'))) {
  console.error(`--compare: ${COMPARE}/civic-widgets.js is missing (give a build folder)`);
  process.exit(1);
}
const seedText = readFileSync(seedFile);
const seed = JSON.parse(seedText.toString('utf8'));

// ---------------------------------------------------------------- what each row must show
// The needles are the text both sides must have in the DOM: they are also the check that
// both build the same text (the exact meta line, the summary, a phrase of the body).
const norm = (s) => s.replace(/\s+/g, ' ').trim();
const seedItem = seed.items[0];
const ZONE = seed._civic?.time_zone ?? 'Asia/Ho_Chi_Minh';
const zoned = (iso) => {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: ZONE,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((x) => [x.type, x.value]),
  );
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}:${p.second}`;
};
const META = `Ngày cập nhật: ${zoned(seedItem.date_modified)} | Lượt xem: ${new Intl.NumberFormat('vi-VN').format(seedItem._civic.views)}`;
const BODY_PHRASE = 'xây dựng mô hình, cá nhân điển hình tiên tiến';
if (!seedItem._civic?.markdown?.includes(BODY_PHRASE)) {
  console.error(
    `The seed article's Markdown no longer contains "${BODY_PHRASE}": update bench/run.mjs`,
  );
  process.exit(1);
}
// A full card shows the summary as a lead only when the body does not already open with
// it (compared on letters and digits, as src/components/article-card/full-article.ts
// does); the seed article's body does, so its full card has no lead to wait for.
const letters = (s) =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
const leadInFull = !letters(seedItem._civic.markdown).startsWith(letters(seedItem.summary));
const summaryNeedles = [norm(seedItem.title), META, norm(seedItem.summary)];
const fullNeedles = [
  norm(seedItem.title),
  META,
  ...(leadInFull ? [norm(seedItem.summary)] : []),
  BODY_PHRASE,
];
// The list: pinned first, then newest; its first two titles.
const LIST_LIMIT = 5;
/** The first two titles a list of `doc` shows: pinned first, then newest, ties in feed order. */
const firstTitles = (doc) =>
  doc.items
    .map((it, i) => ({
      it,
      i,
      pinned: it._civic?.pinned ? 1 : 0,
      key: Date.parse(it.date_published),
    }))
    .sort((x, y) => y.pinned - x.pinned || y.key - x.key || x.i - y.i)
    .slice(0, 2)
    .map(({ it }) => norm(it.title));
const listNeedles = firstTitles(seed);
// The big feed by src: 2,000 generated items (past the 1,000-item cap), a list of ten.
const BIG_SRC = 2000;
// A month old: no item in the "Mới" window, whose badge the hand-written list does not draw.
const bigSrcDoc = generateFeed(BIG_SRC, Date.now() - 30 * 86_400_000);
const bigSrcNeedles = firstTitles(bigSrcDoc);

// ---------------------------------------------------------------- helpers for the hand side
// The hand-written side's libraries, minified like the library's own bundle: the formatters
// of the 1k row (bench/lib.ts) and marked + DOMPurify of the full card (bench/vendor.ts).
mkdirSync(RESULTS, { recursive: true });
for (const name of ['lib', 'vendor']) {
  await viteBuild({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: RESULTS,
      emptyOutDir: false,
      target: 'es2022',
      lib: { entry: join(ROOT, `bench/${name}.ts`), formats: ['es'], fileName: () => `${name}.js` },
      rolldownOptions: { output: { minify: true } },
    },
  });
}

// ---------------------------------------------------------------- the server
// Everything the network rows load is served gzipped from memory, as a real server would
// (the throttled link carries the gzipped bytes). The script bundle may be cached (for
// the repeat visit); pages and the feed are fetched again on every visit.
const FEED = '/feeds/seed.json';
const VENDOR = '/bench/results/vendor.js';
const gz = (body) => gzipSync(body, { level: 9 });
const routes = new Map();
const serve = (path, body, cache, type) =>
  routes.set(path, {
    body: gz(body),
    ...(type ? { type } : {}),
    headers: { 'content-encoding': 'gzip', 'cache-control': cache },
  });
for (const f of readdirSync(DIST).filter((f) => /^civic-widgets.*\.js$/.test(f)))
  serve(`/dist/${f}`, readFileSync(join(DIST, f)), 'max-age=3600');
if (COMPARE)
  for (const f of readdirSync(COMPARE).filter((f) => /^civic-widgets.*\.js$/.test(f)))
    serve(`/dist-b/${f}`, readFileSync(join(COMPARE, f)), 'max-age=3600');
serve(VENDOR, readFileSync(join(RESULTS, 'vendor.js')), 'max-age=3600');
serve(FEED, seedText, 'no-cache');
const BIG_FEED = '/feeds/big.json';
const FEEDS = [FEED, BIG_FEED];
serve(BIG_FEED, JSON.stringify(bigSrcDoc), 'no-cache');

/** The full card's pages, whatever the row preloads. */
const FULL_CARD = { variant: 'full', feed: FEED, needles: fullNeedles, vendor: VENDOR };
/** The body chunk's file in a build folder (the README's modulepreload line names it). */
const bodyChunkIn = (dir) =>
  readdirSync(dir).find((f) => f.startsWith('civic-widgets-full-article-'));
// Each row's `pages(dist, dir)` gives its widget and hand-written pages for the build
// served at `dist` (read from `dir`): this one, or with --compare the other one too.
const PAGE_ROWS = [
  {
    id: 'full',
    label: 'seed article, full card, feed preloaded',
    target: 1.3,
    aim: 1.15,
    pages: (dist) => cardPages({ ...FULL_CARD, preload: true, dist }),
  },
  {
    id: 'full-chunk',
    label: 'seed article, full card, feed and body chunk preloaded',
    target: 1.3,
    aim: 1.15,
    pages: (dist, dir) =>
      cardPages({
        ...FULL_CARD,
        preload: true,
        preloadLibraries: true,
        bodyChunk: bodyChunkIn(dir),
        dist,
      }),
  },
  {
    id: 'full-nopre',
    label: 'seed article, full card, no preload',
    pages: (dist) => cardPages({ ...FULL_CARD, preload: false, dist }),
  },
  {
    id: 'summary',
    label: 'seed article, summary card, feed preloaded',
    target: 1.3,
    aim: 1.15,
    pages: (dist) =>
      cardPages({ variant: 'summary', feed: FEED, preload: true, needles: summaryNeedles, dist }),
  },
  {
    id: 'summary-nopre',
    label: 'seed article, summary card, no preload',
    pages: (dist) =>
      cardPages({ variant: 'summary', feed: FEED, preload: false, needles: summaryNeedles, dist }),
  },
  {
    id: 'summary-repeat',
    label: 'seed article, summary card, preloaded, repeat visit',
    repeat: true,
    pages: (dist) =>
      cardPages({ variant: 'summary', feed: FEED, preload: true, needles: summaryNeedles, dist }),
  },
  {
    id: 'list-src',
    label: `seed feed, ${LIST_LIMIT}-item list from src, feed preloaded`,
    pages: (dist) =>
      listPages({ feed: FEED, preload: true, needles: listNeedles, limit: LIST_LIMIT, dist }),
  },
  {
    // No goal of its own: it shows what a big feed by src costs past its bytes (#13: a
    // list of ten reads ten, whichever way the feed comes).
    id: 'big-src',
    label: `${BIG_SRC.toLocaleString('en')}-item feed, 10-item list from src, feed preloaded`,
    pages: (dist) =>
      listPages({ feed: BIG_FEED, preload: true, needles: bigSrcNeedles, limit: 10, dist }),
  },
].filter((r) => !ONLY || ONLY.includes(r.id));
for (const r of PAGE_ROWS) {
  const { widget, hand } = r.pages('/dist', DIST);
  serve(`/p/${r.id}-widget.html`, widget, 'no-cache');
  serve(`/p/${r.id}-hand.html`, hand, 'no-cache');
  if (COMPARE) serve(`/p/${r.id}-compare.html`, r.pages('/dist-b', COMPARE).widget, 'no-cache');
}
const INPAGE_ROWS = [
  { id: '100', label: '100-item feed as `.feed`, `limit=10` (no network)' },
  {
    id: '10k',
    label: '10,000-item feed as `.feed`, `limit=10` (no network)',
    target: 3,
    aim: 2,
  },
  { id: '1k', label: '1,000-item list, identical markup (no network)', target: 1.5, aim: 1.2 },
].filter((r) => !ONLY || ONLY.includes(r.id));

const server = await startStaticServer({ root: ROOT, distDir: DIST, routes });
const browser = await chromium.launch(
  chromiumLaunchOptions([
    // A GC between in-page samples, so one side does not pay for the other's garbage.
    '--js-flags=--expose-gc',
    // Nothing leaves this machine: any host but the local server fails at once (without
    // request interception, which would change the timings).
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  ]),
);
const CONTEXT = {
  timezoneId: 'America/Los_Angeles',
  locale: 'vi-VN',
  viewport: { width: 1280, height: 800 },
  serviceWorkers: 'block',
};

// ---------------------------------------------------------------- statistics
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const stats = (xs) =>
  xs.length
    ? { n: xs.length, min: Math.min(...xs), median: median(xs), max: Math.max(...xs) }
    : { n: 0, min: NaN, median: NaN, max: NaN };
/**
 * How far the ratio of medians could move with other samples of the same pages: a 90%
 * percentile-bootstrap interval (each side resampled on its own, 2,000 times, with a fixed
 * seed so a run prints the same interval for the same samples). On a shared machine one
 * run's ratio moves by ±0.1; the interval says by how much this run's samples allow.
 */
function ratioInterval(widget, hand, reps = 2000) {
  if (widget.length < 3 || hand.length < 3) return undefined;
  let seed = 0x2545f491;
  const random = () => {
    // xorshift32: deterministic, and good enough to pick samples.
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 2 ** 32;
  };
  const resample = (xs) => median(xs.map(() => xs[Math.floor(random() * xs.length)]));
  const ratios = Array.from({ length: reps }, () => resample(widget) / resample(hand)).sort(
    (a, b) => a - b,
  );
  return [ratios[Math.floor(reps * 0.05)], ratios[Math.ceil(reps * 0.95) - 1]];
}
const fmtMs = (x) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : '–');
const triple = (s) => `${fmtMs(s.min)} / ${fmtMs(s.median)} / ${fmtMs(s.max)}`;
const fmtCls = (xs) => (xs.length ? Math.max(...xs).toFixed(3) : '–');

// ---------------------------------------------------------------- network rows
/**
 * One page load on slow 4G. A fresh context: no HTTP cache, no storage, no module map. For
 * `repeat`, the page is first visited once (unthrottled, cache on), then measured again.
 */
/**
 * Waits for the probe's `done`, asking through the DevTools protocol in the page's own
 * world. (Playwright's waitForFunction would first inject its utility script, tens of ms
 * of main-thread work landing in the middle of the load being timed.)
 */
async function untilDone(cdp) {
  const until = Date.now() + CONTENT_TIMEOUT;
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    const { result } = await cdp.send('Runtime.evaluate', {
      expression: '!!(window.__bench && window.__bench.done)',
      returnByValue: true,
    });
    if (result.value === true) return;
  }
  throw new Error(`no content within ${CONTENT_TIMEOUT} ms`);
}

async function loadPage(path, { repeat = false } = {}) {
  const context = await browser.newContext(CONTEXT);
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const url = `${server.origin}${path}`;
    if (repeat) {
      await page.goto(url, { waitUntil: 'load' });
      await untilDone(cdp);
      // Let the first visit finish what it does after first paint.
      await page.waitForTimeout(300);
      await page.goto('about:blank');
    }
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: !repeat });
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    const from = server.requests.length;
    await page.goto(url, { waitUntil: 'commit' });
    await untilDone(cdp);
    // Layout-shift entries are delivered after the frame that moved: a moment more.
    await page.waitForTimeout(250);
    // The text both sides drew (compared per row: the same work on both sides).
    const text = await page.evaluate(textOfMain);
    const r = await page.evaluate(() => {
      const B = window.__bench;
      const resources = performance.getEntriesByType('resource').map((e) => ({
        path: new URL(e.name).pathname,
        start: e.startTime,
        end: e.responseEnd,
        bytes: e.transferSize,
      }));
      return {
        tDom: B.tDom,
        tPaint: B.tPaint,
        tDefined: B.tDefined,
        tFirstDrawn: B.tFirstDrawn,
        shifts: B.shifts,
        shiftsUnsupported: B.shiftsUnsupported,
        resources,
      };
    });
    const requests = server.requests.slice(from);
    const cls = r.shifts.reduce((a, s) => a + (s.startTime <= r.tPaint ? s.value : 0), 0);
    // The widget's own share: shifts after the frame that first drew it (before that, the
    // undefined element had no size; a page can reserve it with :not(:defined)).
    const clsOwn =
      r.tFirstDrawn === undefined
        ? cls
        : r.shifts.reduce(
            (a, s) => a + (s.startTime > r.tFirstDrawn && s.startTime <= r.tPaint ? s.value : 0),
            0,
          );
    return {
      ms: r.tPaint,
      dom: r.tDom,
      cls,
      clsOwn,
      shifts: r.shifts,
      tDefined: r.tDefined,
      tFirstDrawn: r.tFirstDrawn,
      feedRequests: requests.filter((p) => FEEDS.includes(p.split('?')[0])).length,
      requests: requests.length,
      resources: r.resources,
      errors,
      shiftsUnsupported: r.shiftsUnsupported,
      text,
    };
  } finally {
    await context.close();
  }
}

/**
 * The text of the page's `<main>`, through shadow roots, in tree order: each text node
 * trimmed, joined with one space (so a widget's `<span>`s and the hand-written side's one
 * string read the same). Runs in the page.
 */
function textOfMain() {
  const out = [];
  const walk = (node) => {
    for (const n of node.childNodes) {
      if (n.nodeType === Node.TEXT_NODE) {
        const t = n.data.replace(/\s+/g, ' ').trim();
        if (t && !['SCRIPT', 'STYLE'].includes(n.parentNode.nodeName)) out.push(t);
      } else if (n.nodeType === Node.ELEMENT_NODE) {
        walk(n.shadowRoot ?? n);
      }
    }
  };
  walk(document.querySelector('main'));
  return out.join(' ');
}

/** Where two texts first differ, with a little of each, for the report. */
function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 40);
  return `widget …${a.slice(from, i + 60)}… / hand …${b.slice(from, i + 60)}…`;
}

/**
 * Where a side's time to content goes, medians over its samples: `bytes`, when the last
 * response that ended before content did (the page, scripts, chunks, feed: all the content
 * could have waited for), and `code`, from then to content (scripts that run, the
 * parse, the frame). `bytes` over the hand-written page's time is the ratio a widget
 * whose code took no time at all would reach.
 */
function splitAtLastByte(samples) {
  const lastByte = samples.map((x) =>
    Math.max(0, ...x.resources.filter((q) => q.end <= x.ms).map((q) => q.end)),
  );
  return {
    bytes: median(lastByte),
    code: median(samples.map((x, i) => x.ms - lastByte[i])),
  };
}

/**
 * The compared build's figures for a page row (--compare): its times, its ratio to the
 * hand-written page, and this build's median over its median (below 1: this one is faster),
 * each with its interval.
 */
function compareStats(r) {
  if (!r.compare.length) return undefined;
  const ms = (side) => r[side].map((x) => x.ms);
  const c = stats(ms('compare'));
  return {
    stats: c,
    ratio: c.median / median(ms('hand')),
    interval: ratioInterval(ms('compare'), ms('hand')),
    change: median(ms('widget')) / c.median,
    changeInterval: ratioInterval(ms('widget'), ms('compare')),
  };
}

async function runPageRow(row) {
  const out = { widget: [], hand: [], compare: [], failures: [] };
  const sides = COMPARE ? ['widget', 'compare', 'hand'] : ['widget', 'hand'];
  for (let i = 0; i < SAMPLES; i++) {
    // Rotating (A,B then B,A; with a compared build, each side in each place in turn).
    const order = sides.map((_, k) => sides[(k + i) % sides.length]);
    for (const side of order) {
      try {
        out[side].push(await loadPage(`/p/${row.id}-${side}.html`, { repeat: row.repeat }));
      } catch (err) {
        out.failures.push(
          `${side} #${i + 1}: ${err instanceof Error ? err.message.split('\n')[0] : err}`,
        );
      }
    }
    process.stdout.write('.');
  }
  return out;
}

// ---------------------------------------------------------------- in-page rows
async function runInPageRows(rows) {
  if (!rows.length) return {};
  const context = await browser.newContext(CONTEXT);
  // The generated feeds' links are never followed; nothing but the local server answers.
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${server.origin}/bench/index.html`, { waitUntil: 'load' });
  const call = (fn, ...args) =>
    page.evaluate(
      async ([name, a]) => {
        const mod = await import('/bench/bench.js');
        return mod[name](...a);
      },
      [fn, args],
    );
  await call('setup');
  const out = {};
  for (const row of rows) {
    const r = (out[row.id] = { A: [], B: [], Ascript: [], Bscript: [], failures: [] });
    try {
      r.verified = await call('verify', row.id);
      const warmup = 3;
      for (let i = 0; i < warmup + INPAGE_SAMPLES; i++) {
        const order = i % 2 ? ['B', 'A'] : ['A', 'B'];
        for (const side of order) {
          const t = await call('sample', row.id, side);
          if (i < warmup) continue;
          r[side].push(t.total);
          r[`${side}script`].push(t.script);
        }
      }
    } catch (err) {
      r.failures.push(err instanceof Error ? err.message.split('\n')[0] : String(err));
    }
    process.stdout.write('.');
  }
  out.errors = errors;
  await context.close();
  return out;
}

// ---------------------------------------------------------------- run
const waterfall = (sample) =>
  sample.resources
    .map(
      (x) =>
        `${basename(x.path).padEnd(44)} ${fmtMs(x.start).padStart(6)} → ${fmtMs(x.end).padStart(6)} ms`,
    )
    .join('\n    ');

let exitCode = 0;
const results = { pages: {}, inPage: {} };
const table = [];
try {
  const version = browser.version();
  const report = bundleReport(DIST);
  const entryGz = report.eager.gz;
  console.log(
    `Chromium ${version}, ${cpus().length} cores, load ${loadavg()
      .map((x) => x.toFixed(2))
      .join(
        ' ',
      )}; ${SAMPLES} samples per side and row (in-page rows ${INPAGE_SAMPLES}), interleaved`,
  );
  console.log(
    `network rows: slow 4G (${SLOW_4G.latency} ms latency, 1.6 Mbit/s down, 750 kbit/s up), gzip, cache off, fresh context per sample`,
  );
  console.log(
    `entry ${kib(entryGz)} gzipped (target ≤ 25 KiB, aim 18); ${report.lazy.length} lazy chunks\n`,
  );

  // One untimed load of each side first: Chromium's own first-use costs fall on nobody.
  if (PAGE_ROWS.length) {
    await loadPage(`/p/${PAGE_ROWS[0].id}-widget.html`).catch(() => undefined);
    await loadPage(`/p/${PAGE_ROWS[0].id}-hand.html`).catch(() => undefined);
  }
  for (const row of PAGE_ROWS) {
    process.stdout.write(`${row.label} `);
    const r = await runPageRow(row);
    results.pages[row.id] = r;
    const w = stats(r.widget.map((x) => x.ms));
    const h = stats(r.hand.map((x) => x.ms));
    const medianSample = [...r.widget].sort((a, b) => a.ms - b.ms)[r.widget.length >> 1];
    const sameText = r.widget[0] && r.hand[0] ? r.widget[0].text === r.hand[0].text : undefined;
    table.push({
      id: row.id,
      label: row.label,
      widget: w,
      hand: h,
      ratio: w.median / h.median,
      interval: ratioInterval(
        r.widget.map((x) => x.ms),
        r.hand.map((x) => x.ms),
      ),
      split: { widget: splitAtLastByte(r.widget), hand: splitAtLastByte(r.hand) },
      compare: compareStats(r),
      target: row.target,
      aim: row.aim,
      sameText,
      cls: {
        widget: fmtCls(r.widget.map((x) => x.cls)),
        widgetOwn: fmtCls(r.widget.map((x) => x.clsOwn)),
        hand: fmtCls(r.hand.map((x) => x.cls)),
      },
      feedRequests: `${[...new Set(r.widget.map((x) => x.feedRequests))].join('/')} / ${[...new Set(r.hand.map((x) => x.feedRequests))].join('/')}`,
      failures: [
        ...r.failures,
        // Both sides must draw the same text, or the ratio compares different work.
        ...(sameText === false
          ? [`TEXT DIFFERS: ${firstDifference(r.widget[0].text, r.hand[0].text)}`]
          : []),
        ...(r.compare[0] && r.hand[0] && r.compare[0].text !== r.hand[0].text
          ? [`COMPARED BUILD'S TEXT DIFFERS: ${firstDifference(r.compare[0].text, r.hand[0].text)}`]
          : []),
      ],
      errors: [...new Set([...r.widget, ...r.hand, ...r.compare].flatMap((x) => x.errors))],
    });
    console.log(` ${fmtMs(w.median)} vs ${fmtMs(h.median)} ms`);
    if (medianSample)
      console.log(
        `  widget's median load, requests (start → end, from navigation start):\n    ${waterfall(medianSample)}`,
      );
  }

  if (INPAGE_ROWS.length) process.stdout.write('in-page rows ');
  const inPage = await runInPageRows(INPAGE_ROWS);
  results.inPage = inPage;
  if (INPAGE_ROWS.length) console.log('');
  for (const row of INPAGE_ROWS) {
    const r = inPage[row.id];
    const w = stats(r.B);
    const h = stats(r.A);
    table.push({
      id: row.id,
      label: row.label,
      widget: w,
      hand: h,
      ratio: w.median / h.median,
      interval: ratioInterval(r.B, r.A),
      target: row.target,
      aim: row.aim,
      script: { widget: stats(r.Bscript), hand: stats(r.Ascript) },
      verified: r.verified ?? { same: false, a: '', b: '' },
      failures: r.failures,
      errors: inPage.errors,
    });
    if (r.verified && !r.verified.same) {
      exitCode = 1;
      console.log(
        `${row.id}: A and B do NOT draw the same markup, so the ratio compares different work:`,
      );
      console.log(`  A: ${r.verified.a.split('\n').slice(0, 4).join('\n     ')}`);
      console.log(`  B: ${r.verified.b.split('\n').slice(0, 4).join('\n     ')}`);
    }
  }

  // ---------------------------------------------------------------- the table
  // Judged on the interval where there is one: "meets" only when all of it does, "over"
  // only when all of it is; an interval across the target is said as such.
  const verdict = (t) => {
    if (t.target === undefined) return '';
    if (!Number.isFinite(t.ratio)) return '?';
    const [lo, hi] = t.interval ?? [t.ratio, t.ratio];
    if (hi <= (t.aim ?? t.target)) return 'meets aim';
    if (hi <= t.target) return 'meets target';
    if (lo > t.target) return 'over target';
    return 'across the target';
  };
  const interval = (i) => (i ? ` (${i[0].toFixed(2)}–${i[1].toFixed(2)})` : '');
  const ratioText = (t) =>
    Number.isFinite(t.ratio) ? `${t.ratio.toFixed(2)}×${interval(t.interval)}` : '–';
  const targetText = (t) =>
    t.target === undefined ? '–' : `≤ ${t.target}×${t.aim ? ` (aim ${t.aim}×)` : ''}`;
  const splitText = (t) =>
    t.split
      ? `${fmtMs(t.split.widget.bytes)} + ${fmtMs(t.split.widget.code)} vs ${fmtMs(t.split.hand.bytes)} + ${fmtMs(t.split.hand.code)}; ${(t.split.widget.bytes / t.hand.median).toFixed(2)}× with no code`
      : '';
  const compareText = (t) =>
    `${triple(t.compare.stats)} ms, ${t.compare.ratio.toFixed(2)}×${interval(t.compare.interval)}; this build ${t.compare.change.toFixed(2)}×${interval(t.compare.changeInterval)} its time`;
  const clsText = (t) =>
    t.cls ? `${t.cls.widget} (own ${t.cls.widgetOwn}) / ${t.cls.hand}` : 'n/a';
  console.log('');
  const W = 52;
  console.log(
    `${'row'.padEnd(W)} ${'widget min/med/max ms'.padStart(22)} ${'hand min/med/max ms'.padStart(22)} ${'ratio (90% interval)'.padStart(18)}  target`,
  );
  for (const t of table) {
    console.log(
      `${t.label.padEnd(W)} ${triple(t.widget).padStart(22)} ${triple(t.hand).padStart(22)} ${ratioText(t).padStart(18)}  ${targetText(t)} ${verdict(t)}`,
    );
  }
  console.log(
    `\nCLS until content (max over samples): widget (own: after its first frame) / hand-written:`,
  );
  for (const t of table.filter((x) => x.cls)) console.log(`  ${t.label.padEnd(W)} ${clsText(t)}`);
  if (table.some((t) => t.split))
    console.log(
      `\nLast byte in / from there to content (medians, ms), widget vs hand-written, and the ratio\nif the widget's code took no time (last byte over the hand-written time to content):`,
    );
  for (const t of table.filter((x) => x.split))
    console.log(`  ${t.label.padEnd(W)} ${splitText(t)}`);
  if (COMPARE) {
    console.log(
      `\nCompared build ${COMPARE}: its time, its ratio to hand-written, and this build's time over its:`,
    );
    for (const t of table.filter((x) => x.compare))
      console.log(`  ${t.label.padEnd(W)} ${compareText(t)}`);
  }
  console.log(
    `feed requests per page load, widget / hand-written (one expected): ${table
      .filter((t) => t.feedRequests)
      .map((t) => `${t.id} ${t.feedRequests}`)
      .join(', ')}`,
  );
  for (const t of table.filter((x) => x.verified))
    console.log(
      `${t.id}: ${t.verified.same ? `A and B draw the same markup (${t.verified.length} characters compared)` : 'MARKUP DIFFERS'}; script only ${fmtMs(t.script.widget.median)} vs ${fmtMs(t.script.hand.median)} ms`,
    );
  // Issue #13: from 100 to 10,000 items, the widget's cost grows no faster than the
  // hand-written side's. A difference of two noisy figures: the minimum (what the work
  // costs when nothing else runs) beside the median.
  const small = table.find((t) => t.id === '100');
  const big = table.find((t) => t.id === '10k');
  const growth =
    small && big
      ? Object.fromEntries(
          ['widget', 'hand'].map((side) => [
            side,
            {
              min: big[side].min - small[side].min,
              median: big[side].median - small[side].median,
              // The script alone: both sides lay out the same ten items whatever the feed
              // holds, so the layout's noise only blurs what the items cost.
              scriptMin: big.script[side].min - small.script[side].min,
              scriptMedian: big.script[side].median - small.script[side].median,
            },
          ]),
        )
      : undefined;
  const grew = (g) =>
    `${fmtMs(g.scriptMin)} ms of script (median ${fmtMs(g.scriptMedian)}; ${fmtMs(g.min)} with the layout, median ${fmtMs(g.median)})`;
  const growthText = growth
    ? `From 100 to 10,000 items (limit 10) the widget's time grows by ${grew(growth.widget)}, the hand-written page's by ${grew(growth.hand)}.`
    : '';
  if (growthText) console.log(growthText);
  console.log(`entry ${kib(entryGz)} gzipped (target ≤ 25 KiB, aim 18 KiB)`);
  const problems = table.flatMap((t) => [
    ...(t.failures ?? []).map((f) => `${t.id}: ${f}`),
    ...(t.errors ?? []).map((e) => `${t.id}: page error: ${e}`),
  ]);
  if (problems.length) {
    exitCode = 1;
    console.log(`\nproblems:\n  ${[...new Set(problems)].join('\n  ')}`);
  }

  // ---------------------------------------------------------------- the record
  const now = new Date();
  const out = {
    date: now.toISOString(),
    label: LABEL,
    chromium: version,
    node: process.version,
    cores: cpus().length,
    cpu: cpus()[0]?.model,
    loadavg: loadavg(),
    samples: SAMPLES,
    network: SLOW_4G,
    entryGz,
    lazy: report.lazy.map((c) => ({ file: c.file, gz: c.gz })),
    table,
    growth,
    results,
  };
  writeFileSync(join(RESULTS, 'latest.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log('\nraw samples: bench/results/latest.json');

  if (APPEND) {
    const file = join(ROOT, 'BENCHMARKS.md');
    if (!existsSync(file)) {
      writeFileSync(
        file,
        `# Benchmarks\n\nWritten by \`npm run bench\` (bench/run.mjs), newest last. Times are medians of\ninterleaved samples in one run; compare the ratios, not the times of different runs or\nmachines. See bench/run.mjs for what each row measures.\n`,
      );
    }
    const md = [
      '',
      `## ${now.toISOString().slice(0, 10)}${LABEL ? `: ${LABEL}` : ''}`,
      '',
      `Chromium ${version}; ${cpus().length} cores (${cpus()[0]?.model?.trim() ?? 'unknown CPU'}), load ${loadavg()[0].toFixed(1)} at the end; Node ${process.version}. ` +
        `${SAMPLES} interleaved samples per side and row (in-page rows ${INPAGE_SAMPLES}). Network rows: slow 4G emulated through the DevTools protocol ` +
        `(150 ms latency, 1.6 Mbit/s down, 750 kbit/s up), gzip, cache off, a fresh browser context per sample (repeat visit: the second visit, HTTP cache on); time to content ` +
        `= navigation start to the first frame drawn with the text in the DOM. In-page rows: data in hand, start of the work to a forced layout. ` +
        `Ratio: median over median, with a 90% bootstrap interval; "meets" when the whole interval does, "over" when all of it is over, else "across the target".`,
      '',
      '| row | civic-widgets min / median / max ms | hand-written min / median / max ms | ratio (90% interval) | target (aim) | CLS widget (own) / hand |',
      '|---|---|---|---|---|---|',
      ...table.map(
        (t) =>
          `| ${t.label} | ${triple(t.widget)} | ${triple(t.hand)} | ${ratioText(t)} | ${targetText(t)}${verdict(t) ? ` ${verdict(t)}` : ''} | ${clsText(t)} |`,
      ),
      `| entry bundle \`dist/civic-widgets.js\`, gzipped | ${kib(entryGz)} | – | – | ≤ 25 KiB (aim 18 KiB) ${entryGz <= 18 * 1024 ? 'meets aim' : entryGz <= 25 * 1024 ? 'meets target' : 'over target'} | – |`,
      '',
      ...(COMPARE && table.some((t) => t.compare)
        ? [
            `Compared build \`${COMPARE}\` (timed in the same run, interleaved with both pages): its time, its ratio to hand-written, and this build's time over its (below 1: this build is faster):`,
            '',
            ...table.filter((t) => t.compare).map((t) => `- ${t.label}: ${compareText(t)}`),
            '',
          ]
        : []),
      ...(table.some((t) => t.split)
        ? [
            'Last byte in + from there to content (medians, ms), widget vs hand-written; then the ratio a widget whose code took no time would reach (its last byte over the hand-written time to content):',
            '',
            ...table.filter((t) => t.split).map((t) => `- ${t.label}: ${splitText(t)}`),
            '',
          ]
        : []),
      'CLS: layout shift until content, the largest of the samples; "own" leaves out the frame that first draws the widget (before it, the undefined element had no size; a page can reserve it with `:not(:defined)`).',
      '',
      `Entry ${kib(entryGz)} gzipped (target ≤ 25 KiB, aim 18 KiB); ${report.lazy.length} lazy chunks. ` +
        `Feed requests per page load (widget / hand-written): ${
          table
            .filter((t) => t.feedRequests)
            .map((t) => `${t.id} ${t.feedRequests}`)
            .join(', ') || '–'
        }.` +
        `${table.some((t) => t.sameText !== undefined) ? ` Network rows: the same text on both sides ${table.every((t) => t.sameText !== false) ? 'verified' : 'NOT verified'}.` : ''}` +
        `${table.some((t) => t.verified) ? ` In-page rows: identical markup ${table.filter((t) => t.verified).every((t) => t.verified.same) ? 'verified' : 'NOT verified'}.` : ''}` +
        `${growthText ? ` ${growthText}` : ''}`,
      '',
    ].join('\n');
    appendFileSync(file, md);
    // Kept in the project's format, so that `npm run lint` (prettier --check) stays clean.
    const prettier = await import('prettier');
    const options = { ...(await prettier.resolveConfig(file)), filepath: file };
    writeFileSync(file, await prettier.format(readFileSync(file, 'utf8'), options));
    console.log('appended to BENCHMARKS.md');
  }
} catch (err) {
  console.error(err instanceof Error ? err.stack : err);
  exitCode = 1;
} finally {
  await browser.close().catch(() => {});
  await server.close();
}
process.exit(exitCode);

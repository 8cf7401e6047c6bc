#!/usr/bin/env node
/**
 * End-to-end check of the demo (`npm run test:demo`, the last step of `npm test`):
 * starts the demo's Vite dev server, opens the portal, the English page, the gallery and
 * the playground in the machine's Chromium, and checks what a site maintainer would see.
 *
 * - The portal shows the seed article's meta line, from one feed request.
 * - Pasting the English feed into the playground renders it, "Copy" puts the snippet on
 *   the clipboard, and that snippet in a blank page with the BUILT bundle
 *   (dist/civic-widgets.js, or a fresh build in a temp dir when dist is missing or older
 *   than src/) renders the same widget.
 * - No page logs a console error or has a failed request, except the gallery's deliberate
 *   /demo-api/ faults; any request to another host is blocked and fails the run.
 *
 * Prints `N passed, N failed` last and exits 1 on any failure.
 */
import { createServer, build } from 'vite';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from './chromium.mjs';
import { createServer as createNetServer } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, extname } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const SEED_META = 'Ngày cập nhật: 20/03/2020 03:57:36 | Lượt xem: 2.007';
const started = Date.now();

let passed = 0;
let failed = 0;
const cleanups = [];

async function check(name, run) {
  try {
    await run();
    passed++;
    console.log(`  ✓ ${name}`);
  } catch (error) {
    failed++;
    console.log(
      `  ✗ ${name}\n      ${String(error?.message ?? error)
        .split('\n')
        .join('\n      ')}`,
    );
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Polls until `read()` returns something `ok` accepts; fails with the last value seen. */
async function until(read, ok, what, timeout = 10_000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await read();
      if (ok(last)) return last;
    } catch (error) {
      last = `(error: ${error.message.split('\n')[0]})`;
    }
    if (Date.now() > end)
      throw new Error(
        `${what}: gave up after ${timeout / 1000} s; last saw ${JSON.stringify(last)}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}

const text = (locator) =>
  locator
    .first()
    .textContent({ timeout: 1000 })
    .then((t) => (t ?? '').replace(/\s+/g, ' ').trim());

function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createNetServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** The directory holding a civic-widgets.js built from the current source. */
async function bundleDir() {
  const dist = join(root, 'dist');
  const file = join(dist, 'civic-widgets.js');
  if (existsSync(file) && statSync(file).mtimeMs >= newestMtime(join(root, 'src'))) return dist;
  const out = mkdtempSync(join(tmpdir(), 'civic-bundle-'));
  cleanups.push(() => rmSync(out, { recursive: true, force: true }));
  console.log(
    existsSync(file)
      ? 'dist/civic-widgets.js is older than src/: building a fresh bundle'
      : 'building the bundle',
  );
  await build({
    root,
    configFile: join(root, 'vite.config.ts'),
    mode: 'bundle',
    logLevel: 'warn',
    build: { outDir: out, emptyOutDir: true },
  });
  return out;
}

/**
 * Watches one page: console errors, page errors, failed requests and HTTP errors, minus
 * what `allowed(url)` expects. `stop()` ends the watch before the page closes (closing
 * aborts requests still under way, such as the gallery's never-ending one).
 */
function watch(page, allowed = () => false) {
  const problems = [];
  const onConsole = (m) => {
    if (m.type() !== 'error') return;
    const where = m.location()?.url ?? '';
    if (allowed(where)) return;
    problems.push(`console error: ${m.text()}${where ? ` (${where})` : ''}`);
  };
  const onPageError = (e) => problems.push(`uncaught: ${e.message}`);
  // Chromium reports a 304 to the page's own conditional request (the loader revalidating
  // its remembered copy) as an aborted request; the loader then uses that copy, as it should.
  const notModified = new Set();
  const onFailed = (r) => {
    if (notModified.has(r)) return;
    if (!allowed(r.url()))
      problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`);
  };
  const onResponse = (r) => {
    if (r.status() === 304) notModified.add(r.request());
    if (r.status() >= 400 && !allowed(r.url())) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  };
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  page.on('requestfailed', onFailed);
  page.on('response', onResponse);
  return {
    problems,
    stop() {
      page.off('console', onConsole);
      page.off('pageerror', onPageError);
      page.off('requestfailed', onFailed);
      page.off('response', onResponse);
    },
  };
}

const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const server = await createServer({
  configFile: join(root, 'vite.demo.config.ts'),
  logLevel: 'warn',
  // A test run must not reload pages because someone saved a file meanwhile.
  server: { port, strictPort: true, host: '127.0.0.1', hmr: false, watch: null },
});
await server.listen();

const browser = await chromium.launch(chromiumLaunchOptions());
const context = await browser.newContext({
  timezoneId: 'America/Los_Angeles',
  locale: 'en-US',
  viewport: { width: 1280, height: 900 },
});
await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });

// Nothing but the demo server may be asked: the demo promises no third-party requests.
const offsite = [];
await context.route('**/*', (route) => {
  const url = route.request().url();
  if (url.startsWith(`${origin}/`)) return route.continue();
  offsite.push(url);
  return route.abort('blockedbyclient');
});

console.log(`demo server on ${origin}`);

try {
  // ---------------------------------------------------------------- portal (vi)
  {
    const page = await context.newPage();
    const w = watch(page);
    const feedRequests = [];
    page.on('request', (r) => {
      if (r.url().includes('/feeds/')) feedRequests.push(r.url());
    });
    await page.goto(`${origin}/`);
    await check('portal: the seed article shows its meta line', async () => {
      const card = page.locator('civic-article-card[item-id="2019-antq-ket-qua"]');
      await until(
        () => text(card.locator('[part~="meta"]')),
        (t) => t.includes(SEED_META),
        'seed meta line',
      );
    });
    await check('portal: the news lists, ticker and counters are filled', async () => {
      await until(
        () => page.locator('civic-bulletin-list li').count(),
        (n) => n >= 10,
        'list items',
      );
      const counter = page.locator(
        'civic-view-counter[item-id="2020-tuyen-sinh-cand"] [part~="count"]',
      );
      await until(
        () => text(counter),
        (t) => t === '9.051',
        'counter',
      );
      const notices = page.locator('civic-bulletin-list[category="Thông báo"] [part~="title"]');
      await until(
        () => notices.allTextContents(),
        (all) => all.length > 0 && all.every((t) => /Thông báo|Lịch tiếp/.test(t)),
        'Thông báo list',
      );
      await until(
        () => text(page.locator('civic-date-line [part~="date"]')),
        (t) => /^Thứ|^Chủ nhật/.test(t),
        'date line',
      );
    });
    await check('portal: the whole page made one feed request', async () => {
      assert(
        feedRequests.length === 1,
        `expected 1 feed request, saw ${feedRequests.length}: ${feedRequests.join(', ')}`,
      );
    });
    await check('portal: no console error, failed request or HTTP error', () => {
      w.stop();
      assert(w.problems.length === 0, w.problems.join('\n'));
    });
    await page.close();
  }

  // ---------------------------------------------------------------- portal (en)
  {
    const page = await context.newPage();
    const w = watch(page);
    await page.goto(`${origin}/en.html`);
    await check('English page: the featured article in English, New York time', async () => {
      const meta = page.locator('civic-article-card[item-id="budget-2021"] [part~="meta"]');
      await until(
        () => text(meta),
        (t) => t.includes('Dec 9, 2020') && t.includes('Views: 12,873'),
        'English meta line',
      );
      await until(
        () => text(page.locator('civic-date-line [part~="date"]')),
        (t) => /^[A-Z][a-z]+day, /.test(t),
        'English date line',
      );
    });
    await check('English page: no console error, failed request or HTTP error', () => {
      w.stop();
      assert(w.problems.length === 0, w.problems.join('\n'));
    });
    await page.close();
  }

  // ---------------------------------------------------------------- gallery
  {
    const page = await context.newPage();
    // The gallery's faults are deliberate; nothing else may fail.
    const w = watch(page, (url) => url.startsWith(`${origin}/demo-api/`));
    await page.goto(`${origin}/gallery.html`);
    await check("gallery: the error states carry the feed layer's messages", async () => {
      await until(
        () => text(page.locator('civic-article-card[src="/demo-api/404"] [part~="status"]')),
        (t) => t.includes('HTTP 404 for /demo-api/404'),
        '404 card',
      );
      await until(
        () => text(page.locator('civic-bulletin-list[src="/demo-api/not-json"] [part~="status"]')),
        (t) => t.includes('not JSON'),
        'not-json list',
      );
    });
    await check('gallery: loading, empty and the RSS, Atom and merged feeds', async () => {
      await until(
        () =>
          page
            .locator(
              'civic-bulletin-list[src="/demo-api/slow"] .skeleton, civic-bulletin-list[src="/demo-api/slow"] [part~="status"]',
            )
            .count(),
        (n) => n > 0,
        'loading list',
      );
      await until(
        () => text(page.locator('civic-bulletin-list[src="/demo-api/empty"] [part~="status"]')),
        (t) => t.includes('Chưa có tin'),
        'empty list',
      );
      await until(
        () => page.locator('civic-bulletin-list[layout="grid"] li').count(),
        (n) => n === 4,
        'RSS grid items',
      );
      await until(
        () =>
          text(
            page.locator('civic-article-card[src="feeds/vi-thong-bao.atom.xml"] [part~="title"]'),
          ),
        (t) => t.includes('Lịch tiếp công dân'),
        'Atom card',
      );
      await until(
        () => page.locator('civic-bulletin-list[label] li').count(),
        (n) => n === 6,
        'merged list',
      );
    });
    await check('gallery: a failing refresh shows the remembered copy', async () => {
      const log = page.locator('figure:has(civic-feed[src*="-list"]) .event-log');
      await until(
        () => text(log),
        (t) => t.includes('remembered copy'),
        'stale event',
        15_000,
      );
    });
    await check('gallery: no console error or failed request beyond the deliberate faults', () => {
      w.stop();
      assert(w.problems.length === 0, w.problems.join('\n'));
    });
    await page.close();
  }

  // ---------------------------------------------------------------- playground
  {
    const page = await context.newPage();
    const w = watch(page);
    await page.goto(`${origin}/playground.html`);
    await check('playground: a feed URL previews at once', async () => {
      await until(
        () => page.locator('#stage civic-bulletin-list li').count(),
        (n) => n > 0,
        'URL preview',
      );
      await until(
        () => text(page.locator('#feed-status')),
        (t) => t.includes('10 items'),
        'feed status',
      );
    });
    await check("playground: invalid input shows the feed layer's message", async () => {
      await page.getByLabel('Paste a feed').check();
      await page
        .getByLabel('Feed document')
        .fill('{"version": "https://jsonfeed.org/version/1.1", "items": ');
      await until(
        () => text(page.locator('#feed-status')),
        (t) => t.startsWith('not JSON: '),
        'error message',
      );
      await page
        .getByLabel('Feed document')
        .fill('{"version": "https://jsonfeed.org/version/1.1", "items": {}}');
      await until(
        () => text(page.locator('#feed-status')),
        (t) => t.includes('not a JSON Feed: "items" must be an array'),
        'not-a-feed message',
      );
    });
    const enFeed = readFileSync(join(root, 'demo/feeds/en-city-news.json'), 'utf8');
    let snippet = '';
    let previewMeta = '';
    let previewTitle = '';
    await check('playground: pasting the English feed renders it', async () => {
      await page.getByLabel('Feed document').fill(enFeed);
      await page.getByLabel('Widget', { exact: true }).selectOption('civic-article-card');
      await page.getByLabel('item-id', { exact: true }).selectOption('budget-2021');
      await page.getByLabel('variant', { exact: true }).selectOption('full');
      const card = page.locator('#stage civic-article-card');
      previewMeta = await until(
        () => text(card.locator('[part~="meta"]')),
        (t) => t.includes('Views: 12,873'),
        'pasted preview',
      );
      previewTitle = await text(card.locator('[part~="title"]'));
      assert(
        previewTitle.includes('Council adopts the 2021 city budget'),
        `title: ${previewTitle}`,
      );
    });
    await check('playground: "Copy" puts the embed snippet on the clipboard', async () => {
      await page.getByRole('button', { name: 'Copy the code' }).click();
      await until(
        () => text(page.locator('#copy-status')),
        (t) => t.startsWith('Copied'),
        'Copied status',
      );
      snippet = await page.evaluate(() => navigator.clipboard.readText());
      assert(
        snippet === (await page.locator('#snippet').textContent()),
        'clipboard differs from the shown snippet',
      );
      assert(
        snippet.includes('<script type="application/feed+json">'),
        'no inline feed in the snippet',
      );
      assert(
        snippet.includes('item-id="budget-2021"') && snippet.includes('variant="full"'),
        `attributes missing:\n${snippet}`,
      );
    });
    await check('playground: no console error, failed request or HTTP error', () => {
      w.stop();
      assert(w.problems.length === 0, w.problems.join('\n'));
    });
    const lang = await page.locator('#stage').getAttribute('lang');
    await page.close();

    // ------------------------------------------------------------ the snippet, with the built bundle
    await check(
      'snippet: in a blank page with the built bundle it renders the same widget',
      async () => {
        assert(snippet, 'no snippet was copied');
        const dir = await bundleDir();
        const blank = await context.newPage();
        const bw = watch(blank);
        const types = { '.js': 'text/javascript', '.map': 'application/json' };
        await blank.route(`${origin}/assets/**`, (route) => {
          const file = join(dir, new URL(route.request().url()).pathname.slice('/assets/'.length));
          if (!existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
          return route.fulfill({
            status: 200,
            contentType: types[extname(file)] ?? 'application/octet-stream',
            body: readFileSync(file),
          });
        });
        await blank.route(`${origin}/snippet-test.html`, (route) =>
          route.fulfill({
            status: 200,
            contentType: 'text/html; charset=utf-8',
            body: `<!doctype html><html lang="${lang ?? 'vi'}"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>snippet</title></head><body>\n${snippet}\n</body></html>`,
          }),
        );
        await blank.goto(`${origin}/snippet-test.html`);
        const card = blank.locator('civic-article-card');
        await until(
          () => text(card.locator('[part~="meta"]')),
          (t) => t === previewMeta,
          'meta line as in the preview',
        );
        assert(
          (await text(card.locator('[part~="title"]'))) === previewTitle,
          'title differs from the preview',
        );
        bw.stop();
        assert(bw.problems.length === 0, bw.problems.join('\n'));
        await blank.close();
      },
    );
  }

  await check('no request left the demo server', () => {
    assert(
      offsite.length === 0,
      `blocked requests to other hosts:\n${[...new Set(offsite)].join('\n')}`,
    );
  });
} catch (error) {
  failed++;
  console.log(`  ✗ the run stopped: ${error?.stack ?? error}`);
} finally {
  await browser.close().catch(() => undefined);
  await server.close().catch(() => undefined);
  for (const clean of cleanups) clean();
}

console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

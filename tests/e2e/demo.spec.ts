/**
 * End-to-end checks of the demo (`npm run test:demo`, the last step of `npm test`): the
 * demo's Vite dev server, the portal, the English page, the gallery and the playground in
 * the machine's Chromium, and what a site maintainer would see.
 *
 * - The portal shows the seed article's meta line, from one feed request.
 * - Pasting the English feed into the playground renders it, "Copy" puts the snippet on
 *   the clipboard, and that snippet in a blank page with the BUILT bundle
 *   (dist/civic-widgets.js, or a fresh build in a temp dir when dist is missing or older
 *   than src/) renders the same widget.
 * - No page logs a console error or has a failed request, except the gallery's deliberate
 *   /demo-api/ faults; any request to another host is blocked and fails the test.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { build, createServer } from 'vite';
import { ROOT, freePort, norm } from './support.js';

/** The package version, which the script-tag build's chunk names carry. */
const VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

const SEED_META = 'Ngày cập nhật: 20/03/2020 03:57:36 | Lượt xem: 2.007';

const test = base.extend<{ offsite: string[] }, { demoOrigin: string }>({
  demoOrigin: [
    // Playwright reads a fixture's dependencies from this pattern: it needs none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const port = await freePort();
      const server = await createServer({
        configFile: join(ROOT, 'vite.demo.config.ts'),
        logLevel: 'warn',
        // A test run must not reload pages because someone saved a file meanwhile.
        server: { port, strictPort: true, host: '127.0.0.1', hmr: false, watch: null },
      });
      await server.listen();
      const origin = `http://127.0.0.1:${port}`;
      console.log(`demo server on ${origin}`);
      await use(origin);
      await server.close();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ demoOrigin }, use) => use(demoOrigin),
  // Nothing but the demo server may be asked: the demo promises no third-party requests.
  offsite: [
    async ({ context, demoOrigin }, use) => {
      const offsite: string[] = [];
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(`${demoOrigin}/`)) return route.continue();
        offsite.push(url);
        return route.abort('blockedbyclient');
      });
      await use(offsite);
    },
    { auto: true },
  ],
});

test.use({
  viewport: { width: 1280, height: 900 },
  permissions: ['clipboard-read', 'clipboard-write'],
});

/** The normalized text of the first match, or a note of what went wrong (for polling). */
const text = (locator: Locator): Promise<string> =>
  locator
    .first()
    .textContent({ timeout: 1000 })
    .then(norm)
    .catch((error: Error) => `(error: ${error.message.split('\n')[0]})`);

/**
 * Watches one page: console errors, page errors, failed requests and HTTP errors, minus
 * what `allowed(url)` expects. `stop()` ends the watch before the page closes (closing
 * aborts requests still under way, such as the gallery's never-ending one).
 */
function watch(page: Page, allowed: (url: string) => boolean = () => false) {
  const problems: string[] = [];
  const onConsole = (m: import('@playwright/test').ConsoleMessage) => {
    if (m.type() !== 'error') return;
    const where = m.location()?.url ?? '';
    if (allowed(where)) return;
    problems.push(`console error: ${m.text()}${where ? ` (${where})` : ''}`);
  };
  const onPageError = (e: Error) => problems.push(`uncaught: ${e.message}`);
  // Chromium reports a 304 to the page's own conditional request (the loader revalidating
  // its remembered copy) as an aborted request; the loader then uses that copy, as it should.
  const notModified = new Set<import('@playwright/test').Request>();
  const onFailed = (r: import('@playwright/test').Request) => {
    if (notModified.has(r)) return;
    if (!allowed(r.url()))
      problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`);
  };
  const onResponse = (r: import('@playwright/test').Response) => {
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

/** The last step of every page: nothing was asked of another host. */
async function noOffsiteRequest(offsite: string[]) {
  await test.step('no request left the demo server', () => {
    expect([...new Set(offsite)], 'blocked requests to other hosts').toEqual([]);
  });
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** The directory holding a civic-widgets.js built from the current source. */
async function bundleDir(cleanups: (() => void)[]): Promise<string> {
  const dist = join(ROOT, 'dist');
  const file = join(dist, 'civic-widgets.js');
  if (existsSync(file) && statSync(file).mtimeMs >= newestMtime(join(ROOT, 'src'))) return dist;
  const out = mkdtempSync(join(tmpdir(), 'civic-bundle-'));
  cleanups.push(() => rmSync(out, { recursive: true, force: true }));
  console.log(
    existsSync(file)
      ? 'dist/civic-widgets.js is older than src/: building a fresh bundle'
      : 'building the bundle',
  );
  await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    mode: 'bundle',
    logLevel: 'warn',
    build: { outDir: out, emptyOutDir: true },
  });
  return out;
}

// ---------------------------------------------------------------- portal (vi)
test('portal (vi)', async ({ page, offsite }) => {
  const w = watch(page);
  const feedRequests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/feeds/')) feedRequests.push(r.url());
  });
  await page.goto('/');
  await test.step('portal: the seed article shows its meta line', async () => {
    const card = page.locator('civic-article-card[item-id="2019-antq-ket-qua"]');
    await expect
      .poll(() => text(card.locator('[part~="meta"]')), { message: 'seed meta line' })
      .toContain(SEED_META);
  });
  await test.step('portal: the news lists, ticker and counters are filled', async () => {
    await expect
      .poll(() => page.locator('civic-bulletin-list li').count(), { message: 'list items' })
      .toBeGreaterThanOrEqual(10);
    const counter = page.locator(
      'civic-view-counter[item-id="2020-tuyen-sinh-cand"] [part~="count"]',
    );
    await expect.poll(() => text(counter), { message: 'counter' }).toBe('9.051');
    const notices = page.locator('civic-bulletin-list[category="Thông báo"] [part~="title"]');
    await expect(async () => {
      const all = await notices.allTextContents();
      expect(all.length, 'Thông báo list').toBeGreaterThan(0);
      for (const t of all) expect(t, 'Thông báo list').toMatch(/Thông báo|Lịch tiếp/);
    }).toPass({ timeout: 20_000 });
    await expect
      .poll(() => text(page.locator('civic-date-line [part~="date"]')), { message: 'date line' })
      .toMatch(/^Thứ|^Chủ nhật/);
  });
  await test.step('portal: the whole page made one feed request', () => {
    expect(feedRequests, 'feed requests').toHaveLength(1);
  });
  await test.step('portal: no console error, failed request or HTTP error', () => {
    w.stop();
    expect(w.problems).toEqual([]);
  });
  await noOffsiteRequest(offsite);
});

// ---------------------------------------------------------------- portal (en)
test('English page', async ({ page, offsite }) => {
  const w = watch(page);
  await page.goto('/en.html');
  await test.step('English page: the featured article in English, New York time', async () => {
    const meta = page.locator('civic-article-card[item-id="budget-2021"] [part~="meta"]');
    await expect.poll(() => text(meta), { message: 'English meta line' }).toContain('Dec 9, 2020');
    expect(await text(meta), 'English meta line').toContain('Views: 12,873');
    await expect
      .poll(() => text(page.locator('civic-date-line [part~="date"]')), {
        message: 'English date line',
      })
      .toMatch(/^[A-Z][a-z]+day, /);
  });
  await test.step('English page: no console error, failed request or HTTP error', () => {
    w.stop();
    expect(w.problems).toEqual([]);
  });
  await noOffsiteRequest(offsite);
});

// ---------------------------------------------------------------- gallery
test('gallery', async ({ page, offsite, demoOrigin }) => {
  // The gallery's faults are deliberate; nothing else may fail.
  const w = watch(page, (url) => url.startsWith(`${demoOrigin}/demo-api/`));
  await page.goto('/gallery.html');
  await test.step("gallery: the error states carry the feed layer's messages", async () => {
    await expect
      .poll(() => text(page.locator('civic-article-card[src="/demo-api/404"] [part~="status"]')), {
        message: '404 card',
      })
      .toContain('HTTP 404 for /demo-api/404');
    await expect
      .poll(
        () => text(page.locator('civic-bulletin-list[src="/demo-api/not-json"] [part~="status"]')),
        { message: 'not-json list' },
      )
      .toContain('not JSON');
  });
  await test.step('gallery: loading, empty and the RSS, Atom and merged feeds', async () => {
    await expect
      .poll(
        () =>
          page
            .locator(
              'civic-bulletin-list[src="/demo-api/slow"] .skeleton, civic-bulletin-list[src="/demo-api/slow"] [part~="status"]',
            )
            .count(),
        { message: 'loading list' },
      )
      .toBeGreaterThan(0);
    await expect
      .poll(
        () => text(page.locator('civic-bulletin-list[src="/demo-api/empty"] [part~="status"]')),
        { message: 'empty list' },
      )
      .toContain('Chưa có tin');
    await expect
      .poll(() => page.locator('civic-bulletin-list[layout="grid"] li').count(), {
        message: 'RSS grid items',
      })
      .toBe(4);
    await expect
      .poll(
        () =>
          text(
            page.locator('civic-article-card[src="feeds/vi-thong-bao.atom.xml"] [part~="title"]'),
          ),
        { message: 'Atom card' },
      )
      .toContain('Lịch tiếp công dân');
    await expect
      .poll(() => page.locator('civic-bulletin-list[label] li').count(), {
        message: 'merged list',
      })
      .toBe(6);
  });
  await test.step('gallery: a failing refresh shows the remembered copy', async () => {
    const log = page.locator('figure:has(civic-feed[src*="-list"]) .event-log');
    await expect
      .poll(() => text(log), { message: 'stale event', timeout: 30_000 })
      .toContain('remembered copy');
  });
  await test.step('gallery: no console error or failed request beyond the deliberate faults', () => {
    w.stop();
    expect(w.problems).toEqual([]);
  });
  await noOffsiteRequest(offsite);
});

// ---------------------------------------------------------------- playground
test('playground, and its snippet with the built bundle', async ({
  page,
  context,
  offsite,
  demoOrigin,
}) => {
  // May build the bundle first (see bundleDir).
  test.setTimeout(240_000);
  const cleanups: (() => void)[] = [];
  const w = watch(page);
  await page.goto('/playground.html');
  await test.step('playground: a feed URL previews at once', async () => {
    await expect
      .poll(() => page.locator('#stage civic-bulletin-list li').count(), {
        message: 'URL preview',
      })
      .toBeGreaterThan(0);
    await expect
      .poll(() => text(page.locator('#feed-status')), { message: 'feed status' })
      .toContain('10 items');
  });
  await test.step("playground: invalid input shows the feed layer's message", async () => {
    await page.getByLabel('Paste a feed').check();
    await page
      .getByLabel('Feed document')
      .fill('{"version": "https://jsonfeed.org/version/1.1", "items": ');
    await expect
      .poll(() => text(page.locator('#feed-status')), { message: 'error message' })
      .toMatch(/^not JSON: /);
    await page
      .getByLabel('Feed document')
      .fill('{"version": "https://jsonfeed.org/version/1.1", "items": {}}');
    await expect
      .poll(() => text(page.locator('#feed-status')), { message: 'not-a-feed message' })
      .toContain('not a JSON Feed: "items" must be an array');
  });
  const enFeed = readFileSync(join(ROOT, 'tests/fixtures/en-city-news.json'), 'utf8');
  let snippet = '';
  let previewMeta = '';
  let previewTitle = '';
  await test.step('playground: pasting the English feed renders it', async () => {
    await page.getByLabel('Feed document').fill(enFeed);
    await page.getByLabel('Widget', { exact: true }).selectOption('civic-article-card');
    await page.getByLabel('item-id', { exact: true }).selectOption('budget-2021');
    await page.getByLabel('variant', { exact: true }).selectOption('full');
    const card = page.locator('#stage civic-article-card');
    await expect
      .poll(() => text(card.locator('[part~="meta"]')), { message: 'pasted preview' })
      .toContain('Views: 12,873');
    previewMeta = await text(card.locator('[part~="meta"]'));
    previewTitle = await text(card.locator('[part~="title"]'));
    expect(previewTitle, 'title').toContain('Council adopts the 2021 city budget');
  });
  await test.step('playground: "Copy" puts the embed snippet on the clipboard', async () => {
    await page.getByRole('button', { name: 'Copy the code' }).click();
    await expect
      .poll(() => text(page.locator('#copy-status')), { message: 'Copied status' })
      .toMatch(/^Copied/);
    snippet = await page.evaluate(() => navigator.clipboard.readText());
    expect(snippet, 'clipboard differs from the shown snippet').toBe(
      await page.locator('#snippet').textContent(),
    );
    expect(snippet, 'no inline feed in the snippet').toContain(
      '<script type="application/feed+json">',
    );
    expect(snippet, 'attributes missing').toContain('item-id="budget-2021"');
    expect(snippet, 'attributes missing').toContain('variant="full"');
    // The preview speaks English (the feed's language); so must the pasted widget.
    expect(snippet, 'the preview language is missing').toMatch(/ locale="en(-US)?"/);
    // A full card: the README's preload line for its body chunk, beside the script's URL.
    expect(snippet, 'the body chunk preload').toContain(
      `<link rel="modulepreload" href="/assets/civic-widgets-full-article-${VERSION}.js" />`,
    );
    expect(snippet, 'a pasted feed has no URL to preload').not.toContain('rel="preload"');
  });
  await test.step('playground: no console error, failed request or HTTP error', () => {
    w.stop();
    expect(w.problems).toEqual([]);
  });
  await page.close();

  // ------------------------------------------------------------ the snippet, with the built bundle
  try {
    await test.step('snippet: in a blank page with the built bundle it renders the same widget', async () => {
      expect(snippet, 'no snippet was copied').not.toBe('');
      const dir = await bundleDir(cleanups);
      const blank = await context.newPage();
      const bw = watch(blank);
      const types: Record<string, string> = {
        '.js': 'text/javascript',
        '.map': 'application/json',
      };
      const assets: string[] = [];
      await blank.route(`${demoOrigin}/assets/**`, (route) => {
        const file = join(dir, new URL(route.request().url()).pathname.slice('/assets/'.length));
        assets.push(basename(file));
        if (!existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
        return route.fulfill({
          status: 200,
          contentType: types[extname(file)] ?? 'application/octet-stream',
          body: readFileSync(file),
        });
      });
      await blank.route(`${demoOrigin}/snippet-test.html`, (route) =>
        route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          // No `lang`: a CMS template often has none; the snippet carries the language.
          body: `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>snippet</title></head><body>\n${snippet}\n</body></html>`,
        }),
      );
      await blank.goto('/snippet-test.html');
      const card = blank.locator('civic-article-card');
      await expect
        .poll(() => text(card.locator('[part~="meta"]')), {
          message: 'meta line as in the preview',
        })
        .toBe(previewMeta);
      expect(await text(card.locator('[part~="title"]')), 'title differs from the preview').toBe(
        previewTitle,
      );
      // The preloaded body chunk is the one the card uses: fetched once.
      expect(
        assets.filter((f) => f === `civic-widgets-full-article-${VERSION}.js`),
        'requests for the body chunk',
      ).toHaveLength(1);
      bw.stop();
      expect(bw.problems).toEqual([]);
      await blank.close();
    });
  } finally {
    for (const clean of cleanups) clean();
  }
  await noOffsiteRequest(offsite);
});

// ---------------------------------------------------------------- the demo's API
// Every URL the README lists for the demo server answers as it says (the gallery meets
// only some of them in its checks above).
test('demo API: the README’s URLs answer from the shared fault server', async ({ request }) => {
  const feed = async (path: string) => {
    const r = await request.get(path);
    expect(r.status(), path).toBe(200);
    return (await r.json()) as { title?: string; items: unknown; next_url?: string };
  };
  expect((await feed('/demo-api/slow?ms=10')).items, 'slow').toHaveLength(10);
  expect((await feed('/demo-api/empty')).items, 'empty').toEqual([]);
  expect((await request.get('/demo-api/404')).status(), '404').toBe(404);
  expect((await request.get('/demo-api/500')).status(), '500').toBe(500);
  const cut = await request.get('/demo-api/not-json');
  expect(cut.status(), 'not-json').toBe(200);
  const cutText = await cut.text();
  expect(() => JSON.parse(cutText) as unknown, 'not-json').toThrow();
  expect(Array.isArray((await feed('/demo-api/not-feed')).items), 'not-feed').toBe(false);
  const html = await request.get('/demo-api/html');
  expect(html.headers()['content-type'], 'html').toContain('text/html');
  const key = `e2e-${Date.now()}`;
  expect((await feed(`/demo-api/flaky?key=${key}`)).title, 'flaky, first').toBe(
    'Tin mới - Công an tỉnh',
  );
  expect((await request.get(`/demo-api/flaky?key=${key}`)).status(), 'flaky, then').toBe(500);
  expect((await feed('/demo-api/fresh')).title, 'fresh').toBe('Tin mới - Công an tỉnh');
  const page1 = await feed('/demo-api/paged?page=1');
  expect(page1.items, 'paged').toHaveLength(4);
  expect(page1.next_url, 'paged').toBe('/demo-api/paged?page=2');
  expect((await feed('/demo-api/paged?page=3')).next_url, 'last page').toBeUndefined();
  // Seeded from the sample feed (2,007 views); the gallery's counters may have added some.
  const views = (await (await request.get('/demo-api/views?id=2019-antq-ket-qua')).json()) as {
    id: string;
    views: number;
  };
  expect(views.id, 'views').toBe('2019-antq-ket-qua');
  expect(views.views, 'views').toBeGreaterThanOrEqual(2007);
  for (const n of [1, 2]) {
    const counted = await request.post('/demo-api/views', { data: { id: key } });
    expect(await counted.json(), 'views, POST').toEqual({ id: key, views: n });
  }
  // The counter service's rule (API.md): an unknown id counts 0.
  const unknown = await request.get('/demo-api/views?id=unknown');
  expect(unknown.status(), 'views, unknown').toBe(200);
  expect(await unknown.json(), 'views, unknown').toEqual({ id: 'unknown', views: 0 });
  expect((await request.get('/feeds/vi-cong-an-tinh.json')).status(), 'feeds/').toBe(200);
  expect((await request.get('/feeds/nope.json')).status(), 'feeds/, missing').toBe(404);
});

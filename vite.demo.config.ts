/**
 * The demo (`npm start`): the portal page, the gallery and the playground, served from
 * `demo/` with the library's source compiled on the fly.
 *
 * The gallery forces every widget state through real HTTP: the `demoFaults` plugin below
 * answers `/demo-api/*` URLs with the faults a site's feed server can have (slow, empty,
 * 404, 500, not JSON, an HTML page, a server that fails after its first answer). The
 * library itself carries no mocks: these answers reach it exactly as a real server's would.
 */
import { defineConfig, type Connect, type Plugin } from 'vite';
import { cpSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ServerResponse } from 'node:http';
// The live counter is the counter service's own handler on its in-memory store (#14).
import { createCounterHandler } from './server/handler.mjs';
import { MemoryStore } from './server/memory-store.mjs';

const here = import.meta.dirname;
const demoDir = resolve(here, 'demo');

/** The shared sample feed, the base of the generated demo feeds. */
function sampleFeed(): { items: Record<string, unknown>[] } & Record<string, unknown> {
  return JSON.parse(readFileSync(resolve(demoDir, 'feeds/vi-cong-an-tinh.json'), 'utf8')) as {
    items: Record<string, unknown>[];
  };
}

const ONE_HOUR = 3_600_000;

/**
 * The sample items re-dated relative to now: the first three younger than the default
 * `new-days` (3), so the "Mới" badge shows on any day the demo is opened.
 */
function freshFeed(now = Date.now()): unknown {
  const feed = sampleFeed();
  const ages = [2, 20, 50, 100, 150, 200, 260, 330, 400, 480]; // hours
  feed.items = feed.items.map((item, i) => {
    const copy: Record<string, unknown> = { ...item };
    delete copy['date_modified'];
    copy['date_published'] = new Date(now - (ages[i] ?? 500) * ONE_HOUR).toISOString();
    return copy;
  });
  feed['title'] = 'Tin mới - Công an tỉnh';
  return feed;
}

const PAGE_SIZE = 4;
const PAGES = 3;

/** One page of the sample items, with `next_url` to the following page. */
function pagedFeed(page: number): unknown {
  const feed = sampleFeed();
  const all = [
    ...feed.items,
    ...feed.items.map((item) => ({
      ...item,
      id: `${String(item['id'])}-luu-tru`,
      url: `${String(item['url'])}?luu-tru=1`,
    })),
  ];
  feed.items = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  if (page < PAGES) feed['next_url'] = `/demo-api/paged?page=${page + 1}`;
  else delete feed['next_url'];
  return feed;
}

/**
 * Live view counts for `<civic-view-counter endpoint>` at `/demo-api/views`: the same
 * handler as `civic-counter`, on its in-memory store seeded from the sample feed.
 */
const viewCounter = createCounterHandler({
  store: new MemoryStore(
    sampleFeed().items.map((item) => [
      String(item['id']),
      Number((item['_civic'] as { views?: number } | undefined)?.views ?? 0),
    ]),
  ),
  path: '/demo-api/views',
});

/** How many times each `/demo-api/flaky?key=…` has been asked. */
const flakyCalls = new Map<string, number>();

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', 'no-store');
  res.end(body);
}

function json(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/feed+json; charset=utf-8', JSON.stringify(value));
}

/** Answers the demo's fault URLs; everything else goes on to Vite. */
const faults: Connect.NextHandleFunction = (req, res, next) => {
  const url = new URL(req.url ?? '/', 'http://demo.local');
  if (!url.pathname.startsWith('/demo-api/')) return next();
  if (url.pathname === '/demo-api/views') return viewCounter(req, res);
  const name = url.pathname.slice('/demo-api/'.length);
  switch (name) {
    case 'slow': {
      // Answers after `ms` (default 60 s, longer than the loader's time limit), so the
      // widget sits in its loading state; a closed tab ends the wait.
      const ms = Math.min(Number(url.searchParams.get('ms') ?? 60_000) || 60_000, 120_000);
      const timer = setTimeout(() => json(res, 200, sampleFeed()), ms);
      req.on('close', () => clearTimeout(timer));
      return;
    }
    case 'empty': {
      const feed = sampleFeed();
      feed.items = [];
      return json(res, 200, feed);
    }
    case 'fresh':
      return json(res, 200, freshFeed());
    case 'paged': {
      const page = Math.min(Math.max(Number(url.searchParams.get('page')) || 1, 1), PAGES);
      return json(res, 200, pagedFeed(page));
    }
    case '404':
      return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    case '500':
      return send(res, 500, 'text/plain; charset=utf-8', 'Internal Server Error');
    case 'not-json': {
      // A feed cut off mid-transfer: the most common way a real feed is "not JSON".
      const text = JSON.stringify(sampleFeed(), null, 2);
      return send(
        res,
        200,
        'application/feed+json; charset=utf-8',
        text.slice(0, Math.floor(text.length / 3)),
      );
    }
    case 'not-feed':
      return json(res, 200, {
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Tin tức',
        items: 'none',
      });
    case 'html':
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        '<!doctype html><html lang="vi"><title>Trang chủ</title><p>Trang chủ</p></html>',
      );
    case 'flaky': {
      // 200 the first time a key is asked, 500 after: the widget then shows the copy it
      // remembered from the good answer.
      const key = url.searchParams.get('key') ?? '';
      const calls = (flakyCalls.get(key) ?? 0) + 1;
      flakyCalls.set(key, calls);
      if (calls === 1) return json(res, 200, freshFeed());
      return send(res, 500, 'text/plain; charset=utf-8', 'Internal Server Error');
    }
    default:
      return send(res, 404, 'text/plain; charset=utf-8', `no demo fault called "${name}"`);
  }
};

/** The fault URLs on the dev server and on `vite preview`, plus the feed files in a build. */
function demoFaults(): Plugin {
  return {
    name: 'civic-demo-faults',
    configureServer(server) {
      server.middlewares.use(faults);
    },
    configurePreviewServer(server) {
      server.middlewares.use(faults);
    },
    // Feeds and images are named in attributes, not imported, so the bundler does not see them.
    closeBundle() {
      const out = resolve(here, 'dist-demo');
      cpSync(resolve(demoDir, 'feeds'), resolve(out, 'feeds'), { recursive: true });
      cpSync(resolve(demoDir, 'images'), resolve(out, 'images'), { recursive: true });
    },
  };
}

export default defineConfig({
  root: 'demo',
  publicDir: false,
  plugins: [demoFaults()],
  server: { port: 5173, host: '127.0.0.1', open: false, fs: { allow: ['..'] } },
  build: {
    outDir: resolve(here, 'dist-demo'),
    emptyOutDir: true,
    rolldownOptions: {
      input: Object.fromEntries(
        ['index', 'en', 'gallery', 'playground'].map((page) => [
          page,
          resolve(demoDir, `${page}.html`),
        ]),
      ),
    },
  },
});

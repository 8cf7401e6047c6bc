// Test-server middleware (Koa style) for the bulletin-list tests: a feed URL that holds
// its answer until the test lets it go, so the loading state can be looked at without
// racing a real request. Real HTTP, no mocked fetch.
//
//   GET  /bulletin-list/hold/<key>      held until released (20 s at most), then answers
//                                       tests/fixtures/bulletin-list/page1.json, or with
//                                       ?file=page2.json that file of the same folder
//                                       (?file=sample: the portal's sample feed)
//   POST /bulletin-list/release/<key>   lets every request held under <key> go
//
// Each test takes its own key, so files running side by side never release each other.
import { readFile } from 'node:fs/promises';

const HOLD_LIMIT_MS = 20_000;
const FIXTURES = new URL('../fixtures/bulletin-list/', import.meta.url);
/** key → callbacks waiting for /release, or true once released (a late hold answers at once). */
const gates = new Map();

function waitFor(key) {
  if (gates.get(key) === true) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, HOLD_LIMIT_MS);
    const waiting = gates.get(key) ?? [];
    waiting.push(() => {
      clearTimeout(timer);
      resolve();
    });
    gates.set(key, waiting);
  });
}

export async function bulletinListMiddleware(ctx, next) {
  if (!ctx.path.startsWith('/bulletin-list/')) return next();
  const [action, key] = ctx.path.slice('/bulletin-list/'.length).split('/');
  if (!key) return next();
  if (action === 'release' && ctx.method === 'POST') {
    const waiting = gates.get(key);
    gates.set(key, true);
    if (Array.isArray(waiting)) for (const go of waiting) go();
    ctx.status = 204;
    return;
  }
  if (action === 'hold' && ctx.method === 'GET') {
    await waitFor(key);
    ctx.type = 'application/feed+json';
    ctx.set('Cache-Control', 'no-store');
    // Only plain names of this folder: the query cannot reach any other file.
    const file = /^[\w-]+\.json$/.test(ctx.query.file ?? '') ? ctx.query.file : 'page1.json';
    const url =
      ctx.query.file === 'sample'
        ? new URL('../vi-cong-an-tinh.json', FIXTURES)
        : new URL(file, FIXTURES);
    ctx.body = await readFile(url, 'utf8');
    return;
  }
  return next();
}

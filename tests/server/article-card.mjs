// Test-server middleware (Koa style) for the article card's real-HTTP state tests:
// feeds that fail once and then work (retry), or work once and then fail (saved copy).
// Each test passes its own ?key= so runs and tests never share a counter.
import { readFile } from 'node:fs/promises';

const FEED = new URL('../fixtures/vi-cong-an-tinh.json', import.meta.url);
const seen = new Map();

export async function articleCardMiddleware(ctx, next) {
  if (!ctx.path.startsWith('/article-card/')) return next();
  const name = ctx.path.slice('/article-card/'.length);
  const key = `${name}|${ctx.query.key ?? ''}`;
  const count = (seen.get(key) ?? 0) + 1;
  seen.set(key, count);
  const fail =
    name === 'fails-once.json' ? count === 1 : name === 'works-once.json' ? count > 1 : undefined;
  if (fail === undefined) return next();
  ctx.set('Cache-Control', 'no-store');
  if (fail && name === 'works-once.json') {
    // A saved copy stands in for a broken server, never for a 404 (API.md): works-once
    // goes down as a proxy error page, an unreadable body (not retried, so no wait).
    ctx.type = 'text/html';
    ctx.body = '<!doctype html><html><body><h1>Bad gateway</h1></body></html>';
    return;
  }
  if (fail) {
    ctx.status = 404;
    ctx.body = 'Not found';
    return;
  }
  ctx.type = 'application/feed+json';
  ctx.body = await readFile(FEED);
}

// Test-server middleware (Koa style) that answers fault-injecting feed URLs under
// /faults/. Real HTTP, no mocked fetch: the feed layer meets the same status codes,
// broken bodies and slow servers it meets in production.
//
// Stateful endpoints take `key=`: each test uses its own key, so tests never share
// counters, and `/faults/count?key=K` tells a test what the server saw for K.
import { readFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';

const FIXTURES = new URL('../fixtures/', import.meta.url);
const SEED = 'vi-cong-an-tinh.json';

/** Per key: requests answered with a body, 304s, requests the client dropped. */
const counts = new Map();
function countFor(key) {
  let c = counts.get(key);
  if (!c)
    counts.set(
      key,
      (c = { hits: 0, notModified: 0, aborted: 0, ifNoneMatch: null, ifModifiedSince: null }),
    );
  return c;
}

function fixtureName(name) {
  // Only plain names inside tests/fixtures/: no path tricks from a query string.
  return /^[\w.-]+$/.test(name ?? '') ? name : SEED;
}

async function fixture(name) {
  return readFile(new URL(fixtureName(name), FIXTURES));
}

function typeOf(name) {
  if (name.endsWith('.json')) return 'application/feed+json; charset=utf-8';
  if (name.endsWith('.xml')) return 'application/xml; charset=utf-8';
  return 'text/plain; charset=utf-8';
}

async function serveFixture(ctx, name = SEED, type) {
  const file = fixtureName(name);
  ctx.status = 200;
  ctx.set('Content-Type', type ?? typeOf(file));
  ctx.body = await fixture(file);
}

const HTML_PAGE = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Không tìm thấy trang</title></head>
<body><h1>Trang bạn tìm không tồn tại</h1><p><a href="/">Về trang chủ</a></p></body></html>`;

export async function faultMiddleware(ctx, next) {
  if (!ctx.path.startsWith('/faults/')) return next();
  const name = ctx.path.slice('/faults/'.length);
  const q = ctx.query;
  const key = String(q.key ?? 'default');
  // Every fault answer is fresh: the browser cache must not hide a request from the counters.
  ctx.set('Cache-Control', 'no-store');

  switch (name) {
    case '404':
      ctx.status = 404;
      ctx.body = 'Not found';
      return;

    case 'count':
      ctx.set('Content-Type', 'application/json');
      ctx.body = JSON.stringify(countFor(key));
      return;

    case 'counted':
      countFor(key).hits++;
      // A little latency, so that widgets created together really overlap in flight.
      await new Promise((r) => setTimeout(r, Number(q.delay ?? 100)));
      return serveFixture(ctx, q.file);

    case 'flaky': {
      // The first `fails` requests for this key fail with `code`, the rest succeed.
      const c = countFor(key);
      c.hits++;
      if (c.hits <= Number(q.fails ?? 1)) {
        ctx.status = Number(q.code ?? 503);
        ctx.body = 'Service unavailable';
        return;
      }
      return serveFixture(ctx, q.file);
    }

    case 'once': {
      // Good once, then down for good: the "feed went down" scenario.
      const c = countFor(key);
      c.hits++;
      if (c.hits === 1) return serveFixture(ctx, q.file);
      ctx.status = Number(q.code ?? 500);
      ctx.body = 'Internal Server Error';
      return;
    }

    case 'html':
      countFor(key).hits++;
      ctx.status = 200;
      ctx.set('Content-Type', 'text/html; charset=utf-8');
      ctx.body = HTML_PAGE;
      return;

    case 'truncated': {
      const body = await fixture(q.file ?? SEED);
      let cut = Math.min(Number(q.bytes ?? 812), body.length);
      // Cut on a character boundary, so the byte count the test expects is the one sent.
      while (cut > 0 && (body[cut] & 0xc0) === 0x80) cut--;
      ctx.status = 200;
      ctx.set('Content-Type', 'application/json');
      ctx.body = body.subarray(0, cut);
      return;
    }

    case 'slow': {
      // Headers and half the body at once, the rest after `ms`: a body that stalls.
      const c = countFor(key);
      c.hits++;
      const body = await fixture(q.file ?? SEED);
      const stream = new PassThrough();
      const half = Math.floor(body.length / 2);
      ctx.status = 200;
      ctx.set('Content-Type', 'application/feed+json');
      ctx.set('Content-Length', String(body.length));
      ctx.body = stream;
      stream.write(body.subarray(0, half));
      const timer = setTimeout(() => stream.end(body.subarray(half)), Number(q.ms ?? 2000));
      ctx.req.socket.once('close', () => {
        if (!stream.writableEnded) {
          c.aborted++;
          clearTimeout(timer);
          stream.destroy();
        }
      });
      return;
    }

    case 'hang': {
      // No answer at all until `ms` passes: counts requests the client gives up on.
      const c = countFor(key);
      c.hits++;
      const aborted = await new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), Number(q.ms ?? 3000));
        ctx.req.once('close', () => {
          clearTimeout(timer);
          resolve(true);
        });
        ctx.res.once('close', () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      if (aborted) {
        c.aborted++;
        return;
      }
      return serveFixture(ctx, q.file);
    }

    case 'reset':
      // A dropped connection: the browser sees a network error, not an HTTP status.
      countFor(key).hits++;
      ctx.req.socket.destroy();
      ctx.respond = false;
      return;

    case 'etag': {
      const c = countFor(key);
      const tag = `"v1-${key}"`;
      c.ifNoneMatch = ctx.get('If-None-Match') || null;
      ctx.set('Cache-Control', 'no-cache');
      ctx.set('ETag', tag);
      if (c.ifNoneMatch === tag) {
        c.notModified++;
        ctx.status = 304;
        return;
      }
      c.hits++;
      return serveFixture(ctx, q.file);
    }

    case 'last-modified': {
      const c = countFor(key);
      const stamp = 'Thu, 16 Jul 2020 04:05:00 GMT';
      c.ifModifiedSince = ctx.get('If-Modified-Since') || null;
      ctx.set('Cache-Control', 'no-cache');
      ctx.set('Last-Modified', stamp);
      if (c.ifModifiedSince && Date.parse(c.ifModifiedSince) >= Date.parse(stamp)) {
        c.notModified++;
        ctx.status = 304;
        return;
      }
      c.hits++;
      return serveFixture(ctx, q.file);
    }

    case 'as':
      // A fixture under a wrong (or no) Content-Type: the format must come from the body.
      return serveFixture(ctx, q.file, String(q.type ?? 'text/plain'));

    case 'cors':
      // Reached from another origin by the tests; readable only when `allow=1`.
      countFor(key).hits++;
      if (q.allow === '1') ctx.set('Access-Control-Allow-Origin', '*');
      return serveFixture(ctx, q.file);

    default:
      if (/^status\/\d{3}$/.test(name)) {
        countFor(key).hits++;
        ctx.status = Number(name.slice('status/'.length));
        ctx.body = `Status ${ctx.status}`;
        return;
      }
      return next();
  }
}

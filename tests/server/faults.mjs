// Test-server middleware (Koa style) that answers fault-injecting feed URLs under
// /faults/. Real HTTP, no mocked fetch: the feed layer meets the same status codes,
// broken bodies and slow servers it meets in production.
//
// Stateful endpoints take `key=`: each test uses its own key, so tests never share
// counters, and `/faults/count?key=K` tells a test what the server saw for K.
import { readFile, readdir } from 'node:fs/promises';
import { sep } from 'node:path';
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

  if (name.startsWith('hostile/')) return hostile(ctx, name.slice('hostile/'.length), q, next);

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

// ---------------------------------------------------------------------------------------
// Hostile feeds (issue #10): documents built to freeze, crash or mislead the feed layer.
// Generated on request, so the test files stay small and the sizes are exact.
// ---------------------------------------------------------------------------------------

/** One internal DTD entity of `size` characters referenced `refs` times (~115 KB of feed). */
function entityBomb(size, refs) {
  return `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE rss [<!ENTITY big "${'A'.repeat(size)}">]>
<rss version="2.0"><channel><title>Bomb</title><link>https://bomb.example/</link>
<item><guid>bomb-1</guid><title>Tin an toàn</title><description>Trước quả bom.</description></item>
<item><guid>bomb-2</guid><title>Quả bom</title><description>${'&big;'.repeat(refs)}</description></item>
</channel></rss>`;
}

/**
 * Article bodies with everything a strict CSP reports (inline styles and handlers,
 * scripts, javascript: links), shared with the tests that render them.
 */
const HOSTILE_BODIES = JSON.parse(await readFile(new URL('hostile/bodies.json', FIXTURES), 'utf8'));

const xmlEscape = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function hostileBodiesRss() {
  const items = HOSTILE_BODIES.map(
    (body, i) => `<item><guid>h${i}</guid><title>Tin ${i}</title>
<link>https://tin.example/${i}</link><pubDate>Thu, 19 Mar 2020 16:${String(10 + i)}:00 +0700</pubDate>
<description>${xmlEscape(body)}</description></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title>
<link>https://tin.example/</link>${items.join('\n')}</channel></rss>`;
}

/** `n` items, as RSS or JSON Feed: the item-count limit's test. */
function manyItems(n, format) {
  const date = (i) => new Date(Date.UTC(2020, 0, 1) + i * 60_000);
  if (format === 'rss') {
    const items = [];
    for (let i = 0; i < n; i++)
      items.push(
        `<item><guid>i${i}</guid><title>Tin ${i}</title><pubDate>${date(i).toUTCString()}</pubDate></item>`,
      );
    return `<rss version="2.0"><channel><title>Many</title>${items.join('')}</channel></rss>`;
  }
  const items = [];
  for (let i = 0; i < n; i++)
    items.push({ id: `i${i}`, title: `Tin ${i}`, date_published: date(i).toISOString() });
  return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Many', items });
}

/**
 * Every regular expression in src/: literals (found with TypeScript's own parser, so
 * none hides in a string or comment) and `new RegExp` calls (whose text is built at run
 * time: listed by place so the test can name each one it covers by hand).
 */
async function regexesInSource() {
  const { default: ts } = await import('typescript');
  const root = new URL('../../src/', import.meta.url);
  const out = { literals: [], constructed: [] };
  for (const entry of await readdir(root, { recursive: true })) {
    if (!entry.endsWith('.ts')) continue;
    const file = `src/${entry.split(sep).join('/')}`;
    const text = await readFile(new URL(entry, root), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const where = (node) =>
      `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText();
        const slash = literal.lastIndexOf('/');
        out.literals.push({
          where: where(node),
          source: literal.slice(1, slash),
          flags: literal.slice(slash + 1),
        });
      } else if (
        ts.isNewExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'RegExp'
      ) {
        out.constructed.push(where(node));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

async function hostile(ctx, name, q, next) {
  const send = (type, body) => {
    ctx.status = 200;
    ctx.set('Content-Type', type);
    ctx.body = body;
  };
  switch (name) {
    case 'entity-bomb.rss':
      return send(
        'application/rss+xml; charset=utf-8',
        entityBomb(Number(q.size ?? 100_000), Number(q.refs ?? 5_000)),
      );
    case 'regexes':
      return send('application/json', JSON.stringify(await regexesInSource()));
    case 'bodies.rss':
      return send('application/rss+xml; charset=utf-8', hostileBodiesRss());
    case 'many.rss':
      return send('application/rss+xml; charset=utf-8', manyItems(Number(q.n ?? 10), 'rss'));
    case 'many.json':
      return send('application/feed+json; charset=utf-8', manyItems(Number(q.n ?? 10), 'json'));
    case 'comments.rss':
      // HTML_START's old exponential case: many empty comments before the root.
      return send(
        'application/rss+xml; charset=utf-8',
        `${'<!---->'.repeat(Number(q.n ?? 27))}<rss version="2.0"><channel><title>C</title>` +
          `<item><guid>c</guid><title>Sau chú thích</title></item></channel></rss>`,
      );
    default:
      return next();
  }
}

// Test-server middleware (Koa style) that answers fault-injecting feed URLs under
// /faults/. Real HTTP, no mocked fetch: the feed layer meets the same status codes,
// broken bodies and slow servers it meets in production.
//
// Stateful endpoints take `key=`: each test uses its own key, so tests never share
// counters, and `/faults/count?key=K` tells a test what the server saw for K.
//
// The one fault server of the project: the browser tests (web-test-runner.config.mjs)
// and the demo (vite.demo.config.ts, through tests/server/connect.mjs) both use it. The
// demo's `/demo-api/*` URLs and its `/feeds/*` files are answered at the end of this file,
// mostly by the /faults/ routes below.
import { readFile, readdir } from 'node:fs/promises';
import { sep } from 'node:path';
import { PassThrough } from 'node:stream';
import { createCounterHandler } from '../../server/handler.mjs';
import { MemoryStore } from '../../server/memory-store.mjs';

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
  const file = fixtureName(name);
  // Feeds made on each request (the demo's "fresh" feed): see the end of this file.
  if (Object.hasOwn(GENERATED, file)) return Buffer.from(JSON.stringify(await GENERATED[file]()));
  return readFile(new URL(file, FIXTURES));
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
  if (name.startsWith('encoded/')) return encoded(ctx, name.slice('encoded/'.length), q);

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

    case 'script': {
      // Answers by a script of statuses, one per request for this key (the last repeats):
      // `codes=200,500,500,200` is a feed that goes down for a moment and comes back.
      // `files=a.json,b.json` and `delays=0,400` (ms before answering) script the same way:
      // a feed that changes, or a refresh that is still under way when the test acts.
      const c = countFor(key);
      c.hits++;
      const nth = (list) => {
        const all = String(list).split(',');
        return all[Math.min(c.hits, all.length) - 1];
      };
      const code = Number(nth(q.codes ?? '200'));
      const delay = Number(nth(q.delays ?? '0'));
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      if (code === 200) return serveFixture(ctx, nth(q.files ?? q.file ?? SEED));
      ctx.status = code;
      ctx.body = 'Scripted failure';
      return;
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

// ---------------------------------------------------------------- the demo's API
// The gallery (demo/gallery.html) and the playground name `/demo-api/<name>` URLs (the
// README lists them). Each is one of the /faults/ routes above with fixed parameters,
// or, for the few that are sample data rather than faults, a route of its own below.

/** Feeds made on each request, served like a file of tests/fixtures (`?file=fresh.json`). */
const GENERATED = {
  'fresh.json': () => freshFeed(),
};

const FEED_TYPE = 'application/feed+json; charset=utf-8';

/** `/demo-api/<name>` → the /faults/ route and parameters that answer it. */
const DEMO_ALIASES = {
  // Answers after 60 s (longer than the loader's time limit): the loading state.
  slow: { route: 'hang', query: { ms: '60000' } },
  empty: { route: 'as', query: { file: 'empty.json', type: FEED_TYPE } },
  404: { route: '404' },
  500: { route: 'status/500' },
  // A feed cut off mid-transfer: the most common way a real feed is "not JSON".
  'not-json': { route: 'truncated' },
  'not-feed': { route: 'as', query: { file: 'items-not-array.json', type: FEED_TYPE } },
  html: { route: 'html' },
  // Good for the first request of a `key`, 500 after: the remembered copy.
  flaky: { route: 'once', query: { file: 'fresh.json', code: '500' } },
  fresh: { route: 'as', query: { file: 'fresh.json', type: FEED_TYPE } },
};

const ONE_HOUR = 3_600_000;

async function sampleFeed() {
  return JSON.parse(await readFile(new URL(SEED, FIXTURES), 'utf8'));
}

/**
 * The sample items re-dated relative to now: the first three younger than the default
 * `new-days` (3), so the "Mới" badge shows on any day the demo is opened.
 */
async function freshFeed(now = Date.now()) {
  const feed = await sampleFeed();
  const ages = [2, 20, 50, 100, 150, 200, 260, 330, 400, 480]; // hours
  feed.items = feed.items.map((item, i) => {
    const copy = { ...item };
    delete copy.date_modified;
    copy.date_published = new Date(now - (ages[i] ?? 500) * ONE_HOUR).toISOString();
    return copy;
  });
  feed.title = 'Tin mới - Công an tỉnh';
  return feed;
}

const PAGE_SIZE = 4;
const PAGES = 3;

/** One page of the sample items (twice over), `next_url` naming `nextUrl(page + 1)`. */
async function pagedFeed(page, nextUrl) {
  const feed = await sampleFeed();
  const all = [
    ...feed.items,
    ...feed.items.map((item) => ({
      ...item,
      id: `${item.id}-luu-tru`,
      url: `${item.url}?luu-tru=1`,
    })),
  ];
  feed.items = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  if (page < PAGES) feed.next_url = nextUrl(page + 1);
  else delete feed.next_url;
  return feed;
}

/**
 * Live view counts for `<civic-view-counter endpoint="/demo-api/views">`: the counter
 * service's own handler (`civic-counter`, server/) on its in-memory store, seeded from the
 * sample feed, so the demo and the tests meet the one implementation.
 */
let viewCounter;
async function views() {
  viewCounter ??= createCounterHandler({
    store: new MemoryStore(
      (await sampleFeed()).items.map((item) => [String(item.id), Number(item._civic?.views ?? 0)]),
    ),
    path: '/demo-api/views',
  });
  return viewCounter;
}

function answer(ctx, status, type, body) {
  ctx.status = status;
  ctx.set('Content-Type', type);
  ctx.set('Cache-Control', 'no-store');
  ctx.body = body;
}

/**
 * `/demo-api/<name>` (the demo's faults and sample data) and `/feeds/<file>` (the sample
 * feeds of tests/fixtures, the one copy that the tests and the demo share).
 */
export async function demoApiMiddleware(ctx, next) {
  if (ctx.path.startsWith('/feeds/')) {
    const name = ctx.path.slice('/feeds/'.length);
    const body = /^[\w-]+(\.[\w-]+)*\.(json|xml)$/.test(name)
      ? await readFile(new URL(name, FIXTURES)).catch(() => null)
      : null;
    if (!body) return answer(ctx, 404, 'text/plain; charset=utf-8', `no sample feed ${name}`);
    ctx.status = 200;
    ctx.set('Content-Type', typeOf(name));
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = body;
    return;
  }
  if (!ctx.path.startsWith('/demo-api/')) return next();
  const name = ctx.path.slice('/demo-api/'.length);
  const alias = Object.hasOwn(DEMO_ALIASES, name) ? DEMO_ALIASES[name] : undefined;
  if (alias) {
    // The URL's own parameters (`key`, `ms`) win over the alias's.
    const query = { ...alias.query, ...ctx.query };
    ctx.path = `/faults/${alias.route}`;
    ctx.query = query;
    return faultMiddleware(ctx, next);
  }
  switch (name) {
    case 'paged': {
      const page = Math.min(Math.max(Number(ctx.query.page) || 1, 1), PAGES);
      const here = ctx.path;
      const feed = await pagedFeed(page, (n) => `${here}?page=${n}`);
      return answer(ctx, 200, FEED_TYPE, JSON.stringify(feed));
    }
    case 'views': {
      const handle = await views();
      ctx.respond = false;
      return handle(ctx.req, ctx.res);
    }
    default:
      return answer(ctx, 404, 'text/plain; charset=utf-8', `no demo fault called "${name}"`);
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

/**
 * `n` items, as RSS or JSON Feed, newest last: the item-count limit's test. In JSON, the
 * items whose indexes `bad` lists (comma-separated) have a `javascript:` URL, which costs
 * them their link and gives a warning at their path.
 */
function manyItems(n, format, bad = '') {
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
  const spoilt = new Set(bad.split(',').map(Number));
  for (let i = 0; i < n; i++)
    items.push({
      id: `i${i}`,
      title: `Tin ${i}`,
      date_published: date(i).toISOString(),
      ...(spoilt.has(i) ? { url: 'javascript:alert(1)' } : {}),
    });
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
      return send(
        'application/feed+json; charset=utf-8',
        manyItems(Number(q.n ?? 10), 'json', String(q.bad ?? '')),
      );
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

// ---------------------------------------------------------------------------------------
// Feeds in other encodings (issue #9): the UTF-8 files of tests/fixtures/encodings/,
// re-encoded on request into `to` and served under the Content-Type `type`, exactly as
// given (no charset is added). Kept as UTF-8 on disk so they stay readable and diffable.
//   to    utf-8 (default), utf-16le, utf-16be, utf-32le, utf-32be, or a legacy encoding
//         Node's TextDecoder knows (windows-1252, windows-1258, euc-kr, shift_jis…)
//   bom   1: start with the byte order mark of `to`
//   bad   1: put one byte that is invalid in UTF-8 (0xFF) after the first <description>
// ---------------------------------------------------------------------------------------

const ENCODINGS = new URL('encodings/', FIXTURES);

/** Per legacy encoding, each character it can write and its bytes (built from Node's decoder). */
const encoders = new Map();

function legacyTable(encoding) {
  let table = encoders.get(encoding);
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder(encoding, { fatal: true });
  const add = (bytes) => {
    let text;
    try {
      text = decoder.decode(Uint8Array.from(bytes));
    } catch {
      return;
    }
    // The first (shortest) byte sequence for a character wins.
    if ([...text].length === 1 && !table.has(text)) table.set(text, bytes);
  };
  for (let b = 0; b < 0x100; b++) add([b]);
  // Node 20's decoder reads windows-1252 as ISO-8859-1 (0x80-0x9F as C1 controls); the
  // Encoding Standard's index, which browsers follow, has these there.
  if (encoding === 'windows-1252')
    [...'€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ'].forEach((c, i) =>
      table.set(c, [0x80 + i]),
    );
  // Double-byte encodings: every lead and trail byte pair.
  for (let lead = 0x81; lead < 0xff; lead++)
    for (let trail = 0x40; trail < 0xff; trail++) add([lead, trail]);
  encoders.set(encoding, table);
  return table;
}

/**
 * Text in a legacy encoding. A character the table lacks is decomposed (NFD) and built
 * back from a base and combining marks the table has: windows-1258 writes Vietnamese
 * "ệ" as "ê" and a combining dot below, "ặ" as "ă" and one.
 */
function encodeLegacy(text, encoding) {
  const table = legacyTable(encoding);
  const out = [];
  for (const ch of text) {
    const direct = table.get(ch);
    if (direct) {
      out.push(...direct);
      continue;
    }
    const [first, ...marks] = [...ch.normalize('NFD')];
    let base = first;
    for (let i = 0; i < marks.length;) {
      const joined = (base + marks[i]).normalize('NFC');
      if ([...joined].length === 1 && table.has(joined)) {
        base = joined;
        marks.splice(i, 1);
      } else i++;
    }
    const parts = [base, ...marks].map((c) => table.get(c));
    if (parts.some((p) => !p)) throw new Error(`${encoding} cannot write "${ch}"`);
    for (const p of parts) out.push(...p);
  }
  return Buffer.from(out);
}

function encodeText(text, to) {
  switch (to) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-16le':
      return Buffer.from(text, 'utf16le');
    case 'utf-16be':
      return Buffer.from(text, 'utf16le').swap16();
    case 'utf-32le':
    case 'utf-32be': {
      const points = [...text].map((c) => c.codePointAt(0));
      const out = Buffer.alloc(points.length * 4);
      points.forEach((p, i) =>
        to === 'utf-32le' ? out.writeUInt32LE(p, i * 4) : out.writeUInt32BE(p, i * 4),
      );
      return out;
    }
    default:
      return encodeLegacy(text, to);
  }
}

async function encoded(ctx, file, q) {
  const text = /^[\w.-]+$/.test(file)
    ? await readFile(new URL(file, ENCODINGS), 'utf8').catch(() => null)
    : null;
  if (text === null) {
    ctx.status = 404;
    ctx.body = `no fixture ${file}`;
    return;
  }
  const to = String(q.to ?? 'utf-8').toLowerCase();
  const bom = q.bom === '1' ? encodeText('\ufeff', to) : Buffer.alloc(0);
  let body = Buffer.concat([bom, encodeText(text, to)]);
  if (q.bad === '1') {
    const at = body.indexOf('<description>') + '<description>'.length;
    body = Buffer.concat([body.subarray(0, at), Buffer.from([0xff]), body.subarray(at)]);
  }
  ctx.status = 200;
  ctx.set('Content-Type', String(q.type ?? 'application/xml'));
  ctx.body = body;
}

// Test-server middleware (Koa style) for the loading rules: stale-while-revalidate,
// remembered copies, and the size limits. Everything is under /loading/, apart from
// the fault routes in faults.mjs.
//
// Every route takes `key=`; `/loading/count?key=K` answers what the server saw for K:
// requests, and for streamed bodies how many bytes went out and whether the client
// closed the connection before the end.
import { readFile } from 'node:fs/promises';

const FIXTURES = new URL('../fixtures/', import.meta.url);
const SEED = 'vi-cong-an-tinh.json';

const counts = new Map();
function countFor(key) {
  let c = counts.get(key);
  if (!c) counts.set(key, (c = { hits: 0, sent: 0, closedEarly: false, finished: false }));
  return c;
}

function fixture(name) {
  return readFile(new URL(/^[\w.-]+$/.test(name ?? '') ? name : SEED, FIXTURES));
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Writes `total` bytes in `chunk`-sized pieces, one every `every` ms, and records in `c`
 * what went out and whether the client hung up first.
 */
function drip(ctx, c, { head = '', total, chunk, every, tail = '' }) {
  ctx.respond = false;
  const res = ctx.res;
  let closed = false;
  res.once('close', () => {
    closed = true;
    if (!c.finished) c.closedEarly = true;
  });
  const write = (data) => {
    c.sent += Buffer.byteLength(data);
    res.write(data);
  };
  (async () => {
    write(head);
    let left = total - Buffer.byteLength(head) - Buffer.byteLength(tail);
    while (left > 0 && !closed) {
      const n = Math.min(chunk, left);
      write('x'.repeat(n));
      left -= n;
      await sleep(every);
    }
    if (closed) return;
    write(tail);
    c.finished = true;
    res.end();
  })();
}

export async function loadingMiddleware(ctx, next) {
  if (!ctx.path.startsWith('/loading/')) return next();
  const name = ctx.path.slice('/loading/'.length);
  const q = ctx.query;
  const key = String(q.key ?? 'default');
  ctx.set('Cache-Control', 'no-store');

  switch (name) {
    case 'count':
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(countFor(key));
      return;

    case 'sequence': {
      // The n-th request answers the n-th of `codes` (the last one repeats): a number is
      // that HTTP status (200 serves `file`), `bad` is a 200 whose body is not a feed,
      // `reset` drops the connection.
      const c = countFor(key);
      c.hits++;
      const codes = String(q.codes ?? '200').split(',');
      const code = codes[Math.min(c.hits, codes.length) - 1];
      if (code === 'reset') {
        ctx.req.socket.destroy();
        ctx.respond = false;
        return;
      }
      if (code === 'bad') {
        ctx.status = 200;
        ctx.type = 'application/json';
        ctx.body = '{"version": "https://jsonfeed.org/version/1.1", "items": [';
        return;
      }
      ctx.status = Number(code);
      if (ctx.status === 200) {
        ctx.type = 'application/feed+json';
        ctx.body = await fixture(q.file);
      } else ctx.body = `Status ${ctx.status}`;
      return;
    }

    case 'late':
    case 'late.rss': {
      // Headers at once, the whole body `ms` later: a slow feed (the same every time).
      // `late.rss`: the same under a URL that says RSS (the readers are asked for early).
      const c = countFor(key);
      c.hits++;
      const body = await fixture(q.file);
      ctx.respond = false;
      ctx.res.writeHead(200, {
        'Content-Type': 'application/feed+json',
        'Cache-Control': 'no-store',
        'Content-Length': String(body.length),
      });
      ctx.res.flushHeaders();
      await sleep(Number(q.ms ?? 600));
      if (!ctx.res.destroyed) ctx.res.end(body);
      return;
    }

    case 'drip': {
      // A big JSON body (`total` bytes) sent slowly, chunked (or with its true
      // Content-Length when `declare=1`): a client with a size cap must hang up early.
      const c = countFor(key);
      c.hits++;
      const total = Number(q.total ?? 10_000_000);
      ctx.res.writeHead(200, {
        'Content-Type': 'application/feed+json',
        'Cache-Control': 'no-store',
        ...(q.declare === '1' ? { 'Content-Length': String(total) } : {}),
      });
      drip(ctx, c, {
        head: '{"version":"https://jsonfeed.org/version/1.1","title":"',
        tail: '","items":[]}',
        total,
        chunk: Number(q.chunk ?? 65_536),
        every: Number(q.every ?? 100),
      });
      return;
    }

    case 'views': {
      // A view-count answer of `total` bytes, sent slowly: {"id":…,"views":5,"pad":"xxx…"}.
      const c = countFor(key);
      c.hits++;
      const id = String(q.id ?? '');
      const total = Number(q.total ?? 100);
      ctx.res.writeHead(200, {
        'Content-Type': 'application/json',
        'Cache-Control': 'no-store',
        'Access-Control-Allow-Origin': '*',
      });
      const head = `{"id":${JSON.stringify(id)},"views":5,"pad":"`;
      drip(ctx, c, {
        head,
        tail: '"}',
        total: Math.max(total, head.length + 2),
        chunk: Number(q.chunk ?? 1024),
        every: Number(q.every ?? 50),
      });
      return;
    }

    default:
      return next();
  }
}

// Test-server middleware (Koa style): a real view-count endpoint for the counter tests.
// Real HTTP, no mocked fetch.
//
// Every test takes its own bucket (a random path segment), so test files running side
// by side never see each other's counts or requests:
//
//   GET  /counter-api/<bucket>/<mode>?id=X   the count of X:  {"id":"X","views":N}
//   POST /counter-api/<bucket>/<mode>        body {"id":"X"}: records a view, answers the new count
//   POST /counter-api/<bucket>/seed          body {"id":"X","views":N}: sets a count
//   POST /counter-api/<bucket>/release       answers every request held by mode "gate"
//   GET  /counter-api/<bucket>/log           every request the bucket saw, oldest first:
//                                            [{method, mode, id, query, body, cookie, referer, contentType}]
//
// Modes: ok (the real thing), 500, bad-json, html, negative, fraction, string-views,
// wrong-id, no-id, array, gate (held until /release, or 20 s at most).
// A count that was never seeded starts at 2006.

const START = 2006;
const GATE_LIMIT_MS = 20_000;
/** bucket → { counts: Map<id, number>, log: object[], held: Array<() => void> } */
const buckets = new Map();

function bucketFor(name) {
  let b = buckets.get(name);
  if (!b) {
    b = { counts: new Map(), log: [], held: [] };
    buckets.set(name, b);
  }
  return b;
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function json(ctx, status, value) {
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  ctx.type = 'application/json';
  ctx.body = typeof value === 'string' ? value : JSON.stringify(value);
}

export async function viewCounterMiddleware(ctx, next) {
  const m = /^\/counter-api\/([A-Za-z0-9_-]{1,64})\/([a-z0-9-]{1,32})$/.exec(ctx.path);
  if (!m) return next();
  const [, name, mode] = m;
  const bucket = bucketFor(name);

  if (mode === 'log' && ctx.method === 'GET') return json(ctx, 200, bucket.log);
  if (mode === 'release' && ctx.method === 'POST') {
    const held = bucket.held.splice(0);
    held.forEach((open) => open());
    return json(ctx, 200, { released: held.length });
  }

  const raw = ctx.method === 'POST' ? await readBody(ctx.req) : '';
  let body;
  try {
    body = raw ? JSON.parse(raw) : undefined;
  } catch {
    body = undefined;
  }

  if (mode === 'seed' && ctx.method === 'POST') {
    bucket.counts.set(String(body?.id), Number(body?.views));
    return json(ctx, 200, { ok: true });
  }

  const id = ctx.method === 'POST' ? body?.id : ctx.query.id;
  bucket.log.push({
    method: ctx.method,
    mode,
    id: id ?? null,
    query: ctx.querystring,
    body: raw || null,
    cookie: ctx.get('cookie') || null,
    referer: ctx.get('referer') || null,
    contentType: ctx.get('content-type') || null,
  });

  if (ctx.method !== 'GET' && ctx.method !== 'POST')
    return json(ctx, 405, { error: 'method not allowed' });
  if (typeof id !== 'string' || id === '') return json(ctx, 400, { error: 'id missing' });

  let views = bucket.counts.get(id) ?? START;
  if (ctx.method === 'POST' && mode !== '500') {
    views += 1;
    bucket.counts.set(id, views);
  }

  switch (mode) {
    case 'ok':
      return json(ctx, 200, { id, views });
    case 'gate':
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, GATE_LIMIT_MS);
        bucket.held.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      return json(ctx, 200, { id, views });
    case '500':
      return json(ctx, 500, { error: 'counter database unavailable' });
    case 'bad-json':
      return json(ctx, 200, `{"id":${JSON.stringify(id)},"views":`);
    case 'html':
      ctx.status = 200;
      ctx.type = 'text/html';
      ctx.body = '<!doctype html><title>Maintenance</title><p>Back soon';
      return;
    case 'negative':
      return json(ctx, 200, { id, views: -5 });
    case 'fraction':
      return json(ctx, 200, { id, views: 12.5 });
    case 'string-views':
      return json(ctx, 200, { id, views: String(views) });
    case 'wrong-id':
      return json(ctx, 200, { id: `${id}-other`, views });
    case 'no-id':
      return json(ctx, 200, { views });
    case 'array':
      return json(ctx, 200, [{ id, views }]);
    default:
      return json(ctx, 404, { error: `unknown mode ${mode}` });
  }
}

// Runs the test server's Koa-style middleware (`(ctx, next)`, what @web/test-runner
// takes) on a Connect or plain Node server (`(req, res, next)`, what Vite's dev and
// preview servers take). So the demo and the browser tests are answered by the same
// route code (tests/server/faults.mjs), not by two copies of it.
//
// The context is the part of Koa's that our middleware uses: `path` (settable),
// `query` (settable), `querystring`, `method`, `url`, `originalUrl`, `get(header)`,
// `set(header, value)`, `type`, `status`, `body` (string, Buffer, stream or JSON value),
// `respond = false`, `req` and `res`. Anything a middleware hands on with `next()` goes on
// to the host server.
import { Stream } from 'node:stream';

const SHORT_TYPES = {
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  text: 'text/plain; charset=utf-8',
};

/** A Koa-like context over one Node request and response. */
function contextFor(req, res) {
  const originalUrl = req.url ?? '/';
  let url = new URL(originalUrl, 'http://localhost');
  let status;
  let body;
  const ctx = {
    req,
    res,
    originalUrl,
    method: req.method ?? 'GET',
    respond: true,
    get url() {
      return url.pathname + url.search;
    },
    get path() {
      return url.pathname;
    },
    set path(path) {
      url = new URL(path + url.search, url);
    },
    get querystring() {
      return url.search.slice(1);
    },
    get query() {
      return Object.fromEntries(url.searchParams);
    },
    set query(values) {
      url = new URL(url.pathname, url);
      for (const [k, v] of Object.entries(values)) url.searchParams.set(k, String(v));
    },
    get(name) {
      const value = req.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(', ') : (value ?? '');
    },
    set(name, value) {
      res.setHeader(name, value);
    },
    set type(type) {
      res.setHeader('Content-Type', SHORT_TYPES[type] ?? type);
    },
    get status() {
      return status ?? (body === undefined ? 404 : 200);
    },
    set status(code) {
      status = code;
    },
    get body() {
      return body;
    },
    set body(value) {
      body = value;
    },
  };
  return ctx;
}

/** Sends what the middleware left on `ctx`, as Koa would. */
function respond(ctx) {
  const { res } = ctx;
  if (!ctx.respond || res.writableEnded || res.destroyed) return;
  res.statusCode = ctx.status;
  let { body } = ctx;
  if (ctx.status === 204 || ctx.status === 304 || body === undefined || body === null) {
    res.end();
    return;
  }
  if (!res.hasHeader('Content-Type')) {
    res.setHeader(
      'Content-Type',
      typeof body === 'string'
        ? /^\s*</.test(body)
          ? SHORT_TYPES.html
          : SHORT_TYPES.text
        : Buffer.isBuffer(body) || body instanceof Stream
          ? 'application/octet-stream'
          : SHORT_TYPES.json,
    );
  }
  if (body instanceof Stream) {
    body.pipe(res);
    return;
  }
  if (typeof body !== 'string' && !Buffer.isBuffer(body)) body = JSON.stringify(body);
  res.end(ctx.method === 'HEAD' ? undefined : body);
}

/**
 * One Connect handler that runs `middleware` in order, Koa-style; a request that every
 * one of them hands on goes to the host server's `next`.
 * @param {...(ctx: object, next: () => Promise<void>) => unknown} middleware
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: (err?: unknown) => void) => void}
 */
export function connectAdapter(...middleware) {
  return (req, res, next) => {
    const ctx = contextFor(req, res);
    let handedOn = false;
    const dispatch = async (i) => {
      if (i === middleware.length) {
        handedOn = true;
        return;
      }
      await middleware[i](ctx, () => dispatch(i + 1));
    };
    dispatch(0).then(
      () => (handedOn ? next() : respond(ctx)),
      (err) => next(err),
    );
  };
}

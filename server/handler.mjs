// @ts-check
/**
 * The counter's HTTP handler: the server side of `<civic-view-counter endpoint hit>`'s
 * protocol (src/counter/client.ts). `civic-counter` serves it with node:http and the demo
 * mounts the same function as Vite middleware, so there is one implementation.
 *
 *   GET  {path}?id=X          → 200 {"id":"X","views":N}   (unknown id: 0)
 *   POST {path} {"id":"X"}    → 200 {"id":"X","views":N}   after counting one view
 *   OPTIONS {path}            → 204, CORS preflight
 *   GET  /healthz             → 200 {"status":"ok","store":"redis"|"memory"}, or 503
 *
 * Bad input is 400 {"error":"…"} and counts nothing; over the rate limit 429; a
 * bot/spider/crawler's POST answers the count without adding to it; a store that does
 * not answer in time is 503, within 2 s.
 */
import { isIP } from 'node:net';
import { RATE_WINDOW_MS, StoreUnavailableError } from './store.mjs';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {import('./store.mjs').CounterStore} CounterStore */
/** @typedef {import('./log.mjs').Logger} Logger */

/** Bodies larger than this are refused while reading. */
export const MAX_BODY_BYTES = 1024;
/** Ids longer than this (in characters, i.e. code points) are refused. */
export const MAX_ID_LENGTH = 200;
/** A write that reaches the store later than this after the request is dropped. */
export const APPLY_MS = 800;
/** The store's answer is awaited this long; then 503. Under the contract's 2 s. */
export const ANSWER_MS = 1300;

/** Unicode's Cc range: C0 controls, DEL and the C1 controls (U+0085 among them). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
/** Self-declared robots. "Cubot" is a phone brand, not a robot. */
const BOT = /(?<!cu)bot|spider|crawl/i;

/**
 * @typedef {object} HandlerOptions
 * @property {CounterStore} store
 * @property {string[]} [allowOrigins] exact origins (scheme://host[:port]) allowed by CORS
 * @property {number} [rateLimit] counted hits per minute per client IP (0: no limit)
 * @property {number} [trustProxy] proxies in front of the service whose X-Forwarded-For
 *   entries are believed (0: use the socket's address)
 * @property {string} [path] where the counter answers (default `/views`)
 * @property {string} [healthPath] the health check (default `/healthz`)
 * @property {Logger} [log]
 */

/** Client input that gets a 400. */
class BadRequest extends Error {}

/**
 * Makes the handler. Called as `handler(req, res)` it answers everything (404 for other
 * paths); called as Connect middleware `handler(req, res, next)` it passes other paths on.
 * @param {HandlerOptions} options
 */
export function createCounterHandler(options) {
  const {
    store,
    allowOrigins = [],
    rateLimit = 60,
    trustProxy = 0,
    path = '/views',
    healthPath = '/healthz',
  } = options;
  const origins = new Set(allowOrigins);
  let closing = false;

  /**
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   * @param {() => void} [next]
   */
  function handler(req, res, next) {
    const target = req.url ?? '/';
    const queryAt = target.indexOf('?');
    const pathname = queryAt < 0 ? target : target.slice(0, queryAt);
    const onPath = pathname === path;
    const onHealth = pathname === healthPath;
    if (!onPath && !onHealth) {
      if (next) return next();
      return send(res, 404, { error: 'not found' });
    }
    if (closing) res.setHeader('Connection', 'close');
    cors(req, res);
    if (req.method === 'OPTIONS') {
      res.statusCode = 204;
      res.setHeader('Cache-Control', 'no-store');
      return res.end();
    }
    // HEAD is GET without the body (RFC 9110; Node leaves the body out).
    const get = req.method === 'GET' || req.method === 'HEAD';
    if (onHealth) {
      if (!get) return notAllowed(res, 'GET, HEAD, OPTIONS');
      return answer(res, () =>
        store.ping(deadline()).then(() => ({ status: 'ok', store: store.kind })),
      );
    }
    if (get) {
      let id;
      try {
        id = checkId(queryId(queryAt < 0 ? '' : target.slice(queryAt + 1)));
      } catch (error) {
        return bad(res, error);
      }
      return answer(res, async () => ({ id, views: await store.views(id, deadline()) }));
    }
    if (req.method === 'POST') return post(req, res);
    return notAllowed(res, 'GET, HEAD, POST, OPTIONS');
  }

  /** @param {IncomingMessage} req @param {ServerResponse} res */
  function post(req, res) {
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    if (type !== 'application/json') {
      return refuse(req, res, new BadRequest('Content-Type must be application/json'));
    }
    readBody(req, MAX_BODY_BYTES).then(
      (body) => {
        let id;
        try {
          id = checkId(parseId(body));
        } catch (error) {
          return bad(res, error);
        }
        const isBot = BOT.test(String(req.headers['user-agent'] ?? ''));
        answer(res, async () => {
          const due = deadline();
          if (isBot) return { id, views: await store.views(id, due) };
          const limit =
            rateLimit > 0
              ? { client: clientOf(req, trustProxy), max: rateLimit, windowMs: RATE_WINDOW_MS }
              : null;
          const result = await store.hit(id, limit, due);
          if ('views' in result) return { id, views: result.views };
          res.setHeader('Retry-After', String(Math.max(1, Math.ceil(result.retryAfterMs / 1000))));
          return { status: 429, body: { error: 'too many requests' } };
        });
      },
      (error) => refuse(req, res, error),
    );
  }

  /**
   * Runs a store call and answers with its result: 200, or what it names, or 503 when
   * the store fails or has not answered by ANSWER_MS (the store call itself is bound to
   * the same deadline; this timer is the backstop).
   * @param {ServerResponse} res
   * @param {() => Promise<object>} work
   */
  function answer(res, work) {
    let done = false;
    const timer = setTimeout(() => unavailable(), ANSWER_MS + 100);
    function unavailable() {
      if (done) return;
      done = true;
      if (closing) res.setHeader('Connection', 'close');
      res.setHeader('Retry-After', '5');
      send(res, 503, { error: 'counter store unavailable' });
    }
    work().then(
      (result) => {
        clearTimeout(timer);
        if (done) return;
        done = true;
        // Stopping since the request came in: this connection ends with the answer.
        if (closing) res.setHeader('Connection', 'close');
        if ('status' in result && 'body' in result) {
          send(res, /** @type {number} */ (result.status), /** @type {object} */ (result.body));
        } else send(res, 200, result);
      },
      (error) => {
        clearTimeout(timer);
        if (!(error instanceof StoreUnavailableError)) {
          options.log?.('error', 'store call failed', { error: String(error?.stack ?? error) });
        }
        unavailable();
      },
    );
  }

  /** @param {IncomingMessage} req @param {ServerResponse} res */
  function cors(req, res) {
    if (origins.size === 0) return;
    // Caches must not give one origin's answer to another.
    res.setHeader('Vary', 'Origin');
    const origin = req.headers.origin;
    if (!origin || !origins.has(origin)) return;
    res.setHeader('Access-Control-Allow-Origin', origin);
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Accept');
      res.setHeader('Access-Control-Max-Age', '600');
    }
  }

  return Object.assign(handler, {
    /** From now on every answer closes its connection (graceful shutdown). */
    close() {
      closing = true;
    },
  });
}

/** The deadline of a store call that starts now. */
function deadline() {
  const now = Date.now();
  return { apply: now + APPLY_MS, answer: now + ANSWER_MS };
}

/**
 * Checks an id from a query or a body.
 * @param {unknown} id
 * @returns {string}
 */
export function checkId(id) {
  if (typeof id !== 'string' || id === '') throw new BadRequest('id is required');
  // Lone surrogates would be stored as U+FFFD and answered with another id.
  if (!id.isWellFormed()) throw new BadRequest('id is not valid Unicode');
  // Characters, not UTF-16 units: an id of 200 emoji is 200 characters.
  if (id.length > MAX_ID_LENGTH && [...id].length > MAX_ID_LENGTH)
    throw new BadRequest(`id is longer than ${MAX_ID_LENGTH} characters`);
  if (CONTROL.test(id)) throw new BadRequest('id contains control characters');
  return id;
}

/**
 * The first `id` of a query string, percent-decoded strictly: bytes that are not UTF-8
 * (`%FF`, a lone surrogate's `%ED%A0%80`) are refused, as in a POST body, where
 * URLSearchParams would read them as U+FFFD and answer with another id's count.
 * @param {string} query
 * @returns {string | null}
 */
function queryId(query) {
  const part = query.split('&').find((p) => p.startsWith('id='));
  if (part === undefined) return null;
  try {
    return decodeURIComponent(part.slice(3).replace(/\+/g, ' '));
  } catch {
    throw new BadRequest('id is not valid UTF-8');
  }
}

/** @param {string} body @returns {unknown} */
function parseId(body) {
  let value;
  try {
    value = JSON.parse(body);
  } catch {
    throw new BadRequest('invalid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BadRequest('body must be a JSON object with an id');
  }
  return /** @type {Record<string, unknown>} */ (value).id;
}

/**
 * Reads a UTF-8 body of at most `limit` bytes. A larger one is refused as soon as its
 * declared length or its bytes so far pass the limit, never buffered whole.
 * @param {IncomingMessage} req
 * @param {number} limit
 * @returns {Promise<string>}
 */
function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    const tooLarge = () => new BadRequest(`body is larger than ${limit} bytes`);
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return reject(tooLarge());
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        return reject(tooLarge());
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      try {
        resolve(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
      } catch {
        reject(new BadRequest('invalid JSON'));
      }
    };
    /** @param {Error} error */
    const onError = (error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/**
 * The client's address for the rate limit: the socket's, or with `trustProxy` hops the
 * X-Forwarded-For entry that the outermost trusted proxy saw (entries left of it are
 * whatever the client claimed). IPv6 clients are limited per /64, the block one
 * subscriber gets.
 * @param {IncomingMessage} req
 * @param {number} trustProxy
 */
export function clientOf(req, trustProxy) {
  let address = req.socket.remoteAddress ?? '';
  if (trustProxy > 0) {
    const forwarded = String(req.headers['x-forwarded-for'] ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const claimed = forwarded[forwarded.length - trustProxy];
    if (claimed && isIP(claimed)) address = claimed;
  }
  if (address.startsWith('::ffff:') && isIP(address.slice(7)) === 4) address = address.slice(7);
  return isIP(address) === 6 ? prefix64(address) : address;
}

/** The first four groups of an IPv6 address, expanded: its /64. @param {string} address */
function prefix64(address) {
  const [head = '', tail] = address.split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = [
    ...left,
    ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'),
    ...right,
  ];
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** @param {ServerResponse} res @param {string} allow */
function notAllowed(res, allow) {
  res.setHeader('Allow', allow);
  send(res, 405, { error: 'method not allowed' });
}

/** @param {ServerResponse} res @param {unknown} error */
function bad(res, error) {
  if (!(error instanceof BadRequest)) throw error;
  send(res, 400, { error: error.message });
}

/**
 * A 400 before or while the body is read: the connection is closed after the answer,
 * so the rest of a large body is never read.
 * @param {IncomingMessage} req @param {ServerResponse} res @param {unknown} error
 */
function refuse(req, res, error) {
  if (res.headersSent) return;
  if (!(error instanceof BadRequest)) return req.socket.destroy();
  res.setHeader('Connection', 'close');
  res.on('finish', () => {
    // Whatever the client still sends is discarded unread (closing with unread input
    // would reset the connection and could lose the 400), for 5 s at most.
    req.resume();
    setTimeout(() => req.socket.destroy(), 5000).unref();
  });
  send(res, 400, { error: error.message });
}

/** @param {ServerResponse} res @param {number} status @param {object} body */
function send(res, status, body) {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

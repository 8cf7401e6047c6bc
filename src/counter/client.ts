/**
 * The live view-count client: the one module besides the feed layer that calls
 * `fetch`. No Lit and no element here, so it can be used (and tested) on its own.
 *
 * Protocol: `GET {endpoint}?id={id}` answers `{"id":"…","views":N}`; `POST {endpoint}`
 * with `{"id":"…"}` records a view and answers the same shape.
 *
 * Privacy, by construction rather than by configuration:
 * - no cookies are sent or stored (`credentials: 'omit'`);
 * - the item is named in the request itself, never inferred from the Referer header,
 *   which is not sent at all (`referrerPolicy: 'no-referrer'`);
 * - with Do Not Track or Global Privacy Control on, no view is recorded (no `POST`);
 * - a view is recorded at most once per item and endpoint per browser session.
 */
import type { Flights } from '../internal/flights.js';
import type { CounterError } from './errors.js';
import type { CounterRuntime } from './runtime.js';
import { describeFault } from '../feed/failure.js';

/** What the client borrows from the entry; set when its door opens. */
let rt: CounterRuntime;
/** Requests under way, so counters on one page that ask the same thing share one request. */
let inFlight: Flights<CountAnswer> | undefined;

/**
 * The chunk's door (see `src/internal/lazy.ts`). Opened by the view counter and by the
 * npm API's `loadCount` (`load-count.ts`), always with the same runtime.
 */
export function init(runtime: CounterRuntime): {
  loadCount: typeof loadCount;
  askLive: typeof askLive;
} {
  rt = runtime;
  inFlight ??= new runtime.Flights<CountAnswer>();
  return { loadCount, askLive };
}

/**
 * One ask for `<civic-view-counter>`: the count, or undefined after saying on the console
 * why not and what the counter keeps showing (`kept()`: its last known count, if any).
 * Nothing is said for an ask the counter has given up (`signal`). Never rejects.
 */
async function askLive(
  request: CountRequest,
  signal: AbortSignal,
  kept: () => number | undefined,
): Promise<number | undefined> {
  try {
    return (await loadCount(request)).views;
  } catch (error) {
    if (signal.aborted) return undefined;
    // A CounterError says what and where.
    const what = error instanceof Error ? error.message : String(error);
    const count = kept();
    console.warn(
      `civic-view-counter: ${what}; ${count !== undefined ? `keeping the last known count (${count})` : 'showing the fallback content'}`,
    );
    return undefined;
  }
}

/** The counter's own words (the request's, shared with the feed loader, come from the runtime); each says where. */
const msg = {
  badEndpoint: (raw: string) => `endpoint "${clip(raw)}" is not an http or https URL`,
  notJson: (url: string) => `not JSON: the answer from ${url} could not be parsed`,
  tooLarge: (url: string) => `answer too large: ${url} sent more than 4 KB for one count`,
  notObject: (url: string) => `not a view count: the answer from ${url} is not an object`,
  badViews: (value: string, url: string) =>
    `not a view count: "views" is ${value}, not a non-negative integer, in the answer from ${url}`,
  badId: (got: string, want: string, url: string) =>
    `not this item's count: "id" is ${got}, expected "${clip(want)}", in the answer from ${url}`,
} as const;

/** A CounterError of the entry's class (the one the page's `instanceof` knows). */
function fail(
  message: string,
  options: { url: string; status?: number; cause?: unknown },
): CounterError {
  return new rt.CounterError(message, options);
}

/** One request for a count. */
export interface CountRequest {
  /** The endpoint URL, absolute or relative to the page. */
  endpoint: string;
  /** The item whose views are wanted. */
  id: string;
  /** Record a view first (once per session, and never under DNT/GPC). */
  hit?: boolean;
  /** Give up after this many milliseconds (default 10 000). */
  timeout?: number;
}

/** A validated answer. */
export interface CountAnswer {
  /** The item's view count: a non-negative safe integer. */
  views: number;
  /** The URL that answered. */
  url: string;
  /** True when this call recorded the view (sent the `POST`). */
  counted: boolean;
}

const DEFAULT_TIMEOUT = 10_000;
/** A count is a few dozen bytes: anything past this is not an answer, and is not read on. */
export const MAX_ANSWER_BYTES = 4096;
const STORAGE_PREFIX = 'civic-view-counter:counted:';

/** Views recorded in this page when sessionStorage could not remember them. */
const countedHere = new Set<string>();

/**
 * Ask an endpoint for an item's count, recording the view first when `hit` is set and
 * the viewer allows it. Rejects with a `CounterError` (never anything else) when the
 * endpoint cannot be used; the message says what was wrong and the URL.
 */
function loadCount(request: CountRequest): Promise<CountAnswer> {
  const { id } = request;
  const timeout = request.timeout ?? DEFAULT_TIMEOUT;
  let base: URL;
  try {
    base = endpointUrl(request.endpoint);
  } catch (error) {
    return Promise.reject(
      error instanceof rt.CounterError ? error : fail(String(error), { url: request.endpoint }),
    );
  }
  const key = countedKey(base.href, id);
  const post = request.hit === true && !privacySignal() && !wasCounted(key);
  const url = post ? base.href : withId(base, id);
  const flightKey = `${post ? 'POST' : 'GET'} ${key}`;
  // No signal: a count asked for is seen through (a POST is `keepalive` anyway).
  return inFlight!.join(flightKey, () =>
    send(url, id, post, timeout).then((views) => {
      if (post) rememberCounted(key);
      return { views, url, counted: post };
    }),
  );
}

/**
 * True when the viewer asked not to be tracked: Do Not Track (`navigator.doNotTrack`,
 * or the older `window.doNotTrack`) is `"1"`, or Global Privacy Control is on.
 */
export function privacySignal(): boolean {
  const nav = navigator as Navigator & { globalPrivacyControl?: unknown };
  const win = window as Window & { doNotTrack?: unknown };
  return nav.doNotTrack === '1' || win.doNotTrack === '1' || nav.globalPrivacyControl === true;
}

/** The GET URL for an item: the endpoint with `id` set in its query (other parameters kept). */
export function countUrl(endpoint: string, id: string): string {
  return withId(endpointUrl(endpoint), id);
}

function endpointUrl(raw: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(raw.trim(), document.baseURI);
  } catch {
    url = undefined;
  }
  // Anything but http(s) (javascript:, data:, file:) is refused before any request.
  if (!raw.trim() || !url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw fail(msg.badEndpoint(raw), { url: raw });
  }
  url.hash = '';
  return url;
}

function withId(base: URL, id: string): string {
  const url = new URL(base.href);
  url.searchParams.set('id', id);
  return url.href;
}

async function send(url: string, id: string, post: boolean, timeout: number): Promise<number> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: post ? 'POST' : 'GET',
      headers: post
        ? { Accept: 'application/json', 'Content-Type': 'application/json' }
        : { Accept: 'application/json' },
      body: post ? JSON.stringify({ id }) : undefined,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      // A count is live data: never answer from the HTTP cache.
      cache: 'no-store',
      // The view is recorded even when the reader leaves the page before the answer.
      keepalive: post,
      signal: AbortSignal.timeout(timeout),
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    const words = timedOut
      ? describeFault({ kind: 'timeout', where: url, limit: timeout })
      : rt.requestMessages.network(url);
    throw fail(words, { url, cause: error });
  }
  if (!response.ok)
    throw fail(rt.requestMessages.httpStatus(response.status, url), {
      url,
      status: response.status,
    });
  let body: unknown;
  const text = await readSmall(response, url);
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw fail(msg.notJson(url), { url, cause: error });
  }
  return readAnswer(body, id, url);
}

/**
 * The answer's text, read while it streams in and refused past `MAX_ANSWER_BYTES` (at once
 * when Content-Length says so): a broken or hostile endpoint cannot make the page read
 * megabytes for one number.
 */
async function readSmall(response: Response, url: string): Promise<string> {
  const tooLarge = () => fail(msg.tooLarge(url), { url });
  const body = response.body;
  if (Number(response.headers.get('content-length')) > MAX_ANSWER_BYTES) {
    body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!body) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > MAX_ANSWER_BYTES) {
        reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    if (error instanceof rt.CounterError) throw error;
    // The connection broke or the time limit passed mid-answer: the answer is unusable.
    throw fail(msg.notJson(url), { url, cause: error });
  }
  return text + decoder.decode();
}

/** Checks an answer strictly: an object whose `id` is the item's and whose `views` is a count. */
export function readAnswer(body: unknown, id: string, url: string): number {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw fail(msg.notObject(url), { url });
  }
  const answer = body as Record<string, unknown>;
  // A proxy or a shared cache mixing items up is caught here instead of showing
  // another article's number.
  if (answer.id !== id) throw fail(msg.badId(describeValue(answer.id), id, url), { url });
  const views = answer.views;
  if (typeof views !== 'number' || !Number.isSafeInteger(views) || views < 0) {
    throw fail(msg.badViews(describeValue(views), url), { url });
  }
  return views;
}

function countedKey(endpoint: string, id: string): string {
  return STORAGE_PREFIX + JSON.stringify([endpoint, id]);
}

// sessionStorage can be missing or throw on every access (sandboxed iframes, storage
// disabled, quota full). Then the page itself remembers, so at least one page view
// never counts twice.
function session(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

function wasCounted(key: string): boolean {
  if (countedHere.has(key)) return true;
  try {
    return session()?.getItem(key) === '1';
  } catch {
    return false;
  }
}

function rememberCounted(key: string): void {
  try {
    const store = session();
    if (store) {
      store.setItem(key, '1');
      return;
    }
  } catch {
    // fall through to the page's own memory
  }
  countedHere.add(key);
}

/** Describes a bad JSON value briefly, for messages: `"12"`, `-3`, `missing`. */
function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'string') return `"${clip(value, 40)}"`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null)
    return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}

/** Keeps a hostile long value from flooding the console. */
function clip(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

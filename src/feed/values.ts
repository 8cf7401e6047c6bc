/**
 * Validators for single values: each returns the clean value or `undefined`, never an
 * Invalid Date, NaN or a `javascript:` URL. The parsers record a warning when a value
 * was present but bad.
 */
import type { FeedWarning } from './model.js';
import { messages } from './errors.js';

export { isTimeZone, toLanguage } from '../format/locale.js';

/** Collects warnings with their paths while one document is read. */
export class Warnings {
  readonly list: FeedWarning[] = [];
  add(path: string, message: string): void {
    this.list.push({ path, message });
  }
}

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/**
 * An RFC 3339 date-time (`2020-03-20T03:57:36+07:00`) as an instant. The offset is
 * required: without one the instant is unknown, and guessing the viewer's zone would
 * move the news by up to a day.
 */
export function parseRfc3339(text: string): Date | undefined {
  const m = RFC3339.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  let offsetMinutes = 0;
  if (!m[8]) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return undefined;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const date = new Date(0);
  // setUTCFullYear takes the year as written (Date.UTC reads 0-99 as 1900-1999).
  date.setUTCFullYear(year, month - 1, day);
  // A day the calendar does not have (30 February, month 13) rolls into another month.
  if (date.getUTCMonth() !== month - 1) return undefined;
  // A leap second (:60) is read as the last second of the minute; JavaScript has no :60.
  date.setUTCHours(hour, minute, Math.min(second, 59), Math.round(Number(`0${m[7] ?? ''}`) * 1000));
  const time = date.getTime() - offsetMinutes * 60_000;
  return Number.isNaN(time) ? undefined : new Date(time);
}

/** A count (views, bytes): a non-negative safe integer, else undefined. Never NaN. */
export function toCount(value: unknown): number | undefined {
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) value = Number(value);
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** What `checkUrl` decided about one URL. */
export type UrlCheck = { ok: true; url: string } | { ok: false; message: string };

/**
 * Keeps http, https and mailto URLs and relative ones (resolved against `base`); every
 * other scheme (`javascript:`, `data:`, `file:`) is refused. Without a base, a relative
 * URL is kept as written, since there is nothing to resolve it against.
 */
export function checkUrl(raw: string, base?: string): UrlCheck {
  const text = raw.trim();
  if (text === '') return { ok: false, message: messages.notUrl(raw) };
  let url: URL;
  try {
    url = new URL(text, base ?? 'relative:///');
  } catch {
    return { ok: false, message: messages.notUrl(raw) };
  }
  if (url.protocol === 'relative:') return { ok: true, url: text };
  if (!SAFE_SCHEMES.has(url.protocol)) return { ok: false, message: messages.badScheme(raw) };
  return { ok: true, url: url.href };
}

/**
 * A URL safe to bind to `href`/`src` in a template: http, https, mailto or relative,
 * resolved against the page; else undefined. Takes `unknown`: a field read from an
 * object whose prototype a page polluted can be anything.
 */
export function safeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const checked = checkUrl(value, documentBase());
  return checked.ok ? checked.url : undefined;
}

/** The document's base URL, when there is a document (inline feeds, relative `src`). */
export function documentBase(): string | undefined {
  const doc = (globalThis as { document?: Document }).document;
  return doc?.baseURI;
}

/** How a URL is named in messages: a path for this site's own feeds, the whole URL for others. */
export function displayUrl(url: string): string {
  const here = (globalThis as { location?: Location }).location;
  try {
    const u = new URL(url);
    if (here && u.origin === here.origin) return `${u.pathname}${u.search}`;
    return u.href;
  } catch {
    return url;
  }
}

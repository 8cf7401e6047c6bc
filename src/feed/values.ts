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

// Every field in range (the day is checked against its month apart), so that the form
// built from it is a valid ECMAScript date-time string: Date.parse must read those alike
// in every engine, while what it does with an invalid one (30 February, 24:00) is each
// engine's own. Years from 1000 on: a news date before then is a typo, and the years
// below 100 read as 19xx in Date.UTC and year 0 as 1 BC in Intl ("31/12/00-1").
const RFC3339 =
  /^([1-9]\d{3}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))[Tt ](([01]\d|2[0-3]):[0-5]\d:)([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

// Most feeds write that form already: upper-case T and Z, no leap second, three digits
// of fraction or none. Read as it is, it spares the string built below, which costs more
// than the reading itself.
const USUAL =
  /^[1-9]\d{3}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3])(:[0-5]\d){2}(\.\d{3})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/**
 * Whether the day of a text that starts `YYYY-MM-DD` is one its month has (not 30
 * February, which Date.parse would roll over). Read digit by digit (one-character strings
 * are the engine's own, not made anew): a big feed asks this of every item. `day` is a
 * parameter only so that the function stays one expression; callers pass the text alone.
 */
const dayExists = (text: string, day = +text[8] * 10 + +text[9]) =>
  day < 29 || new Date(text.slice(0, 10)).getUTCDate() === day;

/**
 * `text` when it is a valid RFC 3339 date-time already in ECMAScript's own form (upper-case
 * T and Z, no leap second, three digits of fraction or none), else undefined. Such texts
 * of one length and one offset sort as their instants do: a big feed is put in order by
 * its texts, and only the dates it shows are read (`parse-json.ts`).
 */
export const usualRfc3339 = (text: string): string | undefined =>
  USUAL.test(text) && dayExists(text) ? text : undefined;

/**
 * An RFC 3339 date-time (`2020-03-20T03:57:36+07:00`) as an instant. The offset is
 * required: without one the instant is unknown, and guessing the viewer's zone would
 * move the news by up to a day.
 *
 * Read by Date.parse, in ECMAScript's own form (upper-case T and Z; a leap second as the
 * last second of its minute, JavaScript has no :60; the fraction added apart, rounded to
 * the millisecond): Date.parse is several times faster than building the date field by
 * field. (`new Date(text)` is Date.parse by the language's definition, one call less.)
 */
export function parseRfc3339(text: string): Date | undefined {
  if (usualRfc3339(text)) return new Date(text);
  const m = RFC3339.exec(text.trim());
  if (!m || !dayExists(m[1])) return undefined;
  const [, date, , , clock, , second, fraction = '', zone] = m;
  return new Date(
    Date.parse(`${date}T${clock}${second === '60' ? '59' : second}${zone.toUpperCase()}`) +
      Math.round(+`0${fraction}` * 1000),
  );
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
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    // Relative, with no base to resolve it against: kept as written when it is a URL at
    // all. (Not resolved against a made-up scheme: a feed can write that scheme itself,
    // and `relative:x` passed as relative.)
    return text && !base && parses(text)
      ? { ok: true, url: text }
      : { ok: false, message: messages.notUrl(raw) };
  }
  if (!SAFE_SCHEMES.has(url.protocol)) return { ok: false, message: messages.badScheme(raw) };
  return { ok: true, url: url.href };
}

/** Whether `text` is a URL relative to some http base. */
function parses(text: string): boolean {
  try {
    return !!new URL(text, 'http://h/');
  } catch {
    return false;
  }
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

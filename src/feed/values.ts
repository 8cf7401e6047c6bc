/**
 * Validators for single values: each returns the clean value or `undefined`, never an
 * Invalid Date, NaN or a `javascript:` URL. The parsers record a warning when a value
 * was present but bad.
 */
import type { FeedWarning } from './model.js';
import { messages } from './errors.js';

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
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const fraction = m[7] ? Number(`0${m[7]}`) : 0;
  let offsetMinutes = 0;
  if (!m[8]) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return undefined;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  return fromParts(year, month, day, hour, minute, second, fraction, offsetMinutes);
}

/** Builds an instant from wall-clock parts, rejecting parts the calendar does not have. */
function fromParts(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  fraction: number,
  offsetMinutes: number,
): Date | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  // A leap second (:60) is read as the last second of the minute; JavaScript has no :60.
  const utc =
    Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59)) +
    Math.round(fraction * 1000) -
    offsetMinutes * 60_000;
  const date = new Date(utc);
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear puts them back.
  if (year < 100) date.setUTCFullYear(date.getUTCFullYear() - 1900);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RFC 822 / 2822 zone names; military single letters carry no reliable meaning (RFC 2822 §4.3). */
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

const RFC822 =
  /^(?:([A-Za-z]{3,9}),?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,5})?$/;

/**
 * An RSS date (RFC 822 as updated by RFC 2822: `Thu, 19 Mar 2020 16:20:00 +0700`).
 * Two-digit years follow RFC 2822 (00-49 is 20xx). A missing or unknown zone is read
 * as UTC, the way RFC 2822 treats `-0000`.
 */
export function parseRfc822(text: string): Date | undefined {
  const m = RFC822.exec(text.trim().replace(/\s+/g, ' '));
  if (!m) return undefined;
  const monthIndex = MONTHS.indexOf((m[3] ?? '').slice(0, 3).toLowerCase());
  if (monthIndex < 0) return undefined;
  let year = Number(m[4]);
  if (m[4].length === 2) year += year < 50 ? 2000 : 1900;
  const zone = m[8];
  let offset = 0;
  if (zone && /^[+-]\d{4}$/.test(zone)) {
    const hours = Number(zone.slice(1, 3));
    const minutes = Number(zone.slice(3, 5));
    if (minutes > 59) return undefined;
    offset = (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  } else if (zone) {
    offset = ZONES[zone.toUpperCase()] ?? 0;
  }
  return fromParts(
    year,
    monthIndex + 1,
    Number(m[2]),
    Number(m[5]),
    Number(m[6]),
    Number(m[7] ?? 0),
    0,
    offset,
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

/** The document's base URL, when there is a document (inline feeds, relative `src`). */
export function documentBase(): string | undefined {
  const doc = (globalThis as { document?: Document }).document;
  return doc?.baseURI;
}

/** True when `zone` is an IANA zone this browser knows. */
export function isTimeZone(zone: string): boolean {
  if (zone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A BCP 47 tag in canonical form, else undefined. */
export function toLanguage(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag.trim())[0];
  } catch {
    return undefined;
  }
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

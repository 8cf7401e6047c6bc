/**
 * Every date a widget prints goes through `formatDate`: an instant, a zone and a
 * locale in, text out. The zone is what makes "20/03/2020 03:57:36" come out the same
 * for a reader in Hà Nội and one in Los Angeles.
 */
// A zone's offset (zone.ts: Temporal, else @date-fns/tz's `tzOffset`) is all the zone
// maths the widgets need: wall-clock fields and the next midnight. The TZDate class and
// date-fns' calendar helpers would add 1.5 KiB gzipped to a script-tag bundle with a hard budget.
import { isTimeZone } from './locale.js';
import { messageLocale, messagesFor } from './messages.js';
import { offsetMinutes, viewerTimeZone } from './zone.js';
import { warn } from '../internal/warn.js';

/**
 * How much of a date to print: `datetime` to the second (the card's meta line), `minutes`
 * to the minute (a list's `date-format="datetime"`), `date` the day only.
 */
export type DateStyle = 'datetime' | 'minutes' | 'date';

/** A day of the calendar, with no time and no zone: what the date line shows. */
export interface CalendarDate {
  year: number;
  /** 1–12. */
  month: number;
  /** 1–31. */
  day: number;
}

export { viewerTimeZone };

/**
 * The zone to print in, by the contract's precedence: the widget's `time-zone`
 * attribute, then the feed's `_civic.time_zone`, then the viewer's. A zone the browser
 * does not know is skipped (and said once on the console) rather than printing
 * "Invalid Date".
 */
export function resolveTimeZone(...candidates: (string | null | undefined)[]): string {
  for (const zone of candidates) {
    if (!zone) continue;
    if (isTimeZone(zone)) return zone;
    warn('zone', zone);
  }
  return viewerTimeZone();
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * The wall clock in `zone` at `instant`, as a Date whose UTC fields read that clock
 * (a shifted instant, used only for reading fields, never shown or compared).
 */
function wallClock(instant: number, zone: string): Date {
  return new Date(instant + offsetMinutes(zone, instant) * 60_000);
}

/** The portal form, `dd/MM/yyyy HH:mm:ss`, from wall-clock fields. */
function portalForm(d: Date, style: DateStyle): string {
  const date = `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCFullYear(), 4)}`;
  if (style === 'date') return date;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return `${date} ${time}${style === 'minutes' ? '' : `:${pad(d.getUTCSeconds())}`}`;
}

// Every other language is Intl's medium date (+ short time): "Dec 9, 2020, 8:15 AM".
const intlCache = new Map<string, Intl.DateTimeFormat>();
function intlFormat(locale: string, zone: string, style: DateStyle): Intl.DateTimeFormat {
  const key = `${locale}|${zone}|${style}`;
  let f = intlCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone: zone,
      dateStyle: 'medium',
      ...(style === 'date' ? {} : { timeStyle: 'short' }),
    });
    intlCache.set(key, f);
  }
  return f;
}

/**
 * Print an instant in `zone` for `locale`.
 * - `vi`: `20/03/2020 03:57:36` (the portal form);
 * - any other tag (`en`: `Mar 20, 2020, 3:57 AM`): Intl's medium date and short time.
 * Returns '' for an invalid instant, so nothing ever reads "Invalid Date".
 */
export function formatDate(
  instant: Date,
  zone: string,
  locale: string,
  style: DateStyle = 'datetime',
): string {
  if (Number.isNaN(instant.getTime())) return '';
  // Dates speak the same language as the messages around them: a tag with no table of
  // its own falls back to Vietnamese for both (and a site's `vi-VN` table is Vietnamese).
  if (/^vi\b/.test(messageLocale(locale))) {
    // At the very ends of the Date range the wall clock can fall outside it: print nothing.
    const wall = wallClock(instant.getTime(), zone);
    return Number.isNaN(wall.getTime()) ? '' : portalForm(wall, style);
  }
  return intlFormat(locale, zone, style).format(instant);
}

/** ISO form for `<time datetime>`: the instant itself, which machines read in any zone. */
export function isoInstant(instant: Date): string {
  return Number.isNaN(instant.getTime()) ? '' : instant.toISOString();
}

/** The calendar day it is at `instant` in `zone`. */
export function calendarDateIn(instant: Date, zone: string): CalendarDate {
  const d = wallClock(instant.getTime(), zone);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The next midnight in `zone` after `instant` (DST-aware: some days are 23 or 25 h). */
export function nextMidnight(instant: Date, zone: string): Date {
  const today = calendarDateIn(instant, zone);
  // Tomorrow 00:00 on the wall clock, first read as if it were UTC…
  const wall = Date.UTC(today.year, today.month - 1, today.day + 1);
  // …then moved by the zone's offset; a second pass settles a DST change between the two.
  const first = wall - offsetMinutes(zone, wall) * 60_000;
  const second = wall - offsetMinutes(zone, first) * 60_000;
  // Where the clocks skip midnight itself (00:00 → 01:00 in Cuba, Chile, Paraguay), the
  // second pass lands before the gap, still today (a line would re-arm its timer every
  // 50 ms for an hour): the new day then starts where the first pass put it, at 01:00.
  return new Date(calendarDateIn(new Date(second), zone).day === today.day ? first : second);
}

/**
 * Read `2020-07-16` (a calendar date) or an ISO timestamp: with an offset (`Z`, `+07:00`)
 * it is an instant, taken in `zone`; without one it is a wall-clock time, whose day is the
 * one written (ECMAScript would read it in the viewer's zone: another day for some).
 * Returns undefined for anything else, for a day that does not exist (2020-02-30), or
 * before the year 1000 (as feed dates, see `values.ts`).
 */
export function parseCalendarDate(text: string, zone: string): CalendarDate | undefined {
  const s = text.trim();
  const m = /^([1-9]\d{3})-(\d{2})-(\d{2})(?:T[\d:.]+)?$/.exec(s);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (
      probe.getUTCFullYear() !== year ||
      probe.getUTCMonth() !== month - 1 ||
      probe.getUTCDate() !== day
    ) {
      return undefined;
    }
    return { year, month, day };
  }
  if (/^[1-9]\d{3}-\d{2}-\d{2}T/.test(s)) {
    const t = Date.parse(s);
    if (!Number.isNaN(t)) return calendarDateIn(new Date(t), zone);
  }
  return undefined;
}

/** Day of the week of a calendar date, 0 = Sunday. */
export function weekdayOf(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/**
 * The date line: `Thứ 5, Ngày 16 Tháng 7 Năm 2020` in vi, `Thursday, July 16, 2020` in
 * en, from the message table so a site can reword it.
 */
export function formatDateLine(date: CalendarDate, locale: string): string {
  const m = messagesFor(locale);
  return m.dateLine({
    weekday: m.weekdays[weekdayOf(date)] ?? '',
    day: date.day,
    month: date.month,
    year: date.year,
  });
}

/** `2020-07-16`, for `<time datetime>`. */
export function isoCalendarDate(date: CalendarDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

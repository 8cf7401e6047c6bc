/**
 * RSS dates (RFC 822 as updated by RFC 2822: `Thu, 19 Mar 2020 16:20:00 +0700`), for the
 * XML readers' lazy chunk. The date is rewritten as RFC 3339 text and read by the one
 * RFC 3339 reader the caller hands in, so the calendar checks live in one place.
 *
 * The rule for zones: a date is read right or not used. A numeric offset or a zone name
 * with one meaning is read as such; a name this reader does not know, or one that means
 * different offsets in different countries (IST, AST…), or no zone at all, is read in the
 * feed's declared time zone when the caller gives one, and otherwise not read at all, so
 * the page never prints a time shifted by hours (issue #10, item 11).
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Zone names with one fixed meaning, in minutes east of UTC: RFC 822's own (where CST is
 * US Central), and the abbreviations feeds in the wild write. Military single letters
 * other than Z carry no reliable meaning (RFC 2822 §4.3), so they are not here. A Map:
 * a zone called "constructor" must find nothing.
 */
const FIXED = new Map<string, number>([
  ['UT', 0],
  ['UTC', 0],
  ['GMT', 0],
  ['Z', 0],
  ['EST', -300],
  ['EDT', -240],
  ['CST', -360],
  ['CDT', -300],
  ['MST', -420],
  ['MDT', -360],
  ['PST', -480],
  ['PDT', -420],
  ['AKST', -540],
  ['AKDT', -480],
  ['HST', -600],
  ['WET', 0],
  ['WEST', 60],
  ['BST', 60],
  ['CET', 60],
  ['MET', 60],
  ['MEZ', 60],
  ['CEST', 120],
  ['MEST', 120],
  ['MESZ', 120],
  ['EET', 120],
  ['EEST', 180],
  ['MSK', 180],
  ['ICT', 420],
  ['WIB', 420],
  ['WITA', 480],
  ['WIT', 540],
  ['SGT', 480],
  ['HKT', 480],
  ['AWST', 480],
  ['JST', 540],
  ['KST', 540],
  ['ACST', 570],
  ['ACDT', 630],
  ['AEST', 600],
  ['AEDT', 660],
  ['NZST', 720],
  ['NZDT', 780],
]);

/** Generic zone names that say the region but not whether summer time applies: read in its IANA zone. */
const REGIONAL = new Map([
  ['ET', 'America/New_York'],
  ['CT', 'America/Chicago'],
  ['MT', 'America/Denver'],
  ['PT', 'America/Los_Angeles'],
]);

const RFC822 =
  /^(?:([A-Za-z]{3,9})(?:,\s*|\s+))?(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{2}:?\d{2}|(?:GMT|UTC?)[+-]\d{1,2}(?::?\d{2})?|[A-Za-z]{1,5})?$/;

const pad = (n: number | string, width = 2) => String(n).padStart(width, '0');

/** What `readRfc822` found. */
export type Rfc822 =
  /** The instant; `readIn` names the declared zone it was read in, when its own was unknown. */
  | { date: Date; readIn?: string }
  /** A valid date whose zone is missing, unknown or ambiguous, and no declared zone to read it in. */
  | { unknownZone: true };

/** "+07:00" for an offset in minutes. */
function offsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The offset a numeric zone writes (`+0700`, `+07:00`, `GMT+7`, `UTC-01:01`), in minutes. */
function numericOffset(zone: string): number | undefined {
  const m = /^(?:GMT|UTC?)?([+-])(\d{1,2}):?(\d{2})?$/i.exec(zone);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? 0);
  if (hours > 23 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** A formatter that prints wall-clock time in `zone`; null for a zone this browser does not know. */
function wallClock(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      f = null;
    }
    formatters.set(zone, f);
  }
  return f;
}

/** Minutes `zone` is ahead of UTC at `instant`. */
function offsetAt(f: Intl.DateTimeFormat, instant: number): number {
  const parts = new Map(f.formatToParts(new Date(instant)).map((p) => [p.type, Number(p.value)]));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.get(type) ?? 0;
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour') % 24,
    get('minute'),
    get('second'),
  );
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** The instant at which `zone`'s clocks show `wall` (a wall-clock time written as if UTC). */
function inZone(wall: Date, zone: string): Date | undefined {
  const f = wallClock(zone);
  if (!f) return undefined;
  const guess = wall.getTime();
  const first = offsetAt(f, guess);
  let time = guess - first * 60_000;
  // Near a summer-time change the offset at the result can differ from the guess's.
  const second = offsetAt(f, time);
  if (second !== first) time = guess - second * 60_000;
  return new Date(time);
}

/**
 * An RSS date, read by the zone rule above. Undefined when the text is not an RFC 822
 * date at all (or names an impossible day or time). Two-digit years follow RFC 2822
 * (00-49 is 20xx).
 * @param readRfc3339 the RFC 3339 reader (`values.ts`), which refuses impossible dates.
 * @param timeZone the IANA zone the feed declares its times are in, if any.
 */
export function readRfc822(
  text: string,
  readRfc3339: (text: string) => Date | undefined,
  timeZone?: string,
): Rfc822 | undefined {
  const m = RFC822.exec(text.trim().replace(/\s+/g, ' '));
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[3].slice(0, 3).toLowerCase()) + 1;
  if (month < 1) return undefined;
  let year = Number(m[4]);
  if (m[4].length === 2) year += year < 50 ? 2000 : 1900;
  const local = `${pad(year, 4)}-${pad(month)}-${pad(m[2])}T${pad(m[5])}:${m[6]}:${m[7] ?? '00'}`;
  const zone: string | undefined = m[8];
  const upper = zone?.toUpperCase();
  const minutes =
    zone === undefined ? undefined : (numericOffset(zone) ?? FIXED.get(zone.toUpperCase()));
  if (zone !== undefined && /\d/.test(zone) && minutes === undefined) return undefined;
  if (minutes !== undefined) {
    const date = readRfc3339(`${local}${offsetText(minutes)}`);
    return date && { date };
  }
  // The wall-clock time, validated by the calendar check, then placed in a zone.
  const wall = readRfc3339(`${local}Z`);
  if (!wall) return undefined;
  const regional = upper === undefined ? undefined : REGIONAL.get(upper);
  if (regional) {
    const date = inZone(wall, regional);
    return date ? { date } : { unknownZone: true };
  }
  const date = timeZone ? inZone(wall, timeZone) : undefined;
  return date ? { date, readIn: timeZone } : { unknownZone: true };
}

/**
 * An RSS date as an instant, or undefined when it is not one or its zone cannot be known
 * (see `readRfc822`, which says which).
 */
export function parseRfc822(
  text: string,
  readRfc3339: (text: string) => Date | undefined,
  timeZone?: string,
): Date | undefined {
  const read = readRfc822(text, readRfc3339, timeZone);
  return read && 'date' in read ? read.date : undefined;
}

/**
 * Feed dates, for the XML readers' lazy chunk: every form feeds are seen to write, each
 * rewritten as RFC 3339 text and read by the one RFC 3339 reader the caller hands in, so
 * the calendar checks live in one place. The forms (the weekday, where there is one, is
 * ignored: feeds often get it wrong):
 * - RFC 822 / 2822 / 5322: `Thu, 19 Mar 2020 16:20:00 +0700`, with or without the space
 *   after the comma, seconds, weekday; two-digit years; RFC 850's `19-Mar-20`;
 * - asctime and Unix `date`: `Thu Mar 19 16:20:00 2020`, `Thu Mar 19 16:20:00 ICT 2020`;
 * - JavaScript's `Date.toString()`: `Thu Mar 19 2020 16:20:00 GMT+0700 (Indochina Time)`;
 * - ISO 8601 / RFC 3339 date-times, also with a space before the offset, an offset
 *   without its colon or minutes, or no seconds: `2020-03-19 16:20:00 +07:00`.
 * A trailing parenthesized comment is dropped (RFC 822 allows one; `Date.toString()`
 * writes the zone's long name there). No regex here can backtrack: the text is split
 * into words by hand and each word is checked by an anchored pattern without nested
 * quantifiers, on a string no longer than a date.
 *
 * The rule for zones: a date is read right or not used. A numeric offset, a zone name
 * with one meaning or an IANA zone (`Etc/GMT`, `Asia/Ho_Chi_Minh`) is read as such; a
 * name this reader does not know, or one that means different offsets in different
 * countries (IST, AST…), or no zone at all, is read in the feed's declared time zone
 * when the caller gives one, and otherwise not read at all, so the page never prints a
 * time shifted by hours (issue #10, item 11; issue #9).
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

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** No date is longer; anything longer is refused before any other work. */
const MAX_LENGTH = 120;

/** `2020-03-19T16:20`, `:00`, `.250`; what follows is the zone. */
const ISO = /(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?/y;
/** `16:20`, `16:20:00`, `9:05:00`. */
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const NUMBER = /^\d{1,4}$/;
/** A month or weekday name: `Mar`, `March`, `Thu.`, `Thursday`. */
const NAME = /^[A-Za-z]{3,9}\.?$/;
/** RFC 850's `19-Mar-20`. */
const DASHED = /^(\d{1,2})-([A-Za-z]{3,9})-(\d{2}|\d{4})$/;

/** A date as written: its wall-clock time (RFC 3339 without an offset) and its zone text. */
interface Written {
  local: string;
  zone?: string;
}

const pad = (n: number | string, width = 2) => String(n).padStart(width, '0');

/** What `readDate` found. */
export type DateRead =
  /** The instant; `readIn` names the declared zone it was read in, when its own was unknown. */
  | { date: Date; readIn?: string }
  /** A valid date whose zone is missing, unknown or ambiguous, and no declared zone to read it in. */
  | { unknownZone: true };

/** "+07:00" for an offset in minutes. */
function offsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The offset a numeric zone writes (`+0700`, `+07:00`, `+07`, `GMT+7`, `UTC-01:01`), in minutes. */
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

/** The month (1-12) a name such as `Mar`, `March` or `Mar.` gives; 0 when it is none. */
function monthOf(word: string): number {
  return NAME.test(word) ? MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1 : 0;
}

/**
 * The wall-clock text of a day and a time, or undefined when a part is out of form.
 * `half`: `AM` or `PM` after a 12-hour time.
 */
function wallText(
  year: string,
  month: number,
  day: string,
  time: string,
  half?: string,
): string | undefined {
  const t = TIME.exec(time);
  if (!t || month < 1 || !NUMBER.test(day) || day.length > 2 || !NUMBER.test(year))
    return undefined;
  let y = Number(year);
  // RFC 2822 §4.3: two-digit years 00-49 are 20xx, 50-99 19xx; three digits add 1900.
  if (year.length === 2) y += y < 50 ? 2000 : 1900;
  else if (year.length === 3) y += 1900;
  let hour = Number(t[1]);
  if (half) {
    // 12 AM is midnight, 12 PM noon; a 12-hour clock has no 0 or 13.
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (half === 'PM' ? 12 : 0);
  }
  return `${pad(y, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${t[2]}:${t[3] ?? '00'}`;
}

/** An ISO 8601 date-time as written (the zone, if any, is what follows the time). */
function readIso(s: string): Written | undefined {
  ISO.lastIndex = 0;
  const m = ISO.exec(s);
  if (!m) return undefined;
  const zone = s.slice(ISO.lastIndex).trim();
  return {
    local: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${m[7] ?? ''}`,
    zone: zone || undefined,
  };
}

/**
 * The RFC 822 family as written: the words before the time say which form it is.
 * - `19 Mar 2020 16:20:00 zone` (RFC 822; `19-Mar-20` is RFC 850's day),
 * - `Mar 19 2020 16:20:00 zone` (`Date.toString()`, `Mar 19, 2020`),
 * - `Mar 19 16:20:00 [zone] 2020` (asctime, Unix `date`; the zone may follow the year).
 */
function readWords(s: string): Written | undefined {
  let words = s.split(/[\s,]+/).filter((w) => w !== '');
  const dashed = words.map((w) => DASHED.exec(w));
  words = words.flatMap((w, i) => (dashed[i] ? dashed[i].slice(1) : [w]));
  if (words.length && NAME.test(words[0]) && DAYS.includes(words[0].slice(0, 3).toLowerCase()))
    words = words.slice(1);
  const at = words.findIndex((w) => w.includes(':'));
  if (at < 2) return undefined;
  const [a, b, c] = words;
  const time = words[at];
  const after = words.slice(at + 1);
  // `4:20 PM`: never an unknown zone called "PM" (that would read the time 12 hours off).
  const half = /^[AP]\.?M\.?$/i.test(after[0] ?? '')
    ? after.shift()![0].toUpperCase() + 'M'
    : undefined;
  let local: string | undefined;
  if (at === 3 && monthOf(b)) local = wallText(c, monthOf(b), a, time, half);
  else if (at === 3 && monthOf(a)) local = wallText(c, monthOf(a), b, time, half);
  else if (at === 2 && monthOf(a)) {
    // The year follows the time, before or after the zone.
    const y = after.findIndex((word) => /^\d{4}$/.test(word));
    if (y >= 0) local = wallText(after.splice(y, 1)[0], monthOf(a), b, time, half);
  }
  // The zone may be written in two words (`GMT +0700`): they read as one.
  return local === undefined ? undefined : { local, zone: after.join('') || undefined };
}

/** A date as written, in any of the forms above; undefined when it is in none. */
function readWritten(text: string): Written | undefined {
  let s = text.trim();
  if (s.length > MAX_LENGTH) return undefined;
  // A trailing comment: `GMT+0700 (Indochina Time)`, `+0700 (ICT)`. The offset says it all.
  if (s.endsWith(')')) {
    const open = s.lastIndexOf('(');
    if (open > 0) s = s.slice(0, open).trim();
  }
  return /^\d{4}-/.test(s) ? readIso(s) : readWords(s);
}

/** Minutes east of UTC a zone name with one fixed meaning gives. */
function namedOffset(zone: string): number | undefined {
  return FIXED.get(zone.toUpperCase());
}

/**
 * A feed date, read by the zone rule above. Undefined when the text is a date in none of
 * the forms above (or names an impossible day or time).
 * @param readRfc3339 the RFC 3339 reader (`values.ts`), which refuses impossible dates.
 * @param timeZone the IANA zone the feed declares its times are in, if any.
 */
export function readDate(
  text: string,
  readRfc3339: (text: string) => Date | undefined,
  timeZone?: string,
): DateRead | undefined {
  const written = readWritten(text);
  if (!written) return undefined;
  const { local, zone } = written;
  // The wall-clock time, validated by the calendar check, then placed in its zone.
  const wall = readRfc3339(`${local}Z`);
  if (!wall) return undefined;
  const minutes = zone === undefined ? undefined : (numericOffset(zone) ?? namedOffset(zone));
  if (minutes !== undefined) {
    const date = readRfc3339(`${local}${offsetText(minutes)}`);
    return date && { date };
  }
  // An IANA zone (`Etc/GMT`, `Europe/Berlin`; the browser knows them or refuses them), or
  // a generic US name, read in its region's zone.
  const iana = zone?.includes('/') ? zone : REGIONAL.get(zone?.toUpperCase() ?? '');
  if (iana) {
    const date = inZone(wall, iana);
    if (date) return { date };
  }
  // Digits that make no offset (`+0760`, `GMT+25`) or more than a name: not a zone at all.
  else if (zone !== undefined && !/^[A-Za-z]{1,6}$/.test(zone)) return undefined;
  const date = timeZone ? inZone(wall, timeZone) : undefined;
  return date ? { date, readIn: timeZone } : { unknownZone: true };
}

/**
 * A feed date as an instant, or undefined when it is not one or its zone cannot be known
 * (see `readDate`, which says which).
 */
export function parseDate(
  text: string,
  readRfc3339: (text: string) => Date | undefined,
  timeZone?: string,
): Date | undefined {
  const read = readDate(text, readRfc3339, timeZone);
  return read && 'date' in read ? read.date : undefined;
}

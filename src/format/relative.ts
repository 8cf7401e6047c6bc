/**
 * Relative dates ("2 giờ trước", "hôm qua", "3 days ago") for `<civic-bulletin-list
 * date-format="relative">`. Few lists ask for them, so this is lazy (the `extras` chunk):
 * the list starts loading it at upgrade when it sees the attribute, and shows its
 * skeleton until it is in. Imports nothing (see src/internal/lazy.ts).
 */

/** The module's door (see `src/internal/lazy.ts`): it needs no runtime. */
export function init(): { formatRelative: typeof formatRelative } {
  return { formatRelative };
}

const formats = new Map<string, Intl.RelativeTimeFormat>();
const calendars = new Map<string, Intl.DateTimeFormat>();

/** The calendar day `t` falls on in `zone`: days since 1970-01-01, and year × 12 + month. */
function calendarOf(t: number, zone: string): [days: number, months: number] {
  let f = calendars.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    calendars.set(zone, f);
  }
  const p: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const { type, value } of f.formatToParts(t)) p[type] = Number(value);
  const { year = 0, month = 1, day = 1 } = p;
  return [Date.UTC(year, month - 1, day) / 86_400_000, year * 12 + month];
}

/**
 * `instant` relative to `now`, in the language `tag` (Intl.RelativeTimeFormat). Under a
 * minute reads as "now"; under a day, by the clock, in minutes or hours ("2 giờ trước",
 * even when that was yesterday evening). From a day on, by the calendar of `zone` (the
 * publisher's), which is what Intl's words mean: "hôm qua" / "yesterday" is the day
 * before today there, "tháng trước" / "last month" the month before this one. (Counting
 * 24-hour days instead called an item from 47 hours ago "yesterday" at 01:00.) Days up to
 * a month, then months up to a year, then years. Returns '' for an invalid instant.
 */
export function formatRelative(instant: Date, now: number, tag: string, zone: string): string {
  const t = instant.getTime();
  if (Number.isNaN(t)) return '';
  let f = formats.get(tag);
  if (!f) {
    f = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });
    formats.set(tag, f);
  }
  const seconds = (t - now) / 1000;
  const size = Math.abs(seconds);
  if (size < 60) return f.format(0, 'second');
  if (size < 3600) return f.format(Math.trunc(seconds / 60), 'minute');
  if (size < 86_400) return f.format(Math.trunc(seconds / 3600), 'hour');
  const [day, month] = calendarOf(t, zone);
  const [today, thisMonth] = calendarOf(now, zone);
  const months = month - thisMonth;
  // Within the same calendar month, or less than 30 days apart, in days: "30 ngày trước"
  // rather than "tháng này" (this month) on the 31st.
  if (months === 0 || Math.abs(day - today) < 30) return f.format(day - today, 'day');
  if (Math.abs(months) < 12) return f.format(months, 'month');
  return f.format(Math.floor((month - 1) / 12) - Math.floor((thisMonth - 1) / 12), 'year');
}

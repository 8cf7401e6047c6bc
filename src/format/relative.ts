/**
 * Relative dates ("2 giờ trước", "hôm qua", "3 days ago") for `<civic-bulletin-list
 * date-format="relative">`. Few lists ask for them, so this is lazy (the `extras` chunk):
 * the list starts loading it at upgrade when it sees the attribute, and shows its
 * skeleton until it is in. Imports nothing (see src/internal/lazy.ts): the zone's calendar
 * is the entry's `calendarDateIn`, handed in by the runtime.
 */
/** The entry's calendar of a zone (`dates.ts`), as the runtime hands it over. */
type CalendarDateIn = typeof import('./dates.js').calendarDateIn;

/** The module's door (see `src/internal/lazy.ts`): it borrows the zone's calendar. */
export function init(rt: { calendarDateIn: CalendarDateIn }): {
  formatRelative: typeof formatRelative;
} {
  calendarDateIn = rt.calendarDateIn;
  return { formatRelative };
}

let calendarDateIn: CalendarDateIn;
const formats = new Map<string, Intl.RelativeTimeFormat>();

/** The calendar day `t` falls on in `zone` (`dates.ts`): days since 1970-01-01, and year × 12 + month. */
function calendarOf(t: number, zone: string): [days: number, months: number] {
  const { year, month, day } = calendarDateIn(new Date(t), zone);
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

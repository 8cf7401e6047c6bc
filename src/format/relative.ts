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

const cache = new Map<string, Intl.RelativeTimeFormat>();
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['day', 86_400],
  ['hour', 3600],
  ['minute', 60],
];

/**
 * `instant` relative to `now`, in the largest unit that fits, in the language `tag`
 * (Intl.RelativeTimeFormat, numeric where it must). Under a minute reads as "now".
 * Returns '' for an invalid instant.
 */
export function formatRelative(instant: Date, now: number, tag: string): string {
  const t = instant.getTime();
  if (Number.isNaN(t)) return '';
  let f = cache.get(tag);
  if (!f) {
    f = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });
    cache.set(tag, f);
  }
  const seconds = (t - now) / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return f.format(Math.trunc(seconds / size), unit);
  }
  return f.format(0, 'second');
}

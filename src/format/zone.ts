/**
 * Time-zone maths without a formatter. A page's first Intl formatter costs Chromium
 * 40–70 ms of main thread (ICU's locale data loads), and the Vietnamese date form is
 * written by hand, so the zone is all a first paint needed Intl for. `Temporal` answers
 * that in a few milliseconds where the browser has it (Chromium 144+, Firefox 139+);
 * elsewhere @date-fns/tz's `tzOffset` (Intl underneath) gives the same answers.
 */
import { tzOffset } from '@date-fns/tz/tzOffset';

/** The part of Temporal this module uses (TypeScript 5.9 has no types for it). */
interface TemporalZones {
  Instant: {
    fromEpochMilliseconds(ms: number): {
      toZonedDateTimeISO(zone: string): { offsetNanoseconds: number; timeZoneId: string };
    };
  };
  Now: { timeZoneId(): string };
}

// Read once: a browser has Temporal or it does not (the tests of the fallback load this
// module in a page without it).
const T = (globalThis as { Temporal?: TemporalZones }).Temporal;

/** Minutes `zone` is ahead of UTC at `instant` (ms); the zone must be known (`isZone`). */
export function offsetMinutes(zone: string, instant: number): number {
  // Any instant a Date holds is one Temporal holds: both span ±100,000,000 days.
  return T
    ? T.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(zone).offsetNanoseconds / 6e10
    : tzOffset(zone, new Date(instant));
}

/**
 * True when `zone` is an IANA zone (or an offset such as `+07:00`) this browser knows.
 * Temporal also reads a zone out of a whole ISO date-time ("…[Asia/Ho_Chi_Minh]"), which
 * Intl refuses: the zone it reads must be the text given.
 */
export function isZone(zone: string): boolean {
  // Both throw for text that names no zone, the empty string included.
  try {
    return T
      ? T.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone).timeZoneId.toLowerCase() ===
          zone.toLowerCase()
      : !!new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    return false;
  }
}

/** The viewer's own zone. */
export function viewerTimeZone(): string {
  return T?.Now.timeZoneId() ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

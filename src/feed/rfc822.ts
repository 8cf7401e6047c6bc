/**
 * RSS dates (RFC 822 as updated by RFC 2822: `Thu, 19 Mar 2020 16:20:00 +0700`), for the
 * XML readers' lazy chunk. The date is rewritten as RFC 3339 text and read by the one
 * RFC 3339 reader the caller hands in, so the calendar checks live in one place.
 */

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

const pad = (n: number | string, width = 2) => String(n).padStart(width, '0');

/**
 * An RSS date as an instant. Two-digit years follow RFC 2822 (00-49 is 20xx). A missing
 * or unknown zone is read as UTC, the way RFC 2822 treats `-0000`.
 * @param readRfc3339 the RFC 3339 reader (`values.ts`), which refuses impossible dates.
 */
export function parseRfc822(
  text: string,
  readRfc3339: (text: string) => Date | undefined,
): Date | undefined {
  const m = RFC822.exec(text.trim().replace(/\s+/g, ' '));
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[3].slice(0, 3).toLowerCase()) + 1;
  if (month < 1) return undefined;
  let year = Number(m[4]);
  if (m[4].length === 2) year += year < 50 ? 2000 : 1900;
  const zone = m[8] ?? 'Z';
  let offset: string;
  if (/^[+-]\d{4}$/.test(zone)) offset = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  else {
    const minutes = ZONES[zone.toUpperCase()] ?? 0;
    const abs = Math.abs(minutes);
    offset = `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  }
  return readRfc3339(
    `${pad(year, 4)}-${pad(month)}-${pad(m[2])}T${pad(m[5])}:${m[6]}:${m[7] ?? '00'}${offset}`,
  );
}

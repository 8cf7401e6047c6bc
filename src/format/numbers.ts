/**
 * Counts, with Intl: 2.007 in vi, 2,007 in en, "15 N" / "16K" in compact notation.
 * Formatters are cached per tag and notation because lists print hundreds of counts.
 *
 * A whole count in the built-in languages is grouped here instead: a page's first Intl
 * formatter costs Chromium 40–70 ms (ICU's locale data loads) before the first content,
 * and these forms are fixed. A test holds them to Intl's output.
 */

import { messageLocale } from './messages.js';

/** `standard` (2.007) or `compact` (15 N). */
export type Notation = 'standard' | 'compact';

const cache = new Map<string, Intl.NumberFormat>();

/** Print a count; '' for anything that is not a finite number, so NaN never shows. */
export function formatCount(
  value: number,
  locale: string,
  notation: Notation = 'standard',
): string {
  if (!Number.isFinite(value)) return '';
  // A count speaks the language of the words beside it: on a page whose language has no
  // message table (a French page reads "Lượt xem"), it is written as that table's are
  // ("2.007", not "2 007" beside "2,007" in the next widget).
  const words = messageLocale(locale);
  if (!locale.toLowerCase().startsWith(words)) locale = words;
  if (
    notation === 'standard' &&
    Number.isSafeInteger(value) &&
    value >= 0 &&
    GROUPED.test(locale)
  ) {
    const separator = locale.startsWith('vi') ? '.' : ',';
    let rest = String(value);
    let out = '';
    for (; rest.length > 3; rest = rest.slice(0, -3)) out = separator + rest.slice(-3) + out;
    return rest + out;
  }
  const key = `${locale}|${notation}`;
  let nf = cache.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(locale, {
      notation,
      maximumFractionDigits: notation === 'compact' ? 1 : 0,
    });
    cache.set(key, nf);
  }
  return nf.format(value);
}

/** The tags whose standard form is plain groups of three: "2.007" (vi), "2,007" (en). */
const GROUPED = /^(vi(-VN)?|en(-US|-GB)?)$/;

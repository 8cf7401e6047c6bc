/**
 * Counts, with Intl: 2.007 in vi, 2,007 in en, "15 N" / "16K" in compact notation.
 * Formatters are cached per tag and notation because lists print hundreds of counts.
 */

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

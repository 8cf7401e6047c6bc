/**
 * Which language a widget speaks. Sites set `locale` on the widget or, more often, a
 * `lang` attribute somewhere up the page; anything that does not name a language we
 * have messages for falls back to Vietnamese, the project's default.
 *
 * The language-tag and time-zone checks live here, once, for the feed layer too.
 */
import { isZone } from './zone.js';

/** The languages with a built-in message table. */
export type BuiltInLocale = 'vi' | 'en';

/** The default language when nothing on the page says otherwise. */
export const DEFAULT_LOCALE = 'vi';

/**
 * The BCP 47 tag that applies to `el`: its own `locale` attribute, else the nearest
 * `lang` up the tree (crossing shadow roots, so a widget inside another component
 * still sees the page's language), else `vi`.
 */
export function resolveLocaleTag(el: Element, locale?: string | null): string {
  let tag = locale && toLanguage(locale);
  // Up the tree, crossing shadow roots, to the first `lang` that names a language.
  for (
    let node: Node | null = el;
    !tag && node;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null)
  )
    if (node instanceof Element) tag = toLanguage(node.getAttribute('lang') ?? '');
  return tag || DEFAULT_LOCALE;
}

/**
 * A BCP 47 tag in canonical form, else undefined. An underscore reads as a hyphen:
 * `en_GB` is how many systems write locales, and CMS templates print it into `lang`.
 */
export function toLanguage(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag.trim().replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
}

// Every render of every widget asks about its zone; each answer is kept (a page names
// few zones), as finding out may build an Intl formatter.
const knownZones = new Map<string, boolean>();

/** True when `zone` is an IANA zone this browser knows. */
export function isTimeZone(zone: string): boolean {
  let known = knownZones.get(zone);
  if (known === undefined) {
    known = isZone(zone);
    knownZones.set(zone, known);
  }
  return known;
}

/**
 * The message-table key for a tag: `vi-VN` → `vi`, `en-GB` → `en`. A site that
 * registered its own table (see `defineMessages`) is matched as RFC 4647 lookup says:
 * the whole tag first, then ever shorter prefixes.
 */
export function lookupLocale(tag: string, available: Iterable<string>): string {
  const keys = [...available];
  // RFC 4647 lookup: the whole tag, then without its last subtag, and so on
  // (`zh-Hant-TW` finds a `zh-Hant` table).
  for (let t = tag.toLowerCase(); t; t = t.slice(0, Math.max(t.lastIndexOf('-'), 0))) {
    const found = keys.find((k) => k.toLowerCase() === t);
    if (found) return found;
  }
  return DEFAULT_LOCALE;
}

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
  const own = locale?.trim();
  if (own && toLanguage(own)) return own;
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang')?.trim();
      if (lang && toLanguage(lang)) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return DEFAULT_LOCALE;
}

/** A BCP 47 tag in canonical form, else undefined. */
export function toLanguage(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag.trim())[0];
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
 * registered its own table (see `defineMessages`) is matched first, exactly then by
 * its primary language.
 */
export function lookupLocale(tag: string, available: Iterable<string>): string {
  const keys = [...available];
  const lower = tag.toLowerCase();
  const exact = keys.find((k) => k.toLowerCase() === lower);
  if (exact) return exact;
  const primary = lower.split('-')[0];
  return keys.find((k) => k.toLowerCase() === primary) ?? DEFAULT_LOCALE;
}

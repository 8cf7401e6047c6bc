/**
 * Small helpers the RSS and Atom readers share (all in the lazy XML chunk): namespaced
 * child lookup, dates, counts and URLs with warnings, `xml:base`, Atom content (which
 * RSS items carry too), HTML to text, and the runtime the chunk's door (`parse-xml.ts`
 * `init`) is handed.
 */
import type { FeedRuntime } from './runtime.js';
import type { Attachment, ReadOptions } from './model.js';
import type { Warnings } from './values.js';
import { baseOf, innerHtml, type XmlElement } from './xml-node.js';
import { xmlMessages } from './xml-messages.js';
import { htmlText } from '../internal/html-text.js';
import { readDate } from './dates.js';

export { baseOf } from './xml-node.js';

/** What the readers borrow from the entry; set once, when the chunk's door opens. */
export let k: FeedRuntime;

/** Called by the door's `init`, once per page (the runtime never changes after). */
export function setRuntime(runtime: FeedRuntime): void {
  k = runtime;
}

/**
 * The items to read: the first `maxItems` in document order, with a warning at `path`
 * when there were more. (RSS and Atom generators list items in any order, and the
 * readers sort them newest first afterwards; JSON Feed keeps the newest, see parse-json.ts.)
 */
export function capItems<T>(
  items: readonly T[],
  options: ReadOptions,
  path: string,
  w: Warnings,
): readonly T[] {
  const max = k.maxItems(options);
  if (items.length <= max) return items;
  w.add(path, xmlMessages.tooManyItems(items.length, max));
  return items.slice(0, max);
}

export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  rss1: 'http://purl.org/rss/1.0/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  media: 'http://search.yahoo.com/mrss/',
  xhtml: 'http://www.w3.org/1999/xhtml',
  /** RSS 0.90's, which is deliberately not read (see `parse-xml.ts`). */
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  /** Atom 0.3's, which is deliberately not read either. */
  atom03: 'http://purl.org/atom/ns#',
} as const;

/**
 * The namespaces RSS's own elements may come in, besides none (RSS 0.91 to 2.0): RSS
 * 1.0's, and the ones Userland's RSS 2.0 drafts and some generators put on `<rss>`.
 */
const RSS_NAMESPACES: ReadonlySet<string | null> = new Set([
  null,
  NS.rss1,
  'http://backend.userland.com/rss2',
  'http://backend.userland.com/rss',
  'http://blogs.law.harvard.edu/tech/rss',
]);

/**
 * Direct children called `name` in namespace `ns` (`null`: RSS's own elements, which
 * have no namespace or one of `RSS_NAMESPACES`).
 */
export function kids(el: XmlElement, name: string, ns: string | null = null): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of el.children) {
    if (child.localName !== name) continue;
    const childNs = child.namespaceURI;
    if (ns === null ? RSS_NAMESPACES.has(childNs) : childNs === ns) out.push(child);
  }
  return out;
}

/** The text of the first child found among several names, in order (`[name, ns]` pairs). */
export function firstText(el: XmlElement, ...names: [string, string | null][]): string | undefined {
  for (const [name, ns] of names) {
    const text = kidText(el, name, ns);
    if (text !== undefined) return text;
  }
  return undefined;
}

export function kid(
  el: XmlElement,
  name: string,
  ns: string | null = null,
): XmlElement | undefined {
  return kids(el, name, ns)[0];
}

/** Trimmed text of the first such child; empty text counts as absent. */
export function kidText(
  el: XmlElement,
  name: string,
  ns: string | null = null,
): string | undefined {
  const text = kid(el, name, ns)?.textContent?.trim();
  return text ? text : undefined;
}

/** A URL field, resolved against the feed URL; bad ones are dropped with a warning. */
export function xmlUrl(
  raw: string | undefined | null,
  path: string,
  w: Warnings,
  base?: string,
): string | undefined {
  if (raw === undefined || raw === null || raw.trim() === '') return undefined;
  const checked = k.checkUrl(raw, base);
  if (!checked.ok) {
    w.add(path, checked.message);
    return undefined;
  }
  return checked.url;
}

/**
 * A date of any field (`pubDate`, `dc:date`, Atom's `published`…), in any form `dates.ts`
 * reads: feeds write RFC 3339 where RFC 822 belongs and the other way round. A date whose
 * zone is unknown is read in the declared zone (with a warning saying so) or dropped with
 * a warning: never guessed as UTC. Warnings quote the value.
 * @param declaredZone `ReadOptions.timeZone`.
 */
export function feedDate(
  raw: string | undefined,
  path: string,
  w: Warnings,
  declaredZone: string | undefined,
): Date | undefined {
  if (raw === undefined) return undefined;
  const read = readDate(raw, k.parseRfc3339, declaredZone);
  if (!read) w.add(path, xmlMessages.notDate(raw));
  else if ('unknownZone' in read) w.add(path, xmlMessages.unknownZone(raw));
  else {
    if (read.readIn) w.add(path, xmlMessages.zoneReadIn(raw, read.readIn));
    return read.date;
  }
  return undefined;
}

/**
 * The first readable date among several child elements, in order: a later one stands in
 * when an earlier one is missing or unreadable (each unreadable one is warned about).
 * @param fields `[name, namespace, label]`: the label names the field in warnings' paths.
 */
export function firstDate(
  el: XmlElement,
  path: string,
  w: Warnings,
  declaredZone: string | undefined,
  ...fields: [string, string | null, string][]
): Date | undefined {
  for (const [name, ns, label] of fields) {
    const date = feedDate(kidText(el, name, ns), `${path}.${label}`, w, declaredZone);
    if (date) return date;
  }
  return undefined;
}

/** A count (`length`, `fileSize`): a non-negative integer; else dropped with a warning quoting it. */
export function xmlCount(raw: string | null, path: string, w: Warnings): number | undefined {
  if (raw === null) return undefined;
  const count = k.toCount(raw);
  if (count === undefined) w.add(path, xmlMessages.notCount(raw));
  return count;
}

/**
 * "editor@example.com (Jane Doe)" → "Jane Doe"; other forms are kept as written. String
 * operations, not a regex: `\S+@\S+` backtracks quadratically on a long run of "@".
 */
export function rssAuthorName(raw: string): string {
  const text = raw.trim();
  const open = text.indexOf('(');
  if (open > 0 && text.endsWith(')')) {
    const email = text.slice(0, open).trim();
    const name = text.slice(open + 1, -1).trim();
    const at = email.indexOf('@');
    if (name && !name.includes('\n') && at > 0 && at < email.length - 1 && !/\s/.test(email))
      return name;
  }
  return text;
}

/** A body read from Atom content: HTML (to be sanitized) or plain text. */
export interface Body {
  html?: string;
  text?: string;
}

/** The inner markup of an xhtml construct's wrapping `<div>`, as HTML without namespace declarations. */
function xhtmlMarkup(el: XmlElement, base: string | undefined): string | undefined {
  const div = kid(el, 'div', NS.xhtml);
  return div ? innerHtml(div, baseOf(div, base)).trim() || undefined : undefined;
}

/**
 * An Atom `content` element as a body (RFC 4287 §4.1.3), in an Atom entry or an RSS item
 * (`atom:content`): `html` and `xhtml` (relative URLs resolved against the `xml:base` in
 * scope, see `innerHtml`), `text`; a media type: `text/html` is HTML, an XML type
 * (`…+xml`, `…/xml`) is its markup (for the sanitizer), other `text/…` is text, and any
 * other type is base64, decoded and shown as text when it is UTF-8 text (an image or
 * other binary is not shown, with a warning). Out-of-line content (`src`) is a link to
 * elsewhere, not a body to show.
 * @param base the base URL in scope on the element's parent.
 */
export function atomContent(
  content: XmlElement | undefined,
  path: string,
  w: Warnings,
  base: string | undefined,
): Body {
  if (!content || content.hasAttribute('src')) return {};
  const here = baseOf(content, base);
  const type = (content.getAttribute('type') ?? 'text').split(';')[0].trim().toLowerCase();
  const text = content.textContent.trim() || undefined;
  if (type === 'html' || type === 'text/html') return { html: text };
  if (type === 'xhtml') return { html: xhtmlMarkup(content, here) };
  if (type === 'text') return { text };
  // RFC 4287 §4.1.3.3 checks for an XML type before `text/` (`text/xml` is XML).
  if (type.endsWith('+xml') || type.endsWith('/xml'))
    return { html: innerHtml(content, here).trim() || undefined };
  if (type.startsWith('text/')) return { text };
  if (text === undefined) return {};
  let decoded: string | undefined;
  try {
    const binary = atob(text.replace(/\s/g, ''));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes).trim() || undefined;
  } catch {
    // Not base64, or not UTF-8 text once decoded (an image, a PDF): nothing to show.
  }
  if (decoded === undefined) w.add(path, xmlMessages.notShown(type));
  return { text: decoded };
}

/** Whether a MIME type / medium names an image. */
export function isImage(type: string | null, medium?: string | null): boolean {
  return medium === 'image' || (type ?? '').toLowerCase().startsWith('image/');
}

/**
 * Text of an HTML fragment (an RSS description, an Atom `type="html"` title), whitespace
 * collapsed. Read as a string (`htmlText`), never parsed into a document: no policy
 * needed, nothing the page's CSP could see, and only text leaves.
 */
export function htmlToText(markup: string): string {
  return htmlText(markup);
}

/** Media RSS: thumbnails and image contents are images, other contents are attachments. */
export function readMedia(
  el: XmlElement,
  path: string,
  w: Warnings,
  base: string | undefined,
  images: string[],
  attachments: Attachment[],
): void {
  const { assign } = k;
  const groups = [el, ...kids(el, 'group', NS.media)];
  for (const scope of groups) {
    for (const thumb of kids(scope, 'thumbnail', NS.media)) {
      const u = xmlUrl(thumb.getAttribute('url'), `${path}.media:thumbnail.url`, w, base);
      if (u) images.unshift(u);
    }
    for (const content of kids(scope, 'content', NS.media)) {
      const u = xmlUrl(content.getAttribute('url'), `${path}.media:content.url`, w, base);
      if (!u) continue;
      const type = content.getAttribute('type');
      if (isImage(type, content.getAttribute('medium'))) {
        images.push(u);
        continue;
      }
      const att: Attachment = { url: u };
      const bytes = xmlCount(content.getAttribute('fileSize'), `${path}.media:content.fileSize`, w);
      assign(att, {
        mimeType: type?.trim() || undefined,
        title: kidText(content, 'title', NS.media),
        sizeInBytes: bytes,
      });
      attachments.push(att);
    }
  }
}

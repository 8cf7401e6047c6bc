/**
 * Small helpers the RSS and Atom readers share (all in the lazy XML chunk): namespaced
 * child lookup, dates and URLs with warnings, HTML to text, and the runtime the chunk's
 * door (`parse-xml.ts` `init`) is handed.
 */
import type { FeedRuntime } from './runtime.js';
import type { Attachment, ReadOptions } from './model.js';
import type { Warnings } from './values.js';
import type { XmlElement } from './xml-tree.js';
import { xmlMessages } from './xml-messages.js';
import { htmlText } from '../internal/html-text.js';
import { readRfc822 } from './rfc822.js';

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
  media: 'http://search.yahoo.com/mrss/',
  xhtml: 'http://www.w3.org/1999/xhtml',
} as const;

/**
 * Direct children called `name` in namespace `ns` (`null`: no namespace; RSS 2.0
 * elements have none, RSS 1.0 ones live in its namespace, so both count for `null`).
 */
export function kids(el: XmlElement, name: string, ns: string | null = null): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of el.children) {
    if (child.localName !== name) continue;
    const childNs = child.namespaceURI;
    if (ns === null ? childNs === null || childNs === NS.rss1 : childNs === ns) out.push(child);
  }
  return out;
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
 * An RSS date: RFC 822, with RFC 3339 accepted too since many generators write it. A
 * date whose zone is unknown is read in the declared zone (with a warning saying so) or
 * dropped with a warning: never guessed as UTC. `declaredZone`: `ReadOptions.timeZone`.
 */
export function rssDate(
  raw: string | undefined,
  path: string,
  w: Warnings,
  declaredZone: string | undefined,
): Date | undefined {
  if (raw === undefined) return undefined;
  const read = readRfc822(raw, k.parseRfc3339, declaredZone);
  if (read && 'unknownZone' in read) {
    w.add(path, xmlMessages.unknownZone(raw));
    return undefined;
  }
  if (read?.readIn) w.add(path, xmlMessages.zoneReadIn(raw, read.readIn));
  const date = read?.date ?? k.parseRfc3339(raw);
  if (!date) w.add(path, xmlMessages.notRfc822());
  return date;
}

/** An Atom (or Dublin Core) date: RFC 3339. */
export function isoDate(raw: string | undefined, path: string, w: Warnings): Date | undefined {
  if (raw === undefined) return undefined;
  const date = k.parseRfc3339(raw);
  if (!date) w.add(path, k.messages.notRfc3339());
  return date;
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
  const { messages, assign, toCount } = k;
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
      const size = content.getAttribute('fileSize');
      const bytes = size === null ? undefined : toCount(size);
      if (size !== null && bytes === undefined)
        w.add(`${path}.media:content.fileSize`, messages.notCount());
      assign(att, {
        mimeType: type?.trim() || undefined,
        title: kidText(content, 'title', NS.media),
        sizeInBytes: bytes,
      });
      attachments.push(att);
    }
  }
}

/**
 * Feed text to model, for the loader: tells JSON Feed, RSS and Atom apart by the body (a
 * Content-Type is often wrong: feeds get served as text/plain or text/html) and reads
 * JSON Feed at once. The XML readers and the JSON error describer are lazy chunks,
 * fetched the first time a feed needs them. `parse.ts` is the synchronous, all-in-one
 * form of the same for the npm API.
 */
import type { ParsedFeed, ReadOptions } from './model.js';

export type { ParsedFeed } from './model.js';
import { FeedError, messages } from './errors.js';
import { chunk } from '../internal/lazy.js';
import { feedRuntime } from './runtime.js';
import { readJsonFeed } from './parse-json.js';

/** Options for reading feed text. */
export interface ParseOptions extends ReadOptions {
  /** The response's Content-Type: only consulted when the body itself does not say. */
  contentType?: string | null;
}

/**
 * Which reader a document needs, and its text for that reader. An HTML page goes to the
 * XML readers, which say what it is (`looksLikeHtml` in parse-xml.ts).
 * @throws FeedError for an empty body.
 */
export function sniff(text: string, contentType?: string | null): { xml: boolean; text: string } {
  // JSON.parse refuses a byte order mark; byte offsets count from after it, as fetch strips it too.
  const json = text.replace(/^\uFEFF/, '');
  const body = json.trimStart();
  if (body === '') throw new FeedError(messages.empty());
  const first = body[0];
  if (first === '{' || first === '[') return { xml: false, text: json };
  // Markup: the XML readers' chunk tells a feed from an HTML page (`looksLikeHtml`).
  if (first === '<') return { xml: true, text: body };
  // Neither JSON nor markup at the start: report it the way the server claimed it.
  return /xml/i.test(contentType ?? '') ? { xml: true, text: body } : { xml: false, text: json };
}

/** JSON text read as a JSON Feed; undefined when it is not JSON at all (`notJson` says why). */
export function readJsonText(text: string, options: ReadOptions = {}): ParsedFeed | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  return readJsonFeed(doc, options);
}

// The `parse-xml` chunk imports HTML text and the newest-first order from `extras`.
// Asking for both at once keeps an RSS page's first paint at one round trip after the
// entry, not a waterfall of two; the browser loads each module once.
const xmlReaders = chunk(
  () =>
    Promise.all([import('./parse-xml.js'), import('../internal/html-text.js')]).then(
      ([door]) => door,
    ),
  feedRuntime,
);
const jsonErrors = chunk(() => import('./json-error.js'), feedRuntime);

/**
 * Hints that a body may not be UTF-8: a NUL (UTF-16 or UTF-32 read as UTF-8), or a
 * `charset` or XML `encoding` that names something else.
 */
const OTHER_ENCODING = /\0|(?:charset|encoding)\s*=\s*["']?(?!utf-?8)/i;

/**
 * A response body as text. Nearly every feed is UTF-8, read here at once; a body whose
 * bytes or headers hint at another encoding (see above, or bytes that are not UTF-8) is
 * decoded by the XML chunk (`encoding.ts`: byte order marks, the HTTP charset, the XML
 * declaration), since such a body is XML and needs that chunk next anyway (JSON is UTF-8:
 * one that lands there, with a wrong charset or a damaged byte, is read as UTF-8). If the
 * chunk cannot load, the UTF-8 reading stands.
 * @param contentType the response's Content-Type, whose charset counts.
 */
export async function bodyText(bytes: Uint8Array, contentType?: string | null): Promise<string> {
  const text = new TextDecoder().decode(bytes);
  if (!text.includes('\ufffd') && !OTHER_ENCODING.test(`${contentType}${text.slice(0, 512)}`))
    return text;
  return xmlReaders().then(
    (x) => x.decodeFeed(bytes, contentType),
    () => text,
  );
}

/**
 * Starts loading the XML readers when a feed's URL says it is RSS or Atom
 * (`….xml`, `….rss`, `….atom`), so they arrive while the feed downloads instead of after
 * it. A URL that says nothing costs nothing: the body still decides, on arrival.
 */
export function expectFormat(url: string): void {
  let path: string;
  try {
    path = new URL(url, 'http://x/').pathname;
  } catch {
    return;
  }
  if (/\.(?:xml|rss|atom)$/i.test(path)) void xmlReaders().catch(() => undefined);
}

/**
 * Reads a feed document of any supported format.
 * @throws FeedError (as a rejection) when the text is not a usable feed; the message
 *   says what and where.
 */
export async function readFeedText(text: string, options: ParseOptions = {}): Promise<ParsedFeed> {
  const doc = sniff(text, options.contentType);
  if (doc.xml) return (await xmlReaders()).readXml(doc.text, options);
  const parsed = readJsonText(doc.text, options);
  if (parsed) return parsed;
  throw (await jsonErrors()).notJson(doc.text);
}

/**
 * `parseFeed`: feed text of any supported format (JSON Feed, RSS, Atom) to the model, in
 * one synchronous call, for the npm API. The widgets and `loadFeed` use `read.ts`, which
 * loads the XML readers and the JSON error describer only when a feed needs them.
 */
import { notJson } from './json-error.js';
import { init as xmlReaders } from './parse-xml.js';
import { feedRuntime } from './runtime.js';
import { readJsonText, sniff, type ParseOptions, type ParsedFeed } from './read.js';

export type { ParseOptions, ParsedFeed } from './read.js';
export { toArticle, toFeed } from './convert.js';

/**
 * Reads a feed document of any supported format.
 * @param body the document: text, or the bytes of a response (`await res.arrayBuffer()`),
 *   whose encoding is found as `loadFeed` finds it (byte order mark, UTF-16/32 pattern,
 *   `options.contentType`'s charset, the XML declaration; else UTF-8).
 * @throws FeedError when the text is not a usable feed; the message says what and where.
 */
export function parseFeed(
  body: string | Uint8Array | ArrayBuffer,
  options: ParseOptions = {},
): ParsedFeed {
  const xml = xmlReaders(feedRuntime);
  const text =
    typeof body === 'string'
      ? body
      : xml.decodeFeed(
          body instanceof Uint8Array ? body : new Uint8Array(body),
          options.contentType,
        );
  const doc = sniff(text, options.contentType);
  if (doc.xml) return xml.readXml(doc.text, options);
  const parsed = readJsonText(doc.text, options);
  if (parsed) return parsed;
  throw notJson(doc.text, feedRuntime);
}

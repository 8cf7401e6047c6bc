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
 * @throws FeedError when the text is not a usable feed; the message says what and where.
 */
export function parseFeed(text: string, options: ParseOptions = {}): ParsedFeed {
  const doc = sniff(text, options.contentType);
  if (doc.xml) return xmlReaders(feedRuntime).readXml(doc.text, options);
  const parsed = readJsonText(doc.text, options);
  if (parsed) return parsed;
  throw notJson(doc.text, feedRuntime);
}

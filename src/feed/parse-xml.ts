/**
 * The XML feed readers' door (a lazy chunk): parses RSS 2.0, RSS 1.0 and Atom 1.0 text
 * inertly, through the `civic-widgets` Trusted Types policy (a `DOMParser` is a sink
 * even for XML), and hands the document to its reader.
 */
import type { ParsedFeed } from './read.js';
import type { ReadOptions } from './parse-json.js';
import type { FeedKit } from './kit.js';
import { parseInert } from '../content/policy.js';
import { readAtom } from './parse-atom.js';
import { readRss } from './parse-rss.js';
import { NS, useKit } from './xml.js';

/**
 * Reads an RSS or Atom document, with the entry's helpers in `kit`.
 * @throws FeedError (the kit's) when the text is not a usable XML feed.
 */
export function readXml(text: string, options: ReadOptions, kit: FeedKit): ParsedFeed {
  useKit(kit);
  const { FeedError, messages } = kit;
  const doc = parseInert(text, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new FeedError(messages.notXml(describeXmlError(error.textContent ?? '')));
  const root = doc.documentElement;
  if (root.localName === 'html') throw new FeedError(messages.html());
  if (root.localName === 'rss' || (root.localName === 'RDF' && root.namespaceURI === NS.rdf))
    return readRss(doc, options);
  if (root.localName === 'feed' && root.namespaceURI === NS.atom) return readAtom(doc, options);
  throw new FeedError(messages.notXmlFeed(root.tagName));
}

/** Chromium: "…error on line 3 at column 5: Opening and ending tag mismatch…" → a short plain form. */
function describeXmlError(raw: string): string {
  const m = /error on line (\d+) at column (\d+): ([^\n]+?)\s*(?:Below is|$)/m.exec(raw);
  if (m) return `${lowerFirst(m[3].trim())} at line ${m[1]}, column ${m[2]}`;
  const line = raw.split('\n').find((l) => l.trim() !== '') ?? 'malformed document';
  return lowerFirst(line.trim());
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

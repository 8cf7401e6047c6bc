/**
 * The XML feed readers' door (a lazy chunk): parses RSS 2.0, RSS 1.0 and Atom 1.0 text
 * with the chunk's own XML reader (`xml-tree.ts`: no DTD entity is ever expanded, no
 * document is created, so neither Trusted Types nor the page's CSP is involved) and
 * hands the tree to its reader. It also decodes bodies that are not UTF-8
 * (`encoding.ts`): such a body is XML (JSON is UTF-8), so it needs this chunk next anyway.
 */
import type { ParsedFeed, ReadOptions } from './model.js';
import type { FeedRuntime } from './runtime.js';
import { readAtom } from './parse-atom.js';
import { readRss } from './parse-rss.js';
import { decodeFeed } from './encoding.js';
import { NS, k, setRuntime } from './xml.js';
import { xmlMessages } from './xml-messages.js';
import type { XmlDocument, XmlElement, XmlError } from './xml-node.js';
import { parseXml } from './xml-tree.js';

/** The chunk's door (see `src/internal/lazy.ts`). */
export function init(runtime: FeedRuntime): {
  readXml: typeof readXml;
  decodeFeed: typeof decodeFeed;
} {
  setRuntime(runtime);
  return { readXml, decodeFeed };
}

/** An HTML page's first tag; sticky, tried where the leading comments end. */
const HTML_TAG = /<(?:!doctype\s+html|html|head|body)[\s>]/iy;

/**
 * Whether `body` starts like an HTML page, after any comments. The comments are skipped
 * with `indexOf`: one regex for "comments, then a tag" backtracks exponentially on a few
 * dozen empty `<!---->` (issue #10). Here, not in the entry: only a body that starts with
 * `<` is asked, and such a body needs this chunk anyway.
 */
export function looksLikeHtml(body: string): boolean {
  let i = 0;
  while (body.startsWith('<!--', i)) {
    const end = body.indexOf('-->', i + 4);
    if (end < 0) return false;
    i = end + 3;
    while (i < body.length && /\s/.test(body[i])) i++;
  }
  HTML_TAG.lastIndex = i;
  return HTML_TAG.test(body);
}

/**
 * Reads an RSS or Atom document. A document that breaks part-way (a truncated file, a
 * stray `&`-less tag) keeps the items completed before the break, with a warning, like
 * the lenient feed readers; it fails only when no item survives. Call `init` first.
 * @throws FeedError (the runtime's) when the text is not a usable XML feed.
 */
function readXml(text: string, options: ReadOptions): ParsedFeed {
  const { FeedError } = k;
  if (looksLikeHtml(text)) throw new FeedError(xmlMessages.html());
  const doc = parseXml(text);
  const root = doc.documentElement;
  const broken = doc.error && describe(doc.error);
  if (!root || (broken && !isFeedRoot(root))) throw new FeedError(xmlMessages.notXml(broken ?? ''));
  if (root.localName === 'html') throw new FeedError(xmlMessages.html());
  const old = notRead(root);
  if (old) throw new FeedError(xmlMessages.notRead(old));
  if (broken) dropUnfinished(doc);
  let parsed: ParsedFeed;
  if (root.localName === 'rss' || (root.localName === 'RDF' && root.namespaceURI === NS.rdf))
    parsed = readRss({ documentElement: root }, options);
  else if (root.localName === 'feed' && root.namespaceURI === NS.atom)
    parsed = readAtom({ documentElement: root }, options);
  else throw new FeedError(xmlMessages.notXmlFeed(root.tagName));
  if (broken) {
    if (!parsed.feed.items.length) throw new FeedError(xmlMessages.notXml(broken));
    parsed.warnings.unshift({ path: 'document', message: xmlMessages.brokenXml(broken) });
  }
  return parsed;
}

/**
 * The formats deliberately not read, named so the error says what the feed is: Atom 0.3
 * (superseded by Atom 1.0 in 2005, its dates and content modes differ), RSS 0.90 (1999,
 * superseded by 0.91 the same year) and Microsoft's CDF. Feeds in them are rare and their
 * publishers also offer RSS 2.0 or Atom 1.0.
 */
function notRead(root: XmlElement): string | undefined {
  if (root.localName === 'feed' && root.namespaceURI === NS.atom03) return 'Atom 0.3';
  if (root.localName === 'RDF' && root.children.some((c) => c.namespaceURI === NS.rss090))
    return 'RSS 0.90';
  if (root.tagName === 'CHANNEL') return 'CDF (Channel Definition Format)';
  return undefined;
}

function isFeedRoot(root: XmlElement): boolean {
  return ['rss', 'RDF', 'feed'].includes(root.localName);
}

/**
 * After a fatal error: the elements it left open are kept when they are containers (the
 * root, the RSS channel) and dropped from the first other one down (the item or entry
 * the break cut in two), so no half-read item is shown.
 */
function dropUnfinished(doc: XmlDocument): void {
  const cut = doc.open.findIndex((el, i) => i > 0 && el.localName !== 'channel');
  if (cut < 1) return;
  const parent = doc.open[cut - 1];
  const el = doc.open[cut];
  parent.children.splice(parent.children.indexOf(el), 1);
  parent.nodes.splice(parent.nodes.indexOf(el), 1);
}

/** "opening and ending tag mismatch: item and channel at line 3, column 5". */
function describe(error: XmlError): string {
  return `${error.reason} at line ${error.line}, column ${error.column}`;
}

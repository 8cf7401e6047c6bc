/**
 * A small XML reader for feeds (in the lazy XML chunk), in place of `DOMParser`:
 * - it never expands a DTD entity: the `<!DOCTYPE>` and its internal subset are skipped,
 *   so a "billion laughs" or one huge entity referenced 5,000 times costs what its text
 *   costs (Chromium's parser expands them and can crash the tab);
 * - it creates no document, so it needs no Trusted Types policy and the page's CSP never
 *   sees the feed's markup;
 * - it is lenient where feed readers are: a namespace prefix used without its `xmlns`
 *   (`content:`, `atom:`, `itunes:`…) is read by its usual name, an HTML character
 *   reference (`&nbsp;`, which RSS 0.91's DTD declared) is read as HTML does, and at a
 *   fatal error it keeps the tree built so far and says where it broke;
 * - it is linear in the text and iterative, so no nesting depth overflows the stack.
 *
 * What it does not do: validate, read external DTDs (never fetched), or expand an entity
 * declared in the document (such references stay as their text, `&name;`).
 *
 * The tree it builds, and its writing out as HTML, are `xml-node.ts`.
 */
import { namedCharacter, numericCharacter } from '../internal/html-text.js';
import { XMLNS_NS, XML_NS, XmlElement, type XmlAttribute, type XmlDocument } from './xml-node.js';

/** Namespaces of the well-known prefixes, for a prefix the document forgot to declare. */
const KNOWN_PREFIXES = new Map([
  ['atom', 'http://www.w3.org/2005/Atom'],
  ['content', 'http://purl.org/rss/1.0/modules/content/'],
  ['dc', 'http://purl.org/dc/elements/1.1/'],
  ['dcterms', 'http://purl.org/dc/terms/'],
  ['media', 'http://search.yahoo.com/mrss/'],
  ['itunes', 'http://www.itunes.com/dtds/podcast-1.0.dtd'],
  ['rdf', 'http://www.w3.org/1999/02/22-rdf-syntax-ns#'],
  ['xhtml', 'http://www.w3.org/1999/xhtml'],
]);

/**
 * How deep elements may nest. Feeds need a handful of levels (an XHTML body a few dozen);
 * the limit keeps a hostile document's open-element bookkeeping small.
 */
export const MAX_DEPTH = 512;
const NONE: string[] = [];
const NO_ATTRIBUTES: readonly XmlAttribute[] = [];

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
/** Characters that end a name: whitespace, `/`, `>`, `=`, quotes, `<`. */
const endsName = (c: number) =>
  isSpace(c) || c === 0x2f || c === 0x3e || c === 0x3d || c === 0x22 || c === 0x27 || c === 0x3c;

/** `&…;` references in text: the five XML ones and numeric ones; HTML 4's names leniently. */
function decodeXml(text: string, attribute: boolean): string {
  const normal = attribute ? text.replace(/[\t\n\r]/g, ' ') : text;
  if (!normal.includes('&')) return normal;
  return normal.replace(
    // Leading zeros are allowed (`&#0065;` is "A"), and are not digits of the number.
    /&(?:#0*(\d{1,10})|#x0*([\da-fA-F]{1,8})|([A-Za-z_][\w.-]{0,63}));/g,
    (whole, dec?: string, hex?: string, name?: string) =>
      name === undefined
        ? numericCharacter(dec ?? hex!, dec === undefined)
        : // The five predefined XML entities are HTML 4 names too. A custom entity stays as
          // written: its declaration was never read, so nothing can expand.
          (namedCharacter(name) ?? whole),
  );
}

class Fail extends Error {
  readonly reason: string;
  constructor(
    reason: string,
    readonly at: number,
  ) {
    // The names in a reason are the feed's own text: a 100 KB tag name is cut short here,
    // as every other message cuts what it quotes.
    const short = reason.length > 200 ? `${reason.slice(0, 199)}…` : reason;
    super(short);
    this.reason = short;
  }
}

/** Line and column (1-based, in characters) of `index` in `text`. */
function position(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}

/**
 * The namespace bindings in scope: for each prefix (`''` for the default), the URIs its
 * open elements declared, innermost last. Lookups and scope ends cost O(1), whatever the
 * depth (a chain walk would be quadratic on deep hostile nesting).
 */
class Bindings {
  readonly #uris = new Map<string, (string | null)[]>();

  declare(prefix: string, uri: string | null): void {
    let list = this.#uris.get(prefix);
    if (!list) this.#uris.set(prefix, (list = []));
    list.push(uri);
  }

  undeclare(prefix: string): void {
    this.#uris.get(prefix)?.pop();
  }

  /** The URI of `prefix`: undefined when it is not declared. */
  lookup(prefix: string): string | null | undefined {
    const list = this.#uris.get(prefix);
    return list?.length ? list[list.length - 1] : undefined;
  }

  resolve(prefix: string): string | null {
    if (prefix === 'xml') return XML_NS;
    if (prefix === 'xmlns') return XMLNS_NS;
    const found = this.lookup(prefix);
    if (found !== undefined) return found;
    // An undeclared prefix: its usual namespace when it is a well-known one, else a name
    // of its own, so `foo:title` is never taken for a plain `title`.
    return KNOWN_PREFIXES.get(prefix) ?? `urn:x-undeclared-prefix:${prefix}`;
  }
}

function splitName(name: string): [string, string] {
  const colon = name.indexOf(':');
  return colon > 0 ? [name.slice(0, colon), name.slice(colon + 1)] : ['', name];
}

/** The index after a `<!DOCTYPE …>` that starts at `at`, internal subset and all (skipped, never read). */
function skipDoctype(s: string, at: number): number {
  const n = s.length;
  let i = at + 9;
  let subset = false;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x27) {
      const close = s.indexOf(c === 0x22 ? '"' : "'", i + 1);
      if (close < 0) break;
      i = close + 1;
    } else if (subset && s.startsWith('<!--', i)) {
      const close = s.indexOf('-->', i + 4);
      if (close < 0) break;
      i = close + 3;
    } else if (c === 0x5b) {
      subset = true;
      i++;
    } else if (c === 0x5d) {
      subset = false;
      i++;
    } else if (c === 0x3e && !subset) {
      return i + 1;
    } else i++;
  }
  throw new Fail('unterminated DOCTYPE declaration', at);
}

/**
 * Parses XML text. Never throws: a fatal error ends the parse and is returned with the
 * elements read before it.
 */
export function parseXml(input: string): XmlDocument {
  // XML 1.0 §2.11: every line break reads as "\n".
  const s = input.includes('\r') ? input.replace(/\r\n?/g, '\n') : input;
  const n = s.length;
  const stack: XmlElement[] = [];
  /** Per open element, the prefixes it declared. */
  const declared: string[][] = [];
  const bindings = new Bindings();
  let root: XmlElement | undefined;
  let i = 0;

  const text = (value: string) => {
    const top = stack[stack.length - 1];
    if (top) top.nodes.push(value);
    else if (value.trim() !== '') throw new Fail(`text outside the root element`, i);
  };

  try {
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        text(s.slice(i));
        break;
      }
      if (lt > i) {
        const raw = s.slice(i, lt);
        if (stack.length) text(decodeXml(raw, false));
        else if (raw.trim() !== '') throw new Fail('text outside the root element', i);
      }
      i = lt;
      if (s.startsWith('<?', i)) {
        const close = s.indexOf('?>', i + 2);
        if (close < 0) throw new Fail('unterminated processing instruction', i);
        i = close + 2;
      } else if (s.startsWith('<!--', i)) {
        const close = s.indexOf('-->', i + 4);
        if (close < 0) throw new Fail('unterminated comment', i);
        i = close + 3;
      } else if (s.startsWith('<![CDATA[', i)) {
        const close = s.indexOf(']]>', i + 9);
        if (close < 0) throw new Fail('unterminated CDATA section', i);
        if (!stack.length) throw new Fail('CDATA outside the root element', i);
        text(s.slice(i + 9, close));
        i = close + 3;
      } else if (s.startsWith('<!', i)) {
        // Only a DOCTYPE may start so (`<!ENTITY` outside one is not XML); any case, as
        // some generators write `<!doctype`.
        if (s.slice(i + 2, i + 9).toUpperCase() !== 'DOCTYPE')
          throw new Fail('invalid markup declaration', i);
        if (root) throw new Fail('DOCTYPE after the root element', i);
        i = skipDoctype(s, i);
      } else if (s.startsWith('</', i)) {
        const close = s.indexOf('>', i + 2);
        if (close < 0) throw new Fail('unterminated end tag', i);
        const name = s.slice(i + 2, close).trim();
        const top = stack[stack.length - 1];
        if (!top) throw new Fail(`end tag </${name}> without a start tag`, i);
        if (top.tagName !== name)
          throw new Fail(`opening and ending tag mismatch: ${top.tagName} and ${name}`, i);
        top.closed = true;
        stack.pop();
        for (const prefix of declared.pop() ?? []) bindings.undeclare(prefix);
        i = close + 1;
      } else {
        i = startTag(i);
      }
    }
    if (stack.length)
      throw new Fail(`premature end of data in tag ${stack[stack.length - 1].tagName}`, n);
    if (!root) throw new Fail('no root element', n);
  } catch (error) {
    if (!(error instanceof Fail)) throw error;
    const { line, column } = position(s, Math.min(error.at, n));
    return {
      documentElement: root,
      error: { reason: error.reason, line, column },
      open: stack.slice(),
    };
  }
  return { documentElement: root, error: undefined, open: [] };

  /** Reads the start tag at `at`; returns the index after it. */
  function startTag(at: number): number {
    // (A closure over the parse state: one call per start tag, allocating only what the tag has.)
    let j = at + 1;
    while (j < n && !endsName(s.charCodeAt(j))) j++;
    const qname = s.slice(at + 1, j);
    if (qname === '') throw new Fail('invalid element name', at + 1);
    if (root && !stack.length) throw new Fail('extra content at the end of the document', at);
    const raw: { name: string; value: string }[] = [];
    // A duplicate check that stays linear on a hostile tag with thousands of attributes.
    let seen: Set<string> | undefined;
    let selfClosing = false;
    for (;;) {
      const before = j;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (j >= n) throw new Fail(`premature end of data in tag ${qname}`, n);
      const c = s.charCodeAt(j);
      if (c === 0x3e) {
        j++;
        break;
      }
      if (c === 0x2f) {
        if (s.charCodeAt(j + 1) !== 0x3e)
          throw new Fail(`expected ">" after "/" in ${qname}`, j + 1);
        selfClosing = true;
        j += 2;
        break;
      }
      if (j === before) throw new Fail(`attributes construct error in ${qname}`, j);
      const nameStart = j;
      while (j < n && !endsName(s.charCodeAt(j))) j++;
      const name = s.slice(nameStart, j);
      if (name === '') throw new Fail(`attributes construct error in ${qname}`, j);
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (s.charCodeAt(j) !== 0x3d)
        throw new Fail(`specification mandates value for attribute ${name}`, j);
      j++;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      const q = s.charCodeAt(j);
      if (q !== 0x22 && q !== 0x27) throw new Fail(`attribute ${name}: quote expected`, j);
      const close = s.indexOf(q === 0x22 ? '"' : "'", j + 1);
      if (close < 0) throw new Fail(`attribute ${name}: unterminated value`, j);
      const value = s.slice(j + 1, close);
      if (value.includes('<'))
        throw new Fail(`unescaped "<" in attribute ${name}`, j + 1 + value.indexOf('<'));
      if (raw.length > 8) seen ??= new Set(raw.map((a) => a.name));
      if (seen ? seen.has(name) : raw.some((a) => a.name === name))
        throw new Fail(`attribute ${name} redefined`, nameStart);
      seen?.add(name);
      raw.push({ name, value: decodeXml(value, true) });
      j = close + 1;
    }

    // Namespaces: this element's declarations first, then its name and attributes.
    let mine = NONE;
    for (const a of raw) {
      const prefix =
        a.name === 'xmlns' ? '' : a.name.startsWith('xmlns:') ? a.name.slice(6) : undefined;
      if (prefix === undefined) continue;
      bindings.declare(prefix, a.value || null);
      if (mine === NONE) mine = [];
      mine.push(prefix);
    }
    const [prefix, local] = splitName(qname);
    const ns = prefix ? bindings.resolve(prefix) : (bindings.lookup('') ?? null);
    const attributes =
      raw.length === 0
        ? NO_ATTRIBUTES
        : raw.map(({ name, value }): XmlAttribute => {
            const [p, l] = splitName(name);
            return {
              name,
              localName: name === 'xmlns' ? 'xmlns' : l,
              namespaceURI: name === 'xmlns' ? XMLNS_NS : p ? bindings.resolve(p) : null,
              value,
            };
          });
    const el = new XmlElement(qname, local, ns, attributes);
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.children.push(el);
      parent.nodes.push(el);
    } else root = el;
    if (selfClosing) {
      el.closed = true;
      for (const p of mine) bindings.undeclare(p);
    } else {
      if (stack.length >= MAX_DEPTH)
        throw new Fail(`elements nested deeper than ${MAX_DEPTH} levels`, at);
      stack.push(el);
      declared.push(mine);
    }
    return j;
  }
}

/**
 * The tree the feed XML reader (`xml-tree.ts`) builds: elements with the part of the
 * DOM `Element` interface the feed readers use, and the writing out of an element's
 * content as HTML (Atom `type="xhtml"` content). In the lazy XML chunk.
 */

export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
/** The `xml:` prefix's namespace (`xml:lang`, `xml:base`), bound in every document. */
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** One attribute: its name as written, and its namespace once the prefixes are known. */
export interface XmlAttribute {
  readonly name: string;
  readonly localName: string;
  namespaceURI: string | null;
  readonly value: string;
}

/**
 * An element, with the part of the DOM `Element` interface the feed readers use
 * (`children`, `localName`, `namespaceURI`, `getAttribute`…), so they read the same
 * whichever parser built the tree.
 */
export class XmlElement {
  /** Child elements, in order. */
  readonly children: XmlElement[] = [];
  /** Child elements and text, in order. */
  readonly nodes: (XmlElement | string)[] = [];
  /** Whether its end tag was read (false for an element a broken document left open). */
  closed = false;

  constructor(
    /** The qualified name, as written (`dc:creator`). */
    readonly tagName: string,
    readonly localName: string,
    readonly namespaceURI: string | null,
    readonly attributes: readonly XmlAttribute[],
  ) {}

  /** The value of the attribute with this qualified name (as written), else null. */
  getAttribute(name: string): string | null {
    for (const a of this.attributes) if (a.name === name) return a.value;
    return null;
  }

  getAttributeNS(ns: string | null, localName: string): string | null {
    for (const a of this.attributes)
      if (a.localName === localName && a.namespaceURI === ns) return a.value;
    return null;
  }

  hasAttribute(name: string): boolean {
    return this.getAttribute(name) !== null;
  }

  /** All the text inside, as the DOM's `textContent` (walked without recursion). */
  get textContent(): string {
    const out: string[] = [];
    const stack: (XmlElement | string)[] = [this];
    while (stack.length) {
      const node = stack.pop()!;
      if (typeof node === 'string') out.push(node);
      else for (let i = node.nodes.length - 1; i >= 0; i--) stack.push(node.nodes[i]);
    }
    return out.join('');
  }
}

/** Where and why a document stopped being XML. */
export interface XmlError {
  readonly reason: string;
  readonly line: number;
  readonly column: number;
}

/** A parsed document: its root element (absent when none was read) and the first fatal error. */
export interface XmlDocument {
  readonly documentElement: XmlElement | undefined;
  readonly error: XmlError | undefined;
  /** Elements the error left open, outermost first. */
  readonly open: readonly XmlElement[];
}

/** HTML elements that have no end tag. */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

const escapeText = (t: string) =>
  t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (t: string) => escapeText(t).replace(/"/g, '&quot;');

/** Attributes that hold a URL in HTML: resolved against the XML base in scope. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'poster', 'action', 'longdesc']);

/**
 * `url` resolved against `base`; as written when either does not parse, or when it is
 * only a fragment (`#note-1` points into the article itself, wherever it is shown).
 */
function resolve(url: string, base: string): string {
  if (url.trim().startsWith('#')) return url;
  try {
    return new URL(url.trim(), base).href;
  } catch {
    return url;
  }
}

/**
 * The base URL in scope on `el` (XML Base, which RFC 4287 §2 names for Atom): its
 * `xml:base` resolved against the parent's, else the parent's. A base that does not
 * parse is passed over.
 */
export function baseOf(el: XmlElement, parent: string | undefined): string | undefined {
  const raw = el.getAttributeNS(XML_NS, 'base')?.trim();
  if (!raw) return parent;
  try {
    return new URL(raw, parent).href;
  } catch {
    return parent;
  }
}

/**
 * The content of `el` written out as HTML (for Atom `type="xhtml"` content, which goes on
 * to the sanitizer): names as written, namespace declarations and `xml:` attributes
 * dropped, void elements without end tags and empty others with one (`<p/>` would stay
 * open in HTML).
 * @param base the base URL in scope on `el` (RFC 4287 §2: the document's URL, or an
 *   `xml:base`): relative `href`, `src`… inside are resolved against it, and against
 *   the `xml:base` of any element inside. Without it, they are kept as written.
 */
export function innerHtml(el: XmlElement, base?: string): string {
  const out: string[] = [];
  // Iterative: an element is entered (its start tag), then its end tag is popped later.
  type Item = { node: XmlElement | string; base: string | undefined } | { close: string };
  const stack: Item[] = [];
  const enter = (parent: XmlElement, at: string | undefined) => {
    for (let i = parent.nodes.length - 1; i >= 0; i--)
      stack.push({ node: parent.nodes[i], base: at });
  };
  enter(el, base);
  while (stack.length) {
    const item = stack.pop()!;
    if ('close' in item) {
      out.push(item.close);
      continue;
    }
    const { node } = item;
    if (typeof node === 'string') {
      out.push(escapeText(node));
      continue;
    }
    const here = baseOf(node, item.base);
    const name = node.localName;
    const attrs = node.attributes
      .filter((a) => a.namespaceURI !== XMLNS_NS && a.namespaceURI !== XML_NS)
      .map((a) => {
        const value =
          here !== undefined && URL_ATTRIBUTES.has(a.localName.toLowerCase())
            ? resolve(a.value, here)
            : a.value;
        return ` ${a.name}="${escapeAttr(value)}"`;
      })
      .join('');
    out.push(`<${name}${attrs}>`);
    if (VOID.has(name.toLowerCase()) && node.nodes.length === 0) continue;
    stack.push({ close: `</${name}>` });
    enter(node, here);
  }
  return out.join('');
}

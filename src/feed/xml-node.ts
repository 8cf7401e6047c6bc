/**
 * The tree the feed XML reader (`xml-tree.ts`) builds: elements with the part of the
 * DOM `Element` interface the feed readers use, and the writing out of an element's
 * content as HTML (Atom `type="xhtml"` content). In the lazy XML chunk.
 */

export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

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

/**
 * The content of `el` written out as HTML (for Atom `type="xhtml"` content, which goes on
 * to the sanitizer): names as written, namespace declarations dropped, void elements
 * without end tags and empty others with one (`<p/>` would stay open in HTML).
 */
export function innerHtml(el: XmlElement): string {
  const out: string[] = [];
  // Iterative: an element is entered (its start tag), then its end tag is popped later.
  const stack: (XmlElement | string | { close: string })[] = [];
  for (let i = el.nodes.length - 1; i >= 0; i--) stack.push(el.nodes[i]);
  while (stack.length) {
    const node = stack.pop()!;
    if (typeof node === 'string') out.push(escapeText(node));
    else if (!(node instanceof XmlElement)) out.push(node.close);
    else {
      const name = node.localName;
      const attrs = node.attributes
        .filter((a) => a.namespaceURI !== XMLNS_NS)
        .map((a) => ` ${a.name}="${escapeAttr(a.value)}"`)
        .join('');
      out.push(`<${name}${attrs}>`);
      if (VOID.has(name.toLowerCase()) && node.nodes.length === 0) continue;
      stack.push({ close: `</${name}>` });
      for (let i = node.nodes.length - 1; i >= 0; i--) stack.push(node.nodes[i]);
    }
  }
  return out.join('');
}

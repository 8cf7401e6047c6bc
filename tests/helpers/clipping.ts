/**
 * WCAG 1.4.10 (reflow) and 1.4.12 (text spacing) in the test suite: find text that a
 * box cuts off, looking inside shadow roots, and apply the text-spacing overrides the
 * way a reader's bookmarklet would, inside shadow roots too.
 */

/** One clipped box. */
export interface Clipped {
  /** `overflow`: hidden or clipped content; `ellipsis`: text-overflow cut a line;
   *  `line-clamp`: -webkit-line-clamp stopped the text after `lines` lines; `outside`:
   *  text sticking out of the root box (off the side of a 320 px screen). */
  kind: 'overflow' | 'ellipsis' | 'line-clamp' | 'outside';
  element: Element;
  /** The clamp's line count, for `line-clamp`. */
  lines?: number;
  /** Where it is: host tags and the element's tag and classes. */
  path: string;
  /** The start of the text it holds. */
  text: string;
  /** Scroll size against client size, for the report. */
  size: string;
}

/** Every element under `root`, crossing into open shadow roots, skipping what is not rendered. */
function* walk(root: ParentNode): Generator<Element> {
  for (const el of Array.from(root.children)) {
    if (el.getClientRects().length === 0 && getComputedStyle(el).display !== 'contents') continue;
    yield el;
    if (el.shadowRoot) yield* walk(el.shadowRoot);
    yield* walk(el);
  }
}

/** The text an element shows, light and shadow children together (not slotted twice). */
function shownText(el: Element): string {
  const own = el.shadowRoot ? (el.shadowRoot.textContent ?? '') : '';
  return `${own} ${el.textContent ?? ''}`.replace(/\s+/g, ' ').trim();
}

function describe(el: Element): string {
  const parts: string[] = [];
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element) {
      if (node === el || node.tagName.includes('-'))
        parts.unshift(
          `${node.tagName.toLowerCase()}${node.classList.length ? `.${Array.from(node.classList).join('.')}` : ''}`,
        );
      node = node.parentNode;
    } else if (node instanceof ShadowRoot) node = node.host;
    else node = node.parentNode;
  }
  return parts.join(' › ');
}

/** The screen-reader-only pattern (a 1 px box clipped to nothing) is not clipped text. */
function visuallyHidden(style: CSSStyleDeclaration): boolean {
  return style.clip === 'rect(0px, 0px, 0px, 0px)' || style.clipPath === 'inset(50%)';
}

/** The parent element, stepping out of a shadow root to its host. */
function parentOf(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode;
  return root instanceof ShadowRoot ? root.host : null;
}

/** The nearest ancestor that clips its content, below `stop`. */
function clipper(el: Element, stop: Element | null): Element | null {
  for (let p = parentOf(el); p && p !== stop; p = parentOf(p)) {
    if (/hidden|clip/.test(getComputedStyle(p).overflowX)) return p;
  }
  return null;
}

/** Where an element's own text is drawn (the text, not its box, which may be narrower), or undefined. */
function ownTextRect(el: Element): DOMRect | undefined {
  const texts = Array.from(el.childNodes).filter(
    (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim(),
  );
  if (!texts.length) return undefined;
  const range = document.createRange();
  range.setStartBefore(texts[0]);
  range.setEndAfter(texts[texts.length - 1]);
  return range.getBoundingClientRect();
}

/**
 * The boxes under `root` that cut text off: overflow hidden or clip with content larger
 * than the box (1 px of rounding allowed), a line cut by `text-overflow: ellipsis`, or
 * text stopped by `-webkit-line-clamp`, or text out of the sides of `root` (an element)
 * that no clipping box hides on purpose. Boxes that hold no text (an image frame) and
 * screen-reader-only text are left out; `ignore` leaves out more.
 */
export function findClipped(root: ParentNode, ignore?: (el: Element) => boolean): Clipped[] {
  const found: Clipped[] = [];
  const box = root instanceof Element ? root.getBoundingClientRect() : undefined;
  for (const el of walk(root)) {
    if (ignore?.(el)) continue;
    const style = getComputedStyle(el);
    // Text out of the root's sides, unless a clipping box hides it whole on purpose (a
    // separator pushed out of a wrapped line); a partly cut one is found below.
    const r = box && !visuallyHidden(style) ? ownTextRect(el) : undefined;
    if (box && r) {
      if (r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1)) {
        const c = clipper(el, root instanceof Element ? root : null)?.getBoundingClientRect();
        const hidden = c && (r.right <= c.left + 1 || r.left >= c.right - 1);
        if (!hidden)
          found.push({
            kind: 'outside',
            element: el,
            path: describe(el),
            text: shownText(el).slice(0, 60),
            size: `${Math.round(r.left)}–${Math.round(r.right)} in ${Math.round(box.left)}–${Math.round(box.right)}`,
          });
      }
    }
    const clipsX = /hidden|clip/.test(style.overflowX);
    const clipsY = /hidden|clip/.test(style.overflowY);
    if (!clipsX && !clipsY) continue;
    if (visuallyHidden(style)) continue;
    const text = shownText(el);
    if (!text) continue;
    const wide = clipsX && el.scrollWidth > el.clientWidth + 1;
    const tall = clipsY && el.scrollHeight > el.clientHeight + 1;
    if (!wide && !tall) continue;
    const clamp = Number.parseInt(style.getPropertyValue('-webkit-line-clamp'), 10);
    const kind: Clipped['kind'] =
      tall && !wide && clamp > 0
        ? 'line-clamp'
        : wide && style.textOverflow === 'ellipsis'
          ? 'ellipsis'
          : 'overflow';
    found.push({
      kind,
      element: el,
      ...(kind === 'line-clamp' ? { lines: clamp } : {}),
      path: describe(el),
      text: text.slice(0, 60),
      size: `${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`,
    });
  }
  return found;
}

/** The WCAG 1.4.12 overrides, as the usual bookmarklet applies them. */
export const TEXT_SPACING_CSS = `
  *, *::before, *::after {
    line-height: 1.5 !important;
    letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important;
  }
  p { margin-bottom: 2em !important; }
`;

let spacing: CSSStyleSheet | undefined;

/**
 * Adopts the text-spacing sheet into the document and every open shadow root under
 * `root` (constructable stylesheets: CSP-safe, and kept when the element adopts more).
 * Call again after new elements render; `removeTextSpacing` undoes it.
 */
export function applyTextSpacing(root: ParentNode = document): void {
  if (!spacing) {
    spacing = new CSSStyleSheet();
    spacing.replaceSync(TEXT_SPACING_CSS);
  }
  const sheet = spacing;
  const adopt = (target: Document | ShadowRoot) => {
    if (!target.adoptedStyleSheets.includes(sheet))
      target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
  };
  adopt(document);
  const visit = (node: ParentNode) => {
    for (const el of Array.from(node.querySelectorAll('*'))) {
      if (el.shadowRoot) {
        adopt(el.shadowRoot);
        visit(el.shadowRoot);
      }
    }
  };
  visit(root);
}

/** Takes the text-spacing sheet out of the document and every shadow root under `root`. */
export function removeTextSpacing(root: ParentNode = document): void {
  const sheet = spacing;
  if (!sheet) return;
  const drop = (target: Document | ShadowRoot) => {
    target.adoptedStyleSheets = target.adoptedStyleSheets.filter((s) => s !== sheet);
  };
  drop(document);
  for (const el of Array.from(root.querySelectorAll('*'))) if (el.shadowRoot) drop(el.shadowRoot);
}

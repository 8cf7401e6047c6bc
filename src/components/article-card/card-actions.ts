/**
 * The article card's action buttons: print just this article, share it, copy its link.
 * Plain functions over browser APIs, so the card only decides what to say afterwards.
 * A lazy chunk: the card fetches it when it renders its buttons.
 */

/** The chunk's door (see `src/internal/lazy.ts`): it needs no runtime. */
export function init(): { runAction: typeof runAction } {
  return { runAction };
}

/** The actions a card can offer (`actions="print share copy-link"`). */
export type CardAction = 'print' | 'share' | 'copy-link';

/** Marks the element being printed, and every element on its way up to <body>. */
export const PRINT_ATTRIBUTE = 'data-civic-print';

// While printing, everything in the document that is neither the card nor one of its
// ancestors is taken out of the layout, so the article starts on page one. A
// constructable sheet, not a <style> element: a strict CSP (style-src) allows it.
// The card and the elements around it print as plain full-width blocks: in a 300 px
// sidebar, a grid column or an `aside` the page's own print styles hide, the article
// printed as a narrow column at the edge of the sheet, or not at all.
const PRINT_CSS = `@media print {
  body *:not([${PRINT_ATTRIBUTE}]) { display: none !important; }
  [${PRINT_ATTRIBUTE}] {
    display: block !important; position: static !important; float: none !important;
    width: auto !important; max-width: none !important; min-width: 0 !important;
    height: auto !important; max-height: none !important; overflow: visible !important;
    margin: 0 !important; padding: 0 !important; border: 0 !important;
    grid-column: 1 / -1 !important; transform: none !important; visibility: visible !important;
  }
}`;

let sheet: CSSStyleSheet | undefined;
let restoreActive: (() => void) | undefined;

/**
 * Prints `target` alone: adopts the print sheet on its document, marks the target and its
 * ancestors, calls `print()`, and undoes both on `afterprint` (print dialogs may return
 * before or after printing, depending on the browser).
 */
export function printOnly(target: HTMLElement): void {
  restoreActive?.();
  const doc = target.ownerDocument;
  const view = doc.defaultView ?? window;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(PRINT_CSS);
  }
  const printSheet = sheet;
  const marked: Element[] = [];
  target.setAttribute(PRINT_ATTRIBUTE, 'target');
  marked.push(target);
  for (
    let node = parentAcrossShadow(target);
    node && node !== doc.documentElement;
    node = parentAcrossShadow(node)
  ) {
    node.setAttribute(PRINT_ATTRIBUTE, 'path');
    marked.push(node);
  }
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, printSheet];
  const restore = (): void => {
    view.removeEventListener('afterprint', restore);
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== printSheet);
    for (const el of marked) el.removeAttribute(PRINT_ATTRIBUTE);
    if (restoreActive === restore) restoreActive = undefined;
  };
  restoreActive = restore;
  view.addEventListener('afterprint', restore);
  try {
    view.print();
  } catch {
    restore();
  }
}

function parentAcrossShadow(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** Writes `text` to the clipboard; false when the browser refuses (no permission, insecure page). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** What sharing ended with. */
export type ShareOutcome = 'shared' | 'cancelled' | 'copied' | 'failed';

/**
 * The Web Share API where the browser has it, else (or when it refuses) copying the
 * link. A reader closing the share sheet is `cancelled`, not an error.
 */
export async function shareOrCopy(data: { title?: string; url: string }): Promise<ShareOutcome> {
  const nav = navigator as Navigator & { share?: (data: ShareData) => Promise<void> };
  if (typeof nav.share === 'function') {
    try {
      await nav.share(data.title ? { title: data.title, url: data.url } : { url: data.url });
      return 'shared';
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
      // NotAllowedError, TypeError (unshareable data): the link is still worth copying.
    }
  }
  return (await copyText(data.url)) ? 'copied' : 'failed';
}

/**
 * Runs one of the card's actions on `target`, the card: print at once (still inside the
 * click, as the print dialog requires), share or copy `url`. Resolves with what the card
 * should tell the reader; `undefined` for print, or share and copy without a link.
 */
export function runAction(
  action: CardAction,
  target: HTMLElement,
  title: string | undefined,
  url: string | undefined,
): Promise<ShareOutcome | undefined> {
  if (action === 'print') printOnly(target);
  else if (url)
    return action === 'share'
      ? shareOrCopy({ title, url })
      : copyText(url).then((ok) => (ok ? 'copied' : 'failed'));
  return Promise.resolve(undefined);
}

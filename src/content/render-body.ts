/**
 * Article bodies. This is the one place where HTML from a feed reaches the DOM:
 * `loadBody` sanitizes it (`sanitize.ts`: marked and DOMPurify) and `writeBody` puts the
 * result into its element through the `civic-widgets` Trusted Types policy. Plain-text
 * bodies never parse as HTML at all: `textParagraphs` splits them and Lit renders the
 * pieces as text.
 *
 * Why not Lit's `unsafeHTML`: it accepts only strings (a `TrustedHTML` makes it throw),
 * and it would hand our sanitized string to Lit's own `lit-html` policy, so the page's
 * CSP could no longer tell feed HTML from Lit's templates.
 *
 * Part of the full card's lazy chunk (`full-article.ts`), so it imports nothing from the
 * script-tag entry (see src/internal/lazy.ts), not even Lit.
 */
import type { Article } from '../feed/model.js';
import type { SafeHtml } from '../internal/policy.js';
import { markdownToHtml, sanitizeHtml } from './sanitize.js';

/** Which body an article has for the full card, by the contract's precedence. */
export type BodySource =
  | { kind: 'markdown'; text: string }
  | { kind: 'html'; text: string }
  | { kind: 'text'; text: string };

/** `_civic.markdown` ▸ `content_html` ▸ `content_text`; undefined when the article has none. */
export function bodySource(article: Article): BodySource | undefined {
  if (article.markdown) return { kind: 'markdown', text: article.markdown };
  if (article.contentHtml) return { kind: 'html', text: article.contentHtml };
  if (article.contentText) return { kind: 'text', text: article.contentText };
  return undefined;
}

/**
 * The sanitized HTML of a Markdown or HTML body (a `TrustedHTML` where the page has
 * Trusted Types). marked and DOMPurify come in the same lazy chunk as this module, so
 * nothing more is fetched. Rejects when the page forbids our policy; the card then
 * shows the body as text. Relative URLs in it resolve against `base`, the article's own
 * address (feed readers do so: the body was written for that page).
 */
export function loadBody(
  source: BodySource & { kind: 'markdown' | 'html' },
  base?: string,
): Promise<SafeHtml> {
  // A promise still (a throw becomes a rejection): the card treats both outcomes alike.
  return new Promise((resolve) =>
    resolve(
      source.kind === 'markdown'
        ? markdownToHtml(source.text, base)
        : sanitizeHtml(source.text, base),
    ),
  );
}

/**
 * Paragraphs of a plain-text body: split on blank lines, each a list of its lines (the
 * template joins them with `<br>`). Pure string work, no HTML parsing.
 */
export function textParagraphs(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    )
    .filter((lines) => lines.length > 0);
}

/**
 * What to show when a Markdown or HTML body cannot be rendered (the page forbids our
 * policy, or the sanitizer failed): Markdown reads fine as text; for HTML, the feed's own
 * `content_text` when it has one, else the HTML's text from `toText` (`htmlText`, read as
 * a string: no parser, so no policy is needed and no markup reaches the page), which the
 * card loads only for this.
 */
export async function bodyFallbackText(
  article: Article,
  source: BodySource,
  toText: () => Promise<(html: string) => string>,
): Promise<string | undefined> {
  if (source.kind === 'markdown' || source.kind === 'text') return source.text;
  return article.contentText ?? ((await toText())(source.text) || undefined);
}

/** What each element was last given, so a re-render with the same body writes nothing. */
const written = new WeakMap<Element, { html: SafeHtml; headingBase: number }>();

/**
 * Writes sanitized HTML (from `loadBody`) into `el`, an element Lit rendered empty.
 * Headings in the body move below the card's own title (the body's top level becomes
 * `headingBase`), so an `<h1>` in a feed cannot outrank the page's own outline.
 */
export function writeBody(el: Element, html: SafeHtml, headingBase: number): void {
  const last = written.get(el);
  if (last?.html === html && last.headingBase === headingBase) return;
  // The only innerHTML write of feed content: a TrustedHTML from the civic-widgets
  // policy (or, without Trusted Types, DOMPurify's output string).
  el.innerHTML = html as string;
  shiftHeadings(el, headingBase);
  written.set(el, { html, headingBase });
}

function shiftHeadings(root: Element, base: number): void {
  const headings = Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6'));
  if (!headings.length) return;
  // The body's top heading level becomes `base`; the rest keep their steps below it.
  const top = Math.min(...headings.map((h) => Number(h.tagName[1])));
  for (const h of headings) {
    const level = Math.min(6, Number(h.tagName[1]) - top + base);
    if (`H${level}` === h.tagName) continue;
    // DOM moves only: the sanitized nodes are re-parented, never re-parsed.
    const moved = root.ownerDocument.createElement(`h${level}`);
    for (const attr of Array.from(h.attributes)) moved.setAttribute(attr.name, attr.value);
    moved.append(...Array.from(h.childNodes));
    h.replaceWith(moved);
  }
}

/**
 * Article bodies. This is the one place where HTML from a feed reaches the DOM:
 * `loadBody` sanitizes it (in the lazy chunk, `sanitize.ts`) and the `sanitizedBody`
 * directive writes the result into its element through the `civic-widgets` Trusted Types
 * policy. Plain-text bodies never parse as HTML at all: `textParagraphs` splits them and
 * Lit renders the pieces as text.
 *
 * Why not Lit's `unsafeHTML`: it accepts only strings (a `TrustedHTML` makes it throw),
 * and it would hand our sanitized string to Lit's own `lit-html` policy, so the page's
 * CSP could no longer tell feed HTML from Lit's templates.
 */
import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import type { Article } from '../feed/model.js';
import type { SafeHtml } from './policy.js';
import { lazy } from '../feed/lazy.js';

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

/** Loads marked and DOMPurify once, on first need; a failed load is retried next time. */
const loadSanitizer = lazy(() => import('./sanitize.js'));

/**
 * The sanitized HTML of a Markdown or HTML body (a `TrustedHTML` where the page has
 * Trusted Types). Rejects when the chunk cannot load or the page forbids our policy; the
 * card then shows the body as text.
 */
export async function loadBody(
  source: BodySource & { kind: 'markdown' | 'html' },
): Promise<SafeHtml> {
  const { sanitizeHtml, markdownToHtml } = await loadSanitizer();
  return source.kind === 'markdown' ? markdownToHtml(source.text) : sanitizeHtml(source.text);
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
 * What to show when a Markdown or HTML body cannot be rendered (the chunk failed to load,
 * or the page forbids our policy): Markdown reads fine as text; for HTML, the feed's own
 * `content_text` when it has one. Never HTML parsed outside the sanitizer.
 */
export function bodyFallbackText(article: Article, source: BodySource): string | undefined {
  if (source.kind === 'markdown' || source.kind === 'text') return source.text;
  return article.contentText;
}

class SanitizedBodyDirective extends Directive {
  private shown?: SafeHtml;
  private level = 0;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT)
      throw new Error('sanitizedBody() goes on an element: <div ${sanitizedBody(html)}>');
  }

  render(_html: SafeHtml, _headingBase: number): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [html, headingBase]: [SafeHtml, number]): typeof nothing {
    if (html === this.shown && headingBase === this.level) return nothing;
    const el = part.element;
    // The only innerHTML write of feed content: a TrustedHTML from the civic-widgets
    // policy (or, without Trusted Types, DOMPurify's output string).
    el.innerHTML = html as string;
    shiftHeadings(el, headingBase);
    this.shown = html;
    this.level = headingBase;
    return nothing;
  }
}

/**
 * Writes sanitized HTML (from `loadBody`) into the element it is bound to. Headings in the
 * body move below the card's own title (the body's top level becomes `headingBase`), so
 * an `<h1>` in a feed cannot outrank the page's own outline.
 */
export const sanitizedBody = directive(SanitizedBodyDirective);

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

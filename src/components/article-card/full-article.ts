/**
 * Everything only `variant="full"` needs: the body (Markdown and HTML through the
 * sanitizer chunk, plain text as paragraphs), the attachments list and the schema.org
 * JSON-LD. A lazy chunk: the card loads it the first time it shows a full article and
 * draws a body placeholder meanwhile, so summary and compact cards never pay for it.
 *
 * Like every lazy chunk it imports no module of the script-tag entry (see
 * src/internal/lazy.ts): Lit's `html`, `nothing` and `ifDefined` and the URL check come
 * from the runtime, the body placeholder from the card.
 */
import type { nothing as litNothing, TemplateResult } from 'lit';
import type { Article } from '../../feed/model.js';
import type { Runtime } from '../shared/runtime.js';
import type { Messages } from '../../format/messages.js';
import { attachmentMeta, fileNameOf } from '../../format/attachments.js';
import type { SafeHtml } from '../../internal/policy.js';
import {
  bodyFallbackText,
  bodySource,
  loadBody,
  textParagraphs,
  writeBody,
} from '../../content/render-body.js';

import { JsonLdBlock } from '../../content/json-ld.js';

/** The chunk's door (see `src/internal/lazy.ts`). */
export function init(runtime: Pick<Runtime, 'html' | 'nothing' | 'ifDefined' | 'safeUrl'>) {
  return {
    /**
     * One card's full article. `placeholder` draws the body's loading state (the card's
     * own, the same before and after this chunk arrives); `changed` is called when a body
     * finished sanitizing and the card must render again.
     */
    create: (placeholder: () => TemplateResult, changed: () => void) =>
      new FullArticle({ ...runtime, placeholder }, changed),
    adoptStyles,
    JsonLdBlock,
  };
}

// A plain string (not Lit's css, which lives in the entry); the build minifies css`` text.
const css = String.raw;

/** The styles of what this chunk draws, added to the card's own when the chunk is in. */
const STYLES = css`
  .body > :first-child {
    margin-top: 0;
  }
  .body > :last-child {
    margin-bottom: 0;
  }
  .body img,
  .body video {
    max-width: 100%;
    height: auto;
  }
  /* A code block (a contact list laid out with spaces) wraps like the text around it:
     kept on its lines, it pushed a phone's whole page sideways. Its runs of spaces wrap
     too (break-spaces): at the end of a line they would hang out of the card. */
  .body pre {
    white-space: break-spaces;
  }
  /* A table wider than the card (a timetable pasted from a word processor) scrolls inside
     it: its cells cannot wrap below their longest word, and the page must not widen. */
  .body table {
    display: block;
    max-width: 100%;
    overflow-x: auto;
  }
  .body a,
  .attachments a {
    color: var(--_accent);
  }
  .attachments-heading {
    margin: 0 0 0.25em;
    font-size: 1em;
  }
  .attachments ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .file-meta {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .body blockquote {
    margin: 1em 0;
    padding: 0.25em 0;
    padding-inline-start: 1em;
    border-inline-start: 4px solid var(--_border);
    color: var(--_muted);
    font-style: italic;
  }
  .body blockquote > :first-child {
    margin-top: 0;
  }
  .body blockquote > :last-child {
    margin-bottom: 0;
  }
  .full .lead {
    font-weight: 600;
  }
`;
let sheet: CSSStyleSheet | undefined;

/**
 * Adds the chunk's styles to a card's shadow root, once: a constructed sheet where the
 * browser adopts them (a strict style-src CSP allows it), else a <style> as Lit does.
 */
function adoptStyles(root: ShadowRoot): void {
  if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLES);
    }
    if (!root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else if (!root.querySelector('style[data-civic-full]')) {
    const style = document.createElement('style');
    style.dataset['civicFull'] = '';
    style.textContent = STYLES;
    root.append(style);
  }
}

/** What a full article borrows: the runtime's parts, and the card's body placeholder. */
type FullParts = Pick<Runtime, 'html' | 'nothing' | 'ifDefined' | 'safeUrl'> & {
  placeholder(): TemplateResult;
};

/** What one render of a full article needs. */
export interface FullView {
  article: Article;
  /** The article's link, already checked. */
  url: string | undefined;
  /** `lang` of the article's text, when known. */
  lang: string | undefined;
  /** The card title's heading level; body and attachment headings go one below. */
  level: number;
  m: Messages;
  locale: string;
}

/**
 * A card's sanitized body: keyed by its text; `html` once sanitized, `failed` (with the
 * `text` shown instead, when there is one) when it cannot be.
 */
type Body = { key: string; html?: SafeHtml; failed?: boolean; text?: string };

/**
 * HTML as text, for a body that cannot be sanitized. Not in this chunk, which every full
 * card waits for: its entity tables are most of the HTML reader, and only this failure
 * needs them. The import goes to the module itself (in `extras`), not to this chunk's
 * copy of its tag reader, which the sanitizer uses (vite.config.ts, `ownHtmlText`).
 */
const htmlToText = () =>
  import('../../internal/html-text.js').then(
    ({ htmlText }) =>
      (html: string) =>
        htmlText(html, true),
  );

/** The state of one card's full article: its sanitized body, kept until the body text changes. */
export class FullArticle {
  /**
   * The Markdown or HTML body, keyed by its text so the sanitizer runs again only when
   * the body itself changes; `html` once sanitized, `failed` when it cannot be.
   */
  #body?: Body;
  /** Whether `article`'s summary is drawn as a lead (see `sync`). */
  #lead?: { article: Article; shown: boolean };
  readonly #rt: FullParts;
  readonly #changed: () => void;

  /** `changed` is called when a body finished sanitizing and the card must render again. */
  constructor(rt: FullParts, changed: () => void) {
    this.#rt = rt;
    this.#changed = changed;
  }

  /**
   * Starts sanitizing the article's Markdown or HTML body when it is new, and decides
   * once per article whether its summary is drawn as a lead (`renderLead` runs on every
   * render; the card calls this in `update`, before each render).
   */
  sync(article: Article): void {
    if (this.#lead?.article !== article) this.#lead = { article, shown: leadShown(article) };
    const source = bodySource(article);
    if (!source || source.kind === 'text') {
      this.#body = undefined;
      return;
    }
    // The article's address, when it has one of its own (the reader resolved it against
    // the feed's): the body's relative URLs were written for that page.
    const base = /^https?:/.test(article.url ?? '') ? article.url : undefined;
    const key = `${source.kind}:${base}:${source.text}`;
    if (this.#body?.key === key) return;
    const pending = (this.#body = { key });
    loadBody({ kind: source.kind, text: source.text }, base).then(
      (html) => this.#done(pending, { key, html }),
      () =>
        bodyFallbackText(article, source, htmlToText).then(
          (text) => this.#done(pending, { key, failed: true, text }),
          () => this.#done(pending, { key, failed: true }),
        ),
    );
  }

  /**
   * The summary as a bold lead above the body, when `leadShown` says so (decided in
   * `sync`, not on every render).
   */
  renderLead(view: FullView): TemplateResult | typeof litNothing {
    const { html, ifDefined } = this.#rt;
    const { article } = view;
    const shown = this.#lead?.article === article ? this.#lead.shown : leadShown(article);
    if (!shown) return this.#rt.nothing;
    return html`<p class="lead" part="summary" lang=${ifDefined(view.lang)}>${article.summary}</p>`;
  }

  /** The body: text at once; Markdown and HTML once sanitized (the placeholder until then). */
  renderBody(view: FullView): TemplateResult | typeof litNothing {
    const { html, nothing, ifDefined } = this.#rt;
    const { article, lang } = view;
    const source = bodySource(article);
    if (!source) return this.#rt.nothing;
    if (source.kind === 'text') return this.#renderText(source.text, lang);
    const body = this.#body;
    // Written by `write` once Lit has put the element in place.
    if (body?.html !== undefined)
      return html`<div class="body" part="body" lang=${ifDefined(lang)} data-sanitized></div>`;
    if (!body?.failed) return this.#rt.placeholder();
    if (body.text) return this.#renderText(body.text, lang);
    return html`<div class="body" part="body">
      <p>${view.m.bodyUnavailable}</p>
      ${view.url ? html`<p><a href=${view.url}>${view.m.readOriginal}</a></p>` : nothing}
    </div>`;
  }

  /**
   * Puts the sanitized body into the element `renderBody` drew; call after each render.
   * `level` is the card title's heading level: the body's headings start one below it.
   */
  write(root: ParentNode, level: number): void {
    const el = root.querySelector('[data-sanitized]');
    if (el && this.#body?.html !== undefined)
      writeBody(el, this.#body.html, Math.min(6, level + 1));
  }

  /** The attachments with a usable URL, each labelled with its type and size ("PDF, 471 KB"). */
  renderAttachments(view: FullView): TemplateResult | typeof litNothing {
    const { html, nothing, safeUrl } = this.#rt;
    const { m, locale } = view;
    const files = view.article.attachments.flatMap((attachment) => {
      const url = safeUrl(attachment.url);
      return url ? [{ attachment, url }] : [];
    });
    if (!files.length) return this.#rt.nothing;
    return html`<section
      class="attachments"
      part="attachments"
      aria-labelledby="attachments-heading"
    >
      ${this.#renderHeading(Math.min(6, view.level + 1), m.attachments)}
      <ul>
        ${files.map(({ attachment, url }) => {
          const meta = attachmentMeta(attachment, locale, m);
          return html`<li>
            <a href=${url}
              ><span class="file-name">${attachment.title ?? fileNameOf(url)}</span>${
                meta ? html` <span class="file-meta">${meta}</span>` : nothing
              }</a
            >
          </li>`;
        })}
      </ul>
    </section>`;
  }

  /** The attachments heading, one level below the card title. */
  #renderHeading(level: number, text: string): TemplateResult {
    const { html } = this.#rt;
    switch (level) {
      case 2:
        return html`<h2 class="attachments-heading" id="attachments-heading">${text}</h2>`;
      case 3:
        return html`<h3 class="attachments-heading" id="attachments-heading">${text}</h3>`;
      case 5:
        return html`<h5 class="attachments-heading" id="attachments-heading">${text}</h5>`;
      case 6:
        return html`<h6 class="attachments-heading" id="attachments-heading">${text}</h6>`;
      default:
        return html`<h4 class="attachments-heading" id="attachments-heading">${text}</h4>`;
    }
  }

  #renderText(text: string, lang: string | undefined): TemplateResult {
    const { html, ifDefined } = this.#rt;
    return html`<div class="body" part="body" lang=${ifDefined(lang)}>
      ${textParagraphs(text).map(
        (lines) => html`<p>${lines.map((line, i) => (i ? html`<br />${line}` : line))}</p>`,
      )}
    </div>`;
  }

  #done(pending: { key: string }, result: Body): void {
    if (this.#body !== pending) return;
    this.#body = result;
    this.#changed();
  }
}

/**
 * Whether a full card draws the article's summary as a bold lead above the body: when
 * it has one and the body does not already open with it (feeds often repeat their first
 * paragraph as the summary): said once is enough.
 */
function leadShown(article: Article): boolean {
  const { summary } = article;
  if (!summary) return false;
  const source = bodySource(article);
  return !(
    source && opensWith(source.kind === 'html' ? stripTags(source.text) : source.text, summary)
  );
}

/**
 * Only the letters and digits of `text`, lower-cased: what is left to compare once tags,
 * Markdown marks, punctuation and spacing are gone.
 */
function letters(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Whether the letters of `text` start with those of `summary` (see `letters`), reading
 * only as much of `text` as can hold them: a full card asks once per article, on the way
 * to its first paint, and a long article's letters take milliseconds. A text never has more letters than characters, so
 * the first `n` characters give at most `n`; two letters more than needed keep a cut at
 * the end (a letter whose combining mark was cut off, a final sigma) out of the
 * comparison.
 *
 * `letters` uses Unicode property classes, whose first use costs a page 3 to 6 ms to
 * compile, on the way to a full card's first paint. Most answers need none: `quick` drops
 * only characters that `letters` drops too (spaces and common punctuation), so a text
 * whose quick form starts with the summary's has letters that do as well; and where the
 * two quick forms first differ by two letters that `letters` keeps (Latin, Vietnamese
 * included, and digits), the letters differ there too. Anything else asks `letters`.
 */
export function opensWith(text: string, summary: string): boolean {
  for (const form of [quick, letters]) {
    const want = form(summary);
    for (let n = want.length * 2 + 64; ; n *= 4) {
      const got = form(text.slice(0, n));
      if (got.length < want.length + 2 && n < text.length) continue;
      if (got.startsWith(want)) return true;
      if (form === letters) return false;
      let i = 0;
      while (got[i] === want[i]) i++;
      if (LATIN.test(got[i] ?? '') && LATIN.test(want[i])) return false;
      break;
    }
  }
  return false;
}

/** `text` lower-cased without spaces and common punctuation, none of which is a letter or digit. */
const quick = (text: string): string =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(
      /[\s!-/:-@[-`{-~\u00a1-\u00a9\u00ab-\u00b1\u00b4\u00b6-\u00b8\u00bb\u00bf\u2000-\u206f]+/g,
      '',
    );

/** One lower-case character that is surely a letter or digit: Latin (Vietnamese included) or 0-9. */
const LATIN = /^[\da-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u024f\u1e00-\u1eff]$/;

/** `html` without its tags, and the commonest entities as the letters they stand for. */
function stripTags(html: string): string {
  // `[^<>]`, not `[^>]`: a run of "<" with no ">" would rescan to the end from each one.
  return html.replace(/<[^<>]*>/g, ' ').replace(/&(?:nbsp|amp|lt|gt|quot|#39);/g, ' ');
}

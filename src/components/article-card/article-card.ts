import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { html as staticHtml, literal, type StaticValue } from 'lit/static-html.js';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Article, Feed } from '../../feed/model.js';
import type { FeedError } from '../../feed/errors.js';
import { toArticle } from '../../feed/convert.js';
import { checkUrl } from '../../feed/values.js';
import { formatDate, isoInstant } from '../../format/dates.js';
import { formatCount } from '../../format/numbers.js';
import {
  bodyFallbackText,
  bodySource,
  loadBody,
  sanitizedBody,
  textParagraphs,
} from '../../content/render-body.js';
import type { JsonLdBlock } from '../../content/json-ld.js';
import type { SafeHtml } from '../../content/policy.js';
import { lazy } from '../../feed/lazy.js';
import { CivicFeedElement } from '../shared/civic-feed-element.js';
import { renderEmpty, renderError, renderSkeleton, renderStaleNote } from '../shared/states.js';
import { attachmentMeta, fileNameOf } from '../shared/attachments.js';
import type { CardAction, ShareOutcome } from '../shared/card-actions.js';
import { articleCardStyles } from './article-card.styles.js';

/** How much of the article the card shows. */
export type ArticleCardVariant = 'summary' | 'full' | 'compact';
const VARIANTS: readonly ArticleCardVariant[] = ['summary', 'full', 'compact'];

const HEADINGS: readonly StaticValue[] = [
  literal`h1`,
  literal`h2`,
  literal`h3`,
  literal`h4`,
  literal`h5`,
  literal`h6`,
];

/** What the card has to draw, resolved from `.item`, the feed and `item-id`. */
type Shown =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'error'; error?: FeedError }
  | { kind: 'empty' }
  | { kind: 'article'; article: Article; feed?: Feed; fetchedAt?: Date; stale: boolean };

/** How long the "link copied" note stays visible; screen readers hear it at once. */
const ANNOUNCE_MS = 5000;

/** The actions a card can offer, in the order their buttons appear. */
const CARD_ACTIONS: readonly CardAction[] = ['print', 'share', 'copy-link'];
const warnedActions = new Set<string>();

/** The known actions named in an `actions` attribute, in display order; unknown ones are said once on the console. */
function parseActions(value: string | null | undefined): CardAction[] {
  const names = new Set((value ?? '').toLowerCase().split(/\s+/).filter(Boolean));
  for (const name of names) {
    if (!(CARD_ACTIONS as readonly string[]).includes(name) && !warnedActions.has(name)) {
      warnedActions.add(name);
      console.warn(`civic-article-card: unknown action "${name}"; use print, share or copy-link`);
    }
  }
  return CARD_ACTIONS.filter((a) => names.has(a));
}

// Lazy chunks, kept once loaded so that later cards use them synchronously: the JSON-LD
// writer (full cards only) and the action handlers (cards with buttons; fetched when the
// buttons render, so a click finds them ready and the share sheet keeps its user gesture).
type JsonLdModule = typeof import('../../content/json-ld.js');
type ActionsModule = typeof import('../shared/card-actions.js');
let jsonLdModule: JsonLdModule | undefined;
let actionsModule: ActionsModule | undefined;
const loadJsonLd = lazy(() => import('../../content/json-ld.js').then((m) => (jsonLdModule = m)));
const loadActions = lazy(() =>
  import('../shared/card-actions.js').then((m) => (actionsModule = m)),
);

/**
 * One news article: its title (the whole card is one link to it), the meta line
 * (`Ngày cập nhật: 20/03/2020 03:57:36 | Lượt xem: 2.007`), category, tags, summary,
 * image and, in the `full` variant, the body and attachments.
 *
 * Data comes from `.item` (a JSON Feed item or an `Article`), else from the feed (`.feed`,
 * `src`, or the nearest `<civic-feed>`): the item named by `item-id`, or the first one.
 * The `full` variant also adds one schema.org `NewsArticle` JSON-LD block to the
 * document head (marked `data-civic-article-card="<item id>"`), removed with the card.
 *
 * Feed HTML and Markdown bodies are sanitized with DOMPurify (loaded with marked as a
 * separate chunk, on first need) and written through the Trusted Types policy
 * `civic-widgets`; only http, https, mailto and relative URLs survive.
 *
 * @summary One news article, as a card that links to it, or in full.
 *
 * @fires civic-feed-load - When the card's own `src` has loaded: `{url, feed, warnings}`.
 * @fires civic-feed-error - When the card's own `src` failed: `{url, error}`.
 *
 * @slot - No-JavaScript fallback, e.g. a plain link to the article. Shown in the error
 *   state (and before any data source is set); hidden once the article shows.
 *
 * @csspart base - The `<article>` (and the loading placeholder in its place).
 * @csspart image - The article's image.
 * @csspart title - The heading with the title link.
 * @csspart meta - The meta line: updated/published date and view count.
 * @csspart actions - The row of action buttons.
 * @csspart summary - The summary paragraph.
 * @csspart body - The article body (`full` only).
 * @csspart category - The category line.
 * @csspart tags - The tag list.
 * @csspart attachments - The attachments section (`full` only).
 * @csspart status - Loading, empty, error and saved-copy messages.
 * @csspart retry - The "Thử lại" button of the error state.
 *
 * @cssproperty --civic-article-card-gap - Space between the parts (default `0.5rem`).
 * @cssproperty --civic-article-card-padding - Inner padding (default `1rem`).
 * @cssproperty --civic-article-card-border - Border (default `1px solid` the border colour).
 * @cssproperty --civic-article-card-radius - Corner radius (default `8px`).
 * @cssproperty --civic-article-card-background - Background (default `--civic-color-surface`, transparent).
 * @cssproperty --civic-article-card-title-color - Title colour (default: inherited).
 * @cssproperty --civic-article-card-title-size - Title font size (default `1.25rem`; `1rem` when compact).
 * @cssproperty --civic-article-card-title-weight - Title font weight (default `700`).
 * @cssproperty --civic-article-card-meta-color - Meta line colour (default `--civic-color-muted`).
 * @cssproperty --civic-article-card-meta-size - Meta line font size (default `0.875rem`).
 * @cssproperty --civic-article-card-image-ratio - Image box aspect ratio (default `16 / 9`).
 * @cssproperty --civic-article-card-image-radius - Image corner radius (default `4px`).
 * @cssproperty --civic-article-card-tag-background - Tag chip background (default transparent).
 */
export class CivicArticleCard extends CivicFeedElement {
  static override styles = articleCardStyles;

  /** Id of the feed item to show (its `id`, or its `url`); the first item when unset. */
  @property({ attribute: 'item-id', reflect: true }) itemId?: string;

  /** The article itself: a JSON Feed item object or an `Article` from `loadFeed`; wins over the feed. */
  @property({ attribute: false }) item?: unknown;

  /** `summary` (title, meta line, summary, image), `full` (adds body and attachments) or `compact` (title and meta line). */
  @property({ reflect: true }) variant: ArticleCardVariant = 'summary';

  /** Buttons after the meta line, space-separated: `print`, `share`, `copy-link`. */
  @property() actions?: string;

  /** Level of the title heading, 1–6, to fit the page's outline; body and attachment headings go below it. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  /** What the last action has to say ("Đã sao chép liên kết"), read out politely. */
  @state() private announcement = '';

  private itemCache?: { value: unknown; article: Article | undefined };
  private shown: Shown = { kind: 'idle' };
  private jsonLd?: JsonLdBlock;
  private announceTimer?: ReturnType<typeof setTimeout>;
  /**
   * The Markdown or HTML body of a full card: keyed by its text, so the sanitizer runs
   * again only when the body itself changes; `html` once sanitized, `failed` when it
   * cannot be (the card then shows text).
   */
  private body?: { key: string; html?: SafeHtml; failed?: boolean };

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page (moved by the site's script): put the structured data back.
    if (this.hasUpdated) this.syncJsonLd();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.jsonLd?.remove();
    clearTimeout(this.announceTimer);
  }

  // After the feed source has settled for this update (controllers run before update)
  // and before render, so the body starts loading in the frame that shows its placeholder.
  protected override update(changed: PropertyValues): void {
    this.syncBody();
    super.update(changed);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.syncJsonLd();
    if (this.shown.kind === 'article' && parseActions(this.actions).length)
      void loadActions().catch(() => undefined);
  }

  override render(): TemplateResult {
    const shown = (this.shown = this.resolve());
    const m = this.messages;
    switch (shown.kind) {
      case 'idle':
        return html`<slot></slot>`;
      case 'loading':
        return this.renderPlaceholder();
      case 'error':
        return renderError(m, shown.error?.message, () => this.source.state.retry());
      case 'empty':
        return renderEmpty(m);
      case 'article':
        return this.renderArticle(
          shown.article,
          shown.feed,
          shown.stale ? shown.fetchedAt : undefined,
        );
    }
  }

  private get shownVariant(): ArticleCardVariant {
    return VARIANTS.includes(this.variant) ? this.variant : 'summary';
  }

  private get level(): number {
    const n = Math.trunc(Number(this.headingLevel));
    return n >= 1 && n <= 6 ? n : 3;
  }

  /** The article to show, or the state that stands in for it. */
  private resolve(): Shown {
    const state = this.source.state;
    const feed = state.status === 'ready' || state.status === 'stale' ? state.feed : undefined;
    if (this.item !== undefined && this.item !== null) {
      const article = this.articleOf(this.item);
      return article ? { kind: 'article', article, feed, stale: false } : { kind: 'empty' };
    }
    switch (state.status) {
      case 'idle':
        return { kind: 'idle' };
      case 'loading':
        return { kind: 'loading' };
      case 'error':
        return { kind: 'error', error: state.error };
      case 'empty':
        return { kind: 'empty' };
      case 'ready':
      case 'stale': {
        const items = feed?.items ?? [];
        const id = this.itemId?.trim();
        const article = id
          ? (items.find((a) => a.id === id) ?? items.find((a) => a.url === id))
          : items[0];
        if (!article) return { kind: 'empty' };
        return {
          kind: 'article',
          article,
          feed,
          fetchedAt: state.fetchedAt,
          stale: state.status === 'stale',
        };
      }
    }
  }

  private articleOf(value: unknown): Article | undefined {
    let cache = this.itemCache;
    if (!cache || cache.value !== value) {
      let article: Article | undefined;
      try {
        article = toArticle(value);
      } catch {
        article = undefined;
      }
      if (!article) {
        console.warn(
          'civic-article-card: .item is neither a JSON Feed item nor an Article with an id or url and a title or content',
        );
      }
      cache = this.itemCache = { value, article };
    }
    return cache.article;
  }

  /** Starts sanitizing the full card's Markdown or HTML body when it is new. */
  private syncBody(): void {
    const source = this.shownVariant === 'full' ? this.resolve() : undefined;
    const body = source?.kind === 'article' ? bodySource(source.article) : undefined;
    if (!body || body.kind === 'text') {
      this.body = undefined;
      return;
    }
    const key = `${body.kind}:${body.text}`;
    if (this.body?.key === key) return;
    const pending = (this.body = { key });
    loadBody({ kind: body.kind, text: body.text }).then(
      (html) => this.bodyDone(pending, { key, html }),
      () => this.bodyDone(pending, { key, failed: true }),
    );
  }

  private bodyDone(pending: { key: string }, done: NonNullable<CivicArticleCard['body']>): void {
    if (this.body !== pending) return;
    this.body = done;
    this.requestUpdate();
  }

  private syncJsonLd(): void {
    const shown = this.shown;
    if (!this.isConnected || this.shownVariant !== 'full' || shown.kind !== 'article') {
      this.jsonLd?.remove();
      return;
    }
    if (!jsonLdModule) {
      void loadJsonLd().then(
        () => this.syncJsonLd(),
        () => undefined,
      );
      return;
    }
    try {
      this.jsonLd ??= new jsonLdModule.JsonLdBlock();
      this.jsonLd.set(
        this.ownerDocument,
        jsonLdModule.newsArticleJsonLd(shown.article, shown.feed),
        shown.article.id,
      );
    } catch (error) {
      console.warn('civic-article-card: could not write the NewsArticle JSON-LD', error);
    }
  }

  /** The loading placeholder: the card's frame, image box and text lines, so nothing moves when it fills in. */
  private renderPlaceholder(): TemplateResult {
    const variant = this.shownVariant;
    const lines = variant === 'compact' ? 2 : variant === 'full' ? 10 : 5;
    return html`<div class="card placeholder ${variant}" part="base">
      ${variant === 'compact' ? nothing : html`<div class="media" aria-hidden="true"></div>`}
      ${renderSkeleton(this.messages, lines)}
    </div>`;
  }

  private renderArticle(
    article: Article,
    feed: Feed | undefined,
    staleSince: Date | undefined,
  ): TemplateResult {
    const m = this.messages;
    const variant = this.shownVariant;
    const zone = this.zoneFor(feed?.timeZone);
    const url = safeUrl(article.url);
    const lang = article.language ?? feed?.language;
    return html`<article class="card ${variant}" part="base" aria-labelledby="title">
        ${variant === 'compact' ? nothing : this.renderImage(article)}
        ${this.renderTitle(article, url, lang)} ${this.renderMeta(article, zone)}
        ${this.renderActions(article, url)}
        ${
          variant !== 'compact' && article.summary
            ? html`<p class="summary" part="summary" lang=${ifDefined(lang)}>${article.summary}</p>`
            : nothing
        }
        ${variant === 'full' ? this.renderBody(article, url, lang) : nothing}
        ${variant === 'compact' ? nothing : this.renderCategory(article)}
        ${variant === 'compact' ? nothing : this.renderTags(article)}
        ${variant === 'full' ? this.renderAttachments(article) : nothing}
      </article>
      ${staleSince ? renderStaleNote(m, formatDate(staleSince, zone, this.localeTag)) : nothing}`;
  }

  private renderImage(article: Article): TemplateResult | typeof nothing {
    const src = safeUrl(article.image);
    if (!src) return nothing;
    // The box keeps its aspect ratio before the image arrives (and if it never does).
    return html`<div class="media">
      <img
        class="image"
        part="image"
        src=${src}
        alt=""
        loading="lazy"
        decoding="async"
        @error=${this.onImageError}
      />
    </div>`;
  }

  private renderTitle(
    article: Article,
    url: string | undefined,
    lang: string | undefined,
  ): TemplateResult {
    const text = titleOf(article) ?? this.messages.untitled;
    const content = url ? html`<a class="link" href=${url}>${text}</a>` : text;
    const tag = HEADINGS[this.level - 1] ?? literal`h3`;
    return staticHtml`<${tag} class="title" part="title" id="title" lang=${ifDefined(lang)}>${content}</${tag}>`;
  }

  private renderMeta(article: Article, zone: string): TemplateResult | typeof nothing {
    const m = this.messages;
    const date = article.modified ?? article.published;
    const label = article.modified ? m.updated : m.published;
    const hasViews = article.views !== undefined;
    if (!date && !hasViews) return nothing;
    // One text run with no stray whitespace: the line reads exactly
    // "Ngày cập nhật: 20/03/2020 03:57:36 | Lượt xem: 2.007".
    return html`<p class="meta" part="meta">
      ${
        date
          ? html`<span class="date"
              >${m.labelled(label)}
              <time datetime=${isoInstant(date)}
                >${formatDate(date, zone, this.localeTag)}</time
              ></span
            >`
          : nothing
      }${date && hasViews ? m.metaSeparator : nothing}${
        hasViews
          ? html`<span class="views"
              >${m.labelled(m.views)} ${formatCount(article.views ?? 0, this.localeTag)}</span
            >`
          : nothing
      }
    </p>`;
  }

  private renderActions(
    article: Article,
    url: string | undefined,
  ): TemplateResult | typeof nothing {
    // Share and copy need a link to hand out; print works for any article.
    const actions = parseActions(this.actions).filter((a) => a === 'print' || url);
    if (!actions.length) return nothing;
    const m = this.messages;
    const labels = { print: m.print, share: m.share, 'copy-link': m.copyLink };
    return html`<div class="actions" part="actions">
      ${actions.map(
        (action) =>
          html`<button
            type="button"
            class="action"
            data-action=${action}
            aria-describedby="title"
            @click=${() => this.onAction(action, article, url)}
          >
            ${labels[action]}
          </button>`,
      )}
      <span class="announce" role="status">${this.announcement}</span>
    </div>`;
  }

  /** The body: text at once; Markdown and HTML once the sanitizer chunk is in (a placeholder until then). */
  private renderBody(article: Article, url: string | undefined, lang: string | undefined): unknown {
    const source = bodySource(article);
    if (!source) return nothing;
    if (source.kind === 'text') return this.renderTextBody(source.text, lang);
    const body = this.body;
    if (body?.html !== undefined) {
      return html`<div
        class="body"
        part="body"
        lang=${ifDefined(lang)}
        ${sanitizedBody(body.html, this.level + 1)}
      ></div>`;
    }
    if (!body?.failed) return this.renderBodyPlaceholder();
    const text = bodyFallbackText(article, source);
    if (text) return this.renderTextBody(text, lang);
    return html`<div class="body" part="body">
      <p>${this.messages.bodyUnavailable}</p>
      ${url ? html`<p><a href=${url}>${this.messages.readOriginal}</a></p>` : nothing}
    </div>`;
  }

  private renderBodyPlaceholder(): TemplateResult {
    return html`<div class="body loading" part="body">${renderSkeleton(this.messages, 8)}</div>`;
  }

  private renderTextBody(text: string, lang: string | undefined): TemplateResult {
    return html`<div class="body" part="body" lang=${ifDefined(lang)}>
      ${textParagraphs(text).map(
        (lines) => html`<p>${lines.map((line, i) => (i ? html`<br />${line}` : line))}</p>`,
      )}
    </div>`;
  }

  private renderCategory(article: Article): TemplateResult | typeof nothing {
    if (!article.category) return nothing;
    return html`<p class="category" part="category">
      ${this.messages.labelled(this.messages.category)}
      <span class="category-name">${article.category}</span>
    </p>`;
  }

  private renderTags(article: Article): TemplateResult | typeof nothing {
    if (!article.tags.length) return nothing;
    return html`<div class="tags" part="tags">
      <span id="tags-label">${this.messages.labelled(this.messages.tags)}</span>
      <ul aria-labelledby="tags-label">
        ${article.tags.map((tag) => html`<li class="tag">${tag}</li>`)}
      </ul>
    </div>`;
  }

  private renderAttachments(article: Article): TemplateResult | typeof nothing {
    const files = article.attachments
      .map((a) => ({ attachment: a, url: safeUrl(a.url) }))
      .filter(
        (f): f is { attachment: Article['attachments'][number]; url: string } =>
          f.url !== undefined,
      );
    if (!files.length) return nothing;
    const m = this.messages;
    const tag = HEADINGS[Math.min(6, this.level + 1) - 1] ?? literal`h4`;
    return html`<section
      class="attachments"
      part="attachments"
      aria-labelledby="attachments-heading"
    >
      ${staticHtml`<${tag} class="attachments-heading" id="attachments-heading">${m.attachments}</${tag}>`}
      <ul>
        ${files.map(({ attachment, url }) => {
          const meta = attachmentMeta(attachment, this.localeTag, m);
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

  private onAction(action: CardAction, article: Article, url: string | undefined): void {
    // The handlers are fetched when the buttons render; a click that beats them waits.
    if (!actionsModule) {
      loadActions().then(
        () => this.onAction(action, article, url),
        () => this.announce(this.messages.linkCopyFailed),
      );
      return;
    }
    const { printOnly, shareOrCopy, copyText } = actionsModule;
    if (action === 'print') {
      printOnly(this);
      return;
    }
    if (!url) return;
    const outcome: Promise<ShareOutcome> =
      action === 'share'
        ? shareOrCopy({ title: titleOf(article), url })
        : copyText(url).then((ok) => (ok ? 'copied' : 'failed'));
    void outcome.then((result) => {
      if (result === 'copied') this.announce(this.messages.linkCopied);
      else if (result === 'failed') this.announce(this.messages.linkCopyFailed);
    });
  }

  private announce(text: string): void {
    clearTimeout(this.announceTimer);
    // Cleared first so that saying the same thing twice is heard twice.
    this.announcement = '';
    void this.updateComplete.then(() => {
      this.announcement = text;
      this.announceTimer = setTimeout(() => (this.announcement = ''), ANNOUNCE_MS);
    });
  }

  private onImageError = (event: Event): void => {
    // A broken image leaves its box (no layout shift) but not the browser's broken icon.
    (event.target as HTMLImageElement).classList.add('failed');
  };
}

/** A URL safe to bind to href/src: http, https, mailto or relative, resolved against the page. */
function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const checked = checkUrl(url, document.baseURI);
  return checked.ok ? checked.url : undefined;
}

/** The title, or for an untitled item the start of its summary or text. */
function titleOf(article: Article): string | undefined {
  if (article.title) return article.title;
  const text = (article.summary ?? article.contentText)?.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  return text.length > 100 ? `${text.slice(0, 99).trimEnd()}…` : text;
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-article-card': CivicArticleCard;
  }
}

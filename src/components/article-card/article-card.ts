import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Article, Feed } from '../../feed/model.js';
import type { FeedError } from '../../feed/errors.js';
import { findArticle, toArticle } from '../../feed/convert.js';
import { safeUrl } from '../../feed/values.js';
import { formatDate, isoInstant } from '../../format/dates.js';
import { formatCount } from '../../format/numbers.js';
import { headline } from '../../format/headline.js';
import type { JsonLdBlock } from '../../content/json-ld.js';
import type { FullArticle } from './full-article.js';
import { chunk } from '../../internal/lazy.js';
import { runtime } from '../shared/runtime.js';
import { CivicFeedElement } from '../shared/civic-feed-element.js';
import { renderEmpty, renderError, renderSkeleton, renderStaleNote } from '../shared/states.js';
import type { CardAction } from './card-actions.js';
import { articleCardStyles } from './article-card.styles.js';

/** How much of the article the card shows. */
export type ArticleCardVariant = 'summary' | 'full' | 'compact';
const VARIANTS: readonly ArticleCardVariant[] = ['summary', 'full', 'compact'];

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
      console.warn(`civic-article-card: unknown action "${name}"; use ${CARD_ACTIONS.join(', ')}`);
    }
  }
  return CARD_ACTIONS.filter((a) => names.has(a));
}

// Lazy: what only full cards need (body, attachments, JSON-LD: the `full-article` chunk, with
// marked and DOMPurify) and the action handlers (in `extras`; fetched when the
// buttons render, so a click finds them ready and the share sheet keeps its user gesture).
// The full article imports HTML text from the `extras` chunk: both are asked for at once,
// one round trip, not two.
const fullChunk = chunk(
  () =>
    Promise.all([import('./full-article.js'), import('../../internal/html-text.js')]).then(
      ([door]) => door,
    ),
  runtime,
);
const actionsChunk = chunk(() => import('./card-actions.js'), undefined);

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
 * `civic-widgets`; only http, https, mailto and relative URLs survive. Body, attachments
 * and JSON-LD of the `full` variant come in a small chunk of their own, loaded the first
 * time a card shows a full article (a body placeholder stands in meanwhile).
 *
 * Loaded, the card takes its natural size: an image frame only for an article with an
 * image, titles and tags that wrap, a meta line that wraps between its parts (its "|"
 * never dangles), and in the `summary` variant a summary that stops after three lines
 * with an ellipsis. While the feed loads, a placeholder with bars for a typical article
 * (an estimate) keeps the page from jumping much. A `full` card shows the summary as a
 * bold lead unless the body already opens with it.
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
 * @csspart media - The image frame, drawn only for an article with an image.
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
 * @cssproperty --civic-article-card-image-max-height - Tallest the image box grows; the image is cropped to it (default `16rem`).
 * @cssproperty --civic-article-card-image-radius - Image corner radius (default `4px`).
 * @cssproperty --civic-article-card-tag-background - Tag chip background (default transparent).
 */
export class CivicArticleCard extends CivicFeedElement {
  static override styles = articleCardStyles;

  static override properties: PropertyDeclarations = {
    itemId: { attribute: 'item-id', reflect: true },
    item: { attribute: false },
    variant: { reflect: true },
    actions: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    announcement: { state: true, attribute: false },
  };

  /** Id of the feed item to show (its `id`, or its `url`); the first item when unset. */
  declare itemId?: string;

  /** The article itself: a JSON Feed item object or an `Article` from `loadFeed`; wins over the feed. */
  declare item?: unknown;

  /** `summary` (title, meta line, summary, image), `full` (adds body and attachments) or `compact` (title and meta line). */
  variant: ArticleCardVariant = 'summary';

  /** Buttons after the meta line, space-separated: `print`, `share`, `copy-link`. */
  declare actions?: string;

  /** Level of the title heading, 1–6, to fit the page's outline; body and attachment headings go below it. */
  headingLevel = 3;

  /** What the last action has to say ("Đã sao chép liên kết"), read out politely. */
  private announcement = '';

  #itemCache?: { value: unknown; article: Article | undefined };
  #shown: Shown = { kind: 'idle' };
  #jsonLd?: JsonLdBlock;
  #announceTimer?: ReturnType<typeof setTimeout>;
  /** This card's body and attachments, once the full-variant chunk is in. */
  #full?: FullArticle;
  /** The full-variant chunk could not load (offline, a deploy in between): the body shows as text. */
  #fullFailed = false;

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page (moved by the site's script): put the structured data back.
    if (this.hasUpdated) this.#syncJsonLd();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#jsonLd?.remove();
    clearTimeout(this.#announceTimer);
  }

  // After the feed source has settled for this update (controllers run before update)
  // and before render, so the body starts loading in the frame that shows its placeholder.
  protected override update(changed: PropertyValues): void {
    const shown = (this.#shown = this.#resolve());
    if (this.#shownVariant === 'full') {
      if (shown.kind === 'article') this.#syncFull(shown.article);
      // A full card whose feed is still on its way will need the body renderer and, most
      // likely, the sanitizer: both start now, beside the feed request, not after it.
      else if (shown.kind === 'loading') this.#prefetchFull();
    }
    super.update(changed);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#full?.write(this.renderRoot);
    this.#syncJsonLd();
    if (this.#shown.kind === 'article' && parseActions(this.actions).length)
      void actionsChunk().catch(() => undefined);
  }

  override render(): TemplateResult {
    const shown = this.#shown;
    const m = this.messages;
    switch (shown.kind) {
      case 'idle':
        return html`<slot></slot>`;
      case 'loading':
        return this.#renderPlaceholder();
      case 'error':
        return renderError(m, shown.error, () => this.source.state.retry(), this);
      case 'empty':
        return renderEmpty(m);
      case 'article':
        return this.#renderArticle(
          shown.article,
          shown.feed,
          shown.stale ? shown.fetchedAt : undefined,
        );
    }
  }

  get #shownVariant(): ArticleCardVariant {
    return VARIANTS.includes(this.variant) ? this.variant : 'summary';
  }

  get #level(): number {
    const n = Math.trunc(Number(this.headingLevel));
    return n >= 1 && n <= 6 ? n : 3;
  }

  /** The article to show, or the state that stands in for it. */
  #resolve(): Shown {
    const state = this.source.state;
    const feed = state.status === 'ready' || state.status === 'stale' ? state.feed : undefined;
    if (this.item != null) {
      const article = this.#articleOf(this.item);
      return article ? { kind: 'article', article, feed, stale: false } : { kind: 'empty' };
    }
    switch (state.status) {
      case 'idle':
      case 'loading':
      case 'empty':
        return { kind: state.status };
      case 'error':
        return { kind: 'error', error: state.error };
      case 'ready':
      case 'stale': {
        const items = feed?.items ?? [];
        const article = findArticle(items, this.itemId);
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

  #articleOf(value: unknown): Article | undefined {
    let cache = this.#itemCache;
    if (!cache || cache.value !== value) {
      let article: Article | undefined;
      try {
        article = toArticle(value);
      } catch {
        article = undefined;
      }
      if (!article) {
        console.warn(
          'civic-article-card: .item is neither a JSON Feed item nor an Article; ignoring it',
        );
      }
      cache = this.#itemCache = { value, article };
    }
    return cache.article;
  }

  /** Starts the full view's chunks while the feed loads; a failure here is met again in #syncFull. */
  #prefetchFull(): void {
    if (this.#fullFailed) return;
    void fullChunk().catch(() => undefined);
  }

  /** Loads the full-variant chunk on first need, then lets it start on the article's body. */
  #syncFull(article: Article): void {
    const full = fullChunk.ready;
    if (full) {
      if (!this.#full) {
        this.#full = full.create(
          () => this.#renderBodyPlaceholder(),
          () => this.requestUpdate(),
        );
        if (this.shadowRoot) full.adoptStyles(this.shadowRoot);
      }
      this.#full.sync(article);
    } else if (!this.#fullFailed) {
      fullChunk().then(
        () => this.requestUpdate(),
        () => {
          this.#fullFailed = true;
          this.requestUpdate();
        },
      );
    }
  }

  #syncJsonLd(): void {
    const shown = this.#shown;
    if (!this.isConnected || this.#shownVariant !== 'full' || shown.kind !== 'article') {
      this.#jsonLd?.remove();
      return;
    }
    // The chunk is on its way (update() asked for it) and renders again when it is in.
    const full = fullChunk.ready;
    if (!full) return;
    (this.#jsonLd ??= new full.JsonLdBlock()).show(this.ownerDocument, shown.article, shown.feed);
  }

  /**
   * The loading placeholder: the card's frame with bars for a typical article (two title
   * lines, the meta line, two summary lines, the category line), an estimate so the page
   * moves little when it fills in. The loaded card then takes its own natural size.
   */
  #renderPlaceholder(): TemplateResult {
    const m = this.messages;
    const variant = this.#shownVariant;
    const actions = parseActions(this.actions);
    return html`<div class="card placeholder ${variant}" part="base">
      <span class="visually-hidden" part="status" role="status">${m.loading}</span>
      <div class="title"></div>
      <div class="meta"></div>
      ${
        actions.length
          ? // The real labels, invisible: the row wraps exactly as the loaded one will.
            html`<div class="actions" aria-hidden="true">
              ${actions.map((a) => html`<span class="action">${this.#actionLabel(a)}</span>`)}
              <span class="announce"></span>
            </div>`
          : nothing
      }
      ${variant === 'compact' ? nothing : html`<div class="lead"></div>`}
      ${
        variant === 'summary'
          ? html`<div class="taxonomy"></div>`
          : variant === 'full'
            ? this.#renderBodyPlaceholder()
            : nothing
      }
    </div>`;
  }

  #renderArticle(
    article: Article,
    feed: Feed | undefined,
    staleSince: Date | undefined,
  ): TemplateResult {
    const m = this.messages;
    const variant = this.#shownVariant;
    const zone = this.zoneFor(feed?.timeZone);
    const url = safeUrl(article.url);
    const lang = article.language ?? feed?.language;
    const wide = variant !== 'compact';
    const full = variant === 'full' ? this.#full : undefined;
    const view = { article, url, lang, level: this.#level, m, locale: this.localeTag };
    const title = headline(article) ?? m.untitled;
    // Only what the article has is drawn: no empty image frame, no reserved lines. A full
    // card leaves the lead to the full-variant chunk, which knows whether the body already
    // opens with the summary.
    return html`<article class="card ${variant}" part="base" aria-labelledby="title">
        ${wide ? this.#renderImage(article) : nothing}
        ${titleHeading(this.#level, url ? html`<a class="link" href=${url}>${title}</a>` : title, lang)}
        ${this.#renderMeta(article, zone)} ${this.#renderActions(article, url)}
        ${
          wide && article.summary && (variant === 'summary' || (!full && this.#fullFailed))
            ? html`<p class="lead" part="summary" lang=${ifDefined(lang)}>${article.summary}</p>`
            : full
              ? full.renderLead(view)
              : nothing
        }
        ${
          variant !== 'full'
            ? nothing
            : full
              ? full.renderBody(view)
              : this.#fullFailed
                ? this.#renderBodyText(article, lang)
                : this.#renderBodyPlaceholder()
        }
        ${wide ? this.#renderTaxonomy(article) : nothing}
        ${full ? full.renderAttachments(view) : nothing}
      </article>
      ${staleSince ? renderStaleNote(m, formatDate(staleSince, zone, this.localeTag)) : nothing}`;
  }

  #renderImage(article: Article): TemplateResult | typeof nothing {
    const src = safeUrl(article.image);
    // No image, no frame: an empty tinted box is not content.
    if (!src) return nothing;
    return html`<div class="media" part="media">
      <img
        class="image"
        part="image"
        src=${src}
        alt=""
        loading="lazy"
        decoding="async"
        @error=${this.#onImageError}
      />
    </div>`;
  }

  #renderMeta(article: Article, zone: string): TemplateResult | typeof nothing {
    const m = this.messages;
    const date = article.modified ?? article.published;
    const label = article.modified ? m.updated : m.published;
    const hasViews = article.views !== undefined;
    // One string, so the text reads "Lượt xem: 2.007" with exactly one space.
    const views = `${m.labelled(m.views)} ${formatCount(article.views ?? 0, this.localeTag)}`;
    if (!date && !hasViews) return nothing;
    // One text run with no stray whitespace: the line reads exactly
    // "Ngày cập nhật: 20/03/2020 03:57:36 | Lượt xem: 2.007". The separator sits in the gap
    // before the count (see the styles): when the line wraps it falls outside the box and
    // never dangles at either end of a line.
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
      }${
        hasViews
          ? html`<span class="views"
              >${date ? html`<span class="sep">${m.metaSeparator}</span>` : nothing}${views}</span
            >`
          : nothing
      }
    </p>`;
  }

  #renderActions(article: Article, url: string | undefined): TemplateResult | typeof nothing {
    const named = parseActions(this.actions);
    if (!named.length) return nothing;
    // Share and copy need a link to hand out; print works for any article. The row stays,
    // as the placeholder drew it, even when no button applies.
    const actions = named.filter((a) => a === 'print' || url);
    return html`<div class="actions" part="actions">
      ${actions.map(
        (action) =>
          html`<button
            type="button"
            class="action"
            data-action=${action}
            aria-describedby="title"
            @click=${() => this.#onAction(action, article, url)}
          >
            ${this.#actionLabel(action)}
          </button>`,
      )}
      <span class="announce" role="status">${this.announcement}</span>
    </div>`;
  }

  #actionLabel(action: CardAction): string {
    const m = this.messages;
    return action === 'print' ? m.print : action === 'share' ? m.share : m.copyLink;
  }

  /** Bars where the body will be: busy, but silent (one status region per widget is enough). */
  #renderBodyPlaceholder(): TemplateResult {
    return html`<div class="body loading" part="body" aria-busy="true">
      ${renderSkeleton(this.messages, 8, false)}
    </div>`;
  }

  /**
   * The body when the full-variant chunk could not load: Markdown or plain text shown as
   * text (the styles keep its line breaks), never HTML parsed outside the sanitizer.
   */
  #renderBodyText(article: Article, lang: string | undefined): TemplateResult {
    return html`<div class="body text" part="body" lang=${ifDefined(lang)}>
      ${article.markdown ?? article.contentText ?? this.messages.bodyUnavailable}
    </div>`;
  }

  /**
   * Category and tags, which wrap as needed. In a summary card the chips need no visible
   * "Từ khóa:" before them (screen readers still hear it); a full card shows the label.
   */
  #renderTaxonomy(article: Article): TemplateResult | typeof nothing {
    const m = this.messages;
    // A tag that only repeats the category says nothing new: "Thông báo [Thông báo]".
    const same = (t: string) => t.normalize('NFC').trim().toLowerCase();
    const category = article.category ? same(article.category) : undefined;
    const tags = article.tags.filter((t) => same(t) !== category);
    if (!article.category && !tags.length) return nothing;
    return html`<div class="taxonomy">
      ${
        article.category
          ? html`<p class="category" part="category">
              ${m.labelled(m.category)}
              <span class="category-name">${article.category}</span>
            </p>`
          : nothing
      }
      ${
        tags.length
          ? html`<div class="tags" part="tags">
              <span id="tags-label" class=${this.#shownVariant === 'full' ? '' : 'visually-hidden'}
                >${m.labelled(m.tags)}</span
              >
              <ul aria-labelledby="tags-label">
                ${tags.map((tag) => html`<li class="tag">${tag}</li>`)}
              </ul>
            </div>`
          : nothing
      }
    </div>`;
  }

  #onAction(action: CardAction, article: Article, url: string | undefined): void {
    // The handlers are fetched when the buttons render; a click that beats them waits.
    const actions = actionsChunk.ready;
    if (!actions) {
      actionsChunk().then(
        () => this.#onAction(action, article, url),
        () => this.#announce(this.messages.linkCopyFailed),
      );
      return;
    }
    void actions.runAction(action, this, headline(article), url).then((result) => {
      if (result === 'copied') this.#announce(this.messages.linkCopied);
      else if (result === 'failed') this.#announce(this.messages.linkCopyFailed);
    });
  }

  #announce(text: string): void {
    clearTimeout(this.#announceTimer);
    // Cleared first so that saying the same thing twice is heard twice.
    this.announcement = '';
    void this.updateComplete.then(() => {
      this.announcement = text;
      this.#announceTimer = setTimeout(() => (this.announcement = ''), ANNOUNCE_MS);
    });
  }

  #onImageError = (event: Event): void => {
    // A broken image leaves its box (no layout shift) but not the browser's broken icon.
    (event.target as HTMLImageElement).classList.add('failed');
  };
}

/**
 * The title as an `<h1>`–`<h6>` that fits the page's outline: a switch of plain templates
 * costs the entry less than `lit/static-html`.
 */
function titleHeading(level: number, content: unknown, lang: string | undefined): TemplateResult {
  switch (level) {
    case 1:
      return html`<h1 class="title" part="title" id="title" lang=${ifDefined(lang)}>
        ${content}
      </h1>`;
    case 2:
      return html`<h2 class="title" part="title" id="title" lang=${ifDefined(lang)}>
        ${content}
      </h2>`;
    case 4:
      return html`<h4 class="title" part="title" id="title" lang=${ifDefined(lang)}>
        ${content}
      </h4>`;
    case 5:
      return html`<h5 class="title" part="title" id="title" lang=${ifDefined(lang)}>
        ${content}
      </h5>`;
    case 6:
      return html`<h6 class="title" part="title" id="title" lang=${ifDefined(lang)}>
        ${content}
      </h6>`;
    default:
      return html`<h3 class="title" part="title" id="title" lang=${ifDefined(lang)}>
        ${content}
      </h3>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-article-card': CivicArticleCard;
  }
}

import type { JsonFeedItem } from '../../feed/json-feed.js';
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
import { safeUrl } from '../../feed/values.js';
import { zoneOf } from '../../feed/parse-json.js';
import { formatDate } from '../../format/dates.js';
import { headline } from '../../format/headline.js';
import type { JsonLdBlock } from '../../content/json-ld.js';
import type { FullArticle } from './full-article.js';
import { chunk } from '../../internal/lazy.js';
import { runtime } from '../shared/runtime.js';
import { fullArticle } from './early.js';
import { ArticleSource } from '../shared/article-source.js';
import { CivicFeedElement } from '../shared/civic-feed-element.js';
import { errorRole, renderEmpty, renderError, renderStaleNote } from '../shared/states.js';
import { ActionRow } from './action-row.js';
import {
  renderBodyPlaceholder,
  renderBodyText,
  renderImage,
  renderMeta,
  renderPlaceholder,
  renderTaxonomy,
  titleHeading,
  type ArticleCardVariant,
} from './card-parts.js';
import { articleCardStyles } from './article-card.styles.js';

export type { ArticleCardVariant } from './card-parts.js';
const VARIANTS: readonly ArticleCardVariant[] = ['summary', 'full', 'compact'];

/** What the card has to draw, resolved from `.item`, the feed and `item-id`. */
type Shown =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'error'; error?: FeedError; role: 'alert' | 'status' }
  | { kind: 'empty' }
  | { kind: 'article'; article: Article; feed?: Feed; fetchedAt?: Date; stale: boolean };

// Lazy: what only full cards need (body, attachments, JSON-LD: the `full-article` chunk,
// with marked and DOMPurify, see early.ts; the action handlers are action-row.ts's). The
// chunk imports no other chunk (it has its own copy of HTML text, see vite.config.ts).
const fullChunk = chunk(fullArticle, runtime);

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
 * image (it goes away if the image cannot be loaded), titles and tags that wrap, a meta line that wraps between its parts (its "|"
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
 * @csspart media - The image frame, drawn only for an article with an image (and gone if it cannot be loaded).
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
 * @cssproperty --civic-article-card-gap - Space between the parts (default `0.5em`).
 * @cssproperty --civic-article-card-padding - Inner padding (default `1em`).
 * @cssproperty --civic-article-card-border - Border (default `1px solid` the border colour).
 * @cssproperty --civic-article-card-radius - Corner radius (default `8px`).
 * @cssproperty --civic-article-card-background - Background (default `--civic-color-surface`, transparent).
 * @cssproperty --civic-article-card-title-color - Title colour (default: inherited).
 * @cssproperty --civic-article-card-title-size - Title font size (default `1.25em`; `1em` when compact).
 * @cssproperty --civic-article-card-title-weight - Title font weight (default `700`).
 * @cssproperty --civic-article-card-meta-color - Meta line colour (default `--civic-color-muted`).
 * @cssproperty --civic-article-card-meta-size - Meta line font size (default `0.875em`).
 * @cssproperty --civic-article-card-image-ratio - Image box aspect ratio (default `16 / 9`).
 * @cssproperty --civic-article-card-image-max-height - Tallest the image box grows; the image is cropped to it (default `16em`).
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
  };

  /** Id of the feed item to show (its `id`, or its `url`); the first item when unset. */
  declare itemId?: string;

  /** The article itself: a JSON Feed item object or an `Article` from `loadFeed`; wins over the feed. */
  declare item?: JsonFeedItem | Article | null;

  /** `summary` (title, meta line, summary, image), `full` (adds body and attachments) or `compact` (title and meta line). */
  variant: ArticleCardVariant = 'summary';

  /** Buttons after the meta line, space-separated: `print`, `share`, `copy-link`. */
  declare actions?: string;

  /** Level of the title heading, 1–6, to fit the page's outline; body and attachment headings go below it. */
  headingLevel = 3;

  /** The buttons `actions` names, and what the last one has to say. */
  readonly #actions = new ActionRow(this, () => this.messages);

  /** `.item`, else the feed's item named by `item-id`, else its first. */
  readonly #articles = new ArticleSource(this, this.source);
  #shown: Shown = { kind: 'idle' };
  #jsonLd?: JsonLdBlock;
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
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('actions')) this.#actions.read(this.actions);
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
    this.#full?.write(this.renderRoot, this.#level);
    this.#syncJsonLd();
    if (this.#shown.kind === 'article') this.#actions.prefetch();
  }

  override render(): TemplateResult | typeof nothing {
    const shown = this.#shown;
    const m = this.messages;
    switch (shown.kind) {
      case 'idle':
        return html`<slot></slot>`;
      case 'loading':
        if (this.source.state.held) return nothing;
        return renderPlaceholder(m, this.#shownVariant, this.#actions.renderPlaceholder());
      case 'error':
        return renderError(m, shown.error, () => this.source.state.retry(), shown.role);
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
    const { article } = this.#articles;
    if (this.#articles.fromItem) {
      return article ? { kind: 'article', article, feed, stale: false } : { kind: 'empty' };
    }
    switch (state.status) {
      case 'idle':
      case 'loading':
      case 'empty':
        return { kind: state.status };
      case 'error':
        return { kind: 'error', error: state.error, role: errorRole(state.error, this) };
      case 'ready':
      case 'stale': {
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
          () => renderBodyPlaceholder(this.messages),
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

  #renderArticle(
    article: Article,
    feed: Feed | undefined,
    staleSince: Date | undefined,
  ): TemplateResult {
    const m = this.messages;
    const variant = this.#shownVariant;
    // Handed alone (`.item`), an article read from a feed still has its publisher's zone.
    const zone = this.zoneFor(feed?.timeZone ?? zoneOf.get(article));
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
        ${wide ? renderImage(article) : nothing}
        ${titleHeading(this.#level, url ? html`<a class="link" href=${url}>${title}</a>` : title, lang)}
        ${renderMeta(article, m, zone, this.localeTag)} ${this.#actions.render(article, url)}
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
                ? renderBodyText(article, lang, m)
                : renderBodyPlaceholder(m)
        }
        ${wide ? renderTaxonomy(article, m, variant === 'full') : nothing}
        ${full ? full.renderAttachments(view) : nothing}
      </article>
      ${staleSince ? renderStaleNote(m, formatDate(staleSince, zone, this.localeTag)) : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-article-card': CivicArticleCard;
  }
}

/**
 * The article card's parts that depend on the article alone: the title heading, image,
 * meta line, category and tags, the body as text, and the loading placeholders. The card
 * decides what shows (its states, the full-variant chunk, the actions); these draw.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Article } from '../../feed/model.js';
import { safeUrl } from '../../feed/values.js';
import { formatDate, isoInstant } from '../../format/dates.js';
import type { Messages } from '../../format/messages.js';
import { formatCount } from '../../format/numbers.js';
import { renderSkeleton } from '../shared/states.js';

/** How much of the article the card shows. */
export type ArticleCardVariant = 'summary' | 'full' | 'compact';

/**
 * The title as an `<h1>`–`<h6>` that fits the page's outline: a switch of plain templates
 * costs the entry less than `lit/static-html`.
 */
export function titleHeading(
  level: number,
  content: unknown,
  lang: string | undefined,
): TemplateResult {
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

/**
 * The loading placeholder: the card's frame with bars for a typical article (two title
 * lines, the meta line, two summary lines, the category line), an estimate so the page
 * moves little when it fills in. The loaded card then takes its own natural size.
 * `actions` is the action row's placeholder.
 */
export function renderPlaceholder(
  m: Messages,
  variant: ArticleCardVariant,
  actions: unknown,
): TemplateResult {
  return html`<div class="card placeholder ${variant}" part="base">
    <span class="visually-hidden" part="status" role="status">${m.loading}</span>
    <div class="title"></div>
    <div class="meta"></div>
    ${actions} ${variant === 'compact' ? nothing : html`<div class="lead"></div>`}
    ${
      variant === 'summary'
        ? html`<div class="taxonomy"></div>`
        : variant === 'full'
          ? renderBodyPlaceholder(m)
          : nothing
    }
  </div>`;
}

/** Bars where the body will be: busy, but silent (one status region per widget is enough). */
export function renderBodyPlaceholder(m: Messages): TemplateResult {
  return html`<div class="body loading" part="body" aria-busy="true">
    ${renderSkeleton(m, 8, false)}
  </div>`;
}

/**
 * The body when the full-variant chunk could not load: Markdown or plain text shown as
 * text (the styles keep its line breaks), never HTML parsed outside the sanitizer.
 */
export function renderBodyText(
  article: Article,
  lang: string | undefined,
  m: Messages,
): TemplateResult {
  return html`<div class="body text" part="body" lang=${ifDefined(lang)}>
    ${article.markdown ?? article.contentText ?? m.bodyUnavailable}
  </div>`;
}

/** The image in its frame; nothing at all for an article without a usable image. */
export function renderImage(article: Article): TemplateResult | typeof nothing {
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
      @error=${onImageError}
    />
  </div>`;
}

function onImageError(event: Event): void {
  // An image that cannot be loaded takes its frame with it (the styles hide the frame of
  // a failed image): an empty tinted box is not content, with or without a broken icon.
  (event.target as HTMLImageElement).classList.add('failed');
}

/** "Ngày cập nhật: 20/03/2020 03:57:36 | Lượt xem: 2.007", dates in `zone`. */
export function renderMeta(
  article: Article,
  m: Messages,
  zone: string,
  locale: string,
): TemplateResult | typeof nothing {
  const date = article.modified ?? article.published;
  const label = article.modified ? m.updated : m.published;
  const hasViews = article.views !== undefined;
  // One string, so the text reads "Lượt xem: 2.007" with exactly one space.
  const views = `${m.labelled(m.views)} ${formatCount(article.views ?? 0, locale)}`;
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
            <time datetime=${isoInstant(date)}>${formatDate(date, zone, locale)}</time></span
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

/**
 * Category and tags, which wrap as needed. In a summary card the chips need no visible
 * "Từ khóa:" before them (screen readers still hear it); a full card (`full`) shows the
 * label.
 */
export function renderTaxonomy(
  article: Article,
  m: Messages,
  full: boolean,
): TemplateResult | typeof nothing {
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
            <span id="tags-label" class=${full ? '' : 'visually-hidden'}
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

import { css, unsafeCSS } from 'lit';
import { sharedStyles } from '../shared/shared.styles.js';

/**
 * The card. The whole card is one link using the "block link" pattern: the title's link
 * stretches an invisible `::after` over the card, and the parts people interact with on
 * their own (actions, body, attachments) sit above it.
 *
 * Once loaded, the card takes its natural size: no image frame without an image, titles
 * and tags wrap, only a summary card's summary may stop after three lines (with an
 * ellipsis). Layout shift is a loading matter: the placeholder draws bars for a typical
 * article, an estimate of the height to come.
 */
export const articleCardStyles = [
  sharedStyles,
  css`
    :host {
      display: block;
    }
    .card {
      position: relative;
      display: flex;
      flex-direction: column;
      gap: var(--civic-article-card-gap, 0.5em);
      padding: var(--civic-article-card-padding, 1em);
      border: var(--civic-article-card-border, 1px solid var(--_border));
      border-radius: var(--civic-article-card-radius, 8px);
      background: var(--civic-article-card-background, var(--_surface));
      overflow-wrap: anywhere;
    }
    .card > * {
      margin: 0;
    }

    .media {
      aspect-ratio: var(--civic-article-card-image-ratio, 16 / 9);
      width: 100%;
      max-height: var(--civic-article-card-image-max-height, 16em);
      overflow: hidden;
      border-radius: var(--civic-article-card-image-radius, 4px);
      background: var(--_skeleton);
    }
    .image {
      display: block;
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
    .media:has(.failed) {
      display: none;
    }

    .title {
      color: var(--civic-article-card-title-color, inherit);
      font-size: var(--civic-article-card-title-size, 1.25em);
      font-weight: var(--civic-article-card-title-weight, 700);
      line-height: 1.3;
    }
    .compact .title {
      font-size: var(--civic-article-card-title-size, 1em);
    }
    .lead {
      line-height: 1.5;
    }
    /* A long summary may stop after three lines, with an ellipsis; the article has the rest. */
    .summary .lead {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 3;
      overflow: hidden;
    }
    .link {
      color: inherit;
      text-decoration: none;
    }
    .link::after {
      content: '';
      position: absolute;
      inset: 0;
      border-radius: var(--civic-article-card-radius, 8px);
    }
    .card:hover .link,
    .link:focus-visible {
      text-decoration: underline;
    }
    /* The focus ring goes round the whole card, which is what the link covers. */
    .link:focus-visible {
      outline: none;
    }
    .link:focus-visible::after {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }

    /* The meta line wraps between its parts. The separator before the count sits in the
       gap, outside the count's box: on a wrapped line that starts with the count it falls
       outside the meta box and is clipped, so no line starts or ends with "|". */
    .meta {
      display: flex;
      flex-wrap: wrap;
      column-gap: 1.5em;
      overflow: hidden;
      color: var(--civic-article-card-meta-color, var(--_muted));
      font-size: var(--civic-article-card-meta-size, 0.875em);
      line-height: 1.5;
    }
    .views {
      position: relative;
    }
    .sep {
      position: absolute;
      inset-inline-end: 100%;
      width: 1.5em;
      text-align: center;
    }
    time {
      white-space: nowrap;
    }

    /* Above the stretched link, so they stay clickable, selectable and separately focusable. */
    .actions,
    .body,
    .attachments {
      position: relative;
      z-index: 1;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em;
    }
    .action {
      display: inline-block;
      padding: 0.25em 0.75em;
      border: 1px solid currentColor;
      border-radius: 4px;
      background: transparent;
      color: inherit;
      font-size: 0.875em;
      line-height: 1.5;
    }
    .announce {
      color: var(--_muted);
      font-size: 0.875em;
    }

    /* The body's own typography and the attachments list come with their lazy chunk
       (src/components/article-card/full-article.ts). */
    .body {
      line-height: 1.6;
    }
    .body.text {
      white-space: pre-line;
    }

    /* Category, then the tags, wrapping as needed. */
    .taxonomy {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em 0.5em;
      font-size: 0.875em;
      line-height: 1.5;
      color: var(--_muted);
    }
    .category {
      margin: 0;
    }
    .category-name {
      color: var(--civic-color-text, inherit);
    }
    .tags {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.25em 0.5em;
    }
    .tags ul {
      display: contents;
      list-style: none;
    }
    .tag {
      display: inline-block;
      max-width: 100%;
      padding: 0 0.5em;
      border: 1px solid var(--_border);
      border-radius: 999px;
      background: var(--civic-article-card-tag-background, transparent);
      color: var(--civic-color-text, inherit);
    }

    /* The placeholder: bars for a typical article (an estimate, see the element). */
    .placeholder .title,
    .placeholder .meta,
    .placeholder .lead,
    .placeholder .taxonomy {
      width: 80%;
      height: calc(var(--_n, 1) * 1lh);
      background: repeating-linear-gradient(var(--_skeleton) 0 1em, transparent 0 1lh);
    }
    .placeholder .title,
    .placeholder.summary .lead {
      --_n: 2;
    }
    .placeholder .actions {
      visibility: hidden;
    }
    @media (prefers-reduced-motion: no-preference) {
      .placeholder > :not(.body) {
        animation: civic-pulse 1.5s ease-in-out infinite;
      }
    }
    .stale {
      margin: 0.25em 0 0;
      font-size: 0.875em;
    }

    @media print {
      .actions,
      .announce {
        display: none;
      }
      .card {
        border: none;
        padding: 0;
      }
      /* On paper the summary is not cut short, and the link that covered the card on screen
         writes out the address of the rest instead. */
      .summary .lead {
        display: block;
        overflow: visible;
      }
      .link::after {
        position: static;
        content: ' (' attr(href) ')';
        font-size: 0.75em;
        font-weight: 400;
      }
    }
    @media (forced-colors: active) {
      .card {
        border: 1px solid CanvasText;
      }
      .link:focus-visible::after {
        outline-color: Highlight;
      }
      .tag {
        border-color: CanvasText;
      }
      .media {
        background: Canvas;
      }
      /* The placeholder's bars are a background, which forced colours remove: outlined,
         the loading card is not an empty frame. */
      .placeholder > :not(.actions, .visually-hidden) {
        border: 1px solid CanvasText;
      }
    }
  `,
  // Titles that avoid a lone last word; the placeholder is a container, and a wide card's
  // title usually fits one line. Plain text because lit-analyzer's CSS checker predates
  // these properties.
  unsafeCSS(
    '.title{text-wrap:pretty}.placeholder{container-type:inline-size}' +
      '@container (width>=40em){.placeholder .title{--_n:1}}',
  ),
];

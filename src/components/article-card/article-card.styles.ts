import { css, unsafeCSS } from 'lit';
import { sharedStyles } from '../shared/shared.styles.js';

/**
 * The card. The whole card is one link using the "block link" pattern: the title's link
 * stretches an invisible `::after` over the card, and the parts people interact with on
 * their own (actions, body, attachments) sit above it.
 *
 * No layout shift: the loading placeholder cannot know the article, so no region of a
 * summary or compact card has a height that depends on it. The media frame is drawn with
 * or without an image (an aspect ratio with a cap); title, meta line, summary and the
 * category/tags line are clamped to fixed line counts (`--_n` lines of `--_lh`) and keep
 * that height when shorter or empty; a narrow card (container query) allows more lines.
 * The placeholder draws the same regions with the same classes, so both heights agree at
 * any width. A full card is the article itself and cuts nothing: its summary, body and
 * attachments are as long as the
 * article (nothing could reserve that), so it reserves no image frame or title lines.
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
      gap: var(--civic-article-card-gap, 0.5rem);
      padding: var(--civic-article-card-padding, 1rem);
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
      max-height: var(--civic-article-card-image-max-height, 16rem);
      overflow: hidden;
      border-radius: var(--civic-article-card-image-radius, 4px);
      background: var(--_skeleton);
    }
    .media.none {
      background: var(
        --civic-article-card-image-placeholder,
        color-mix(in srgb, var(--_accent) 8%, transparent)
      );
    }
    .image {
      display: block;
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
    .image.failed {
      visibility: hidden;
    }

    .title {
      --_lh: 1.3em;
      --_n: 2;
      min-height: 2.6em;
      color: var(--civic-article-card-title-color, inherit);
      font-size: var(--civic-article-card-title-size, 1.25rem);
      font-weight: var(--civic-article-card-title-weight, 700);
    }
    .compact .title {
      font-size: var(--civic-article-card-title-size, 1rem);
    }
    .title,
    .meta,
    .lead {
      line-height: var(--_lh);
    }
    .meta,
    .lead {
      --_lh: 1.5em;
      --_n: 1;
    }
    .lead {
      --_n: 3;
    }
    /* Dates and counts never break inside; the meta line wraps only between them. */
    .date,
    .views {
      white-space: nowrap;
    }
    .meta,
    .summary .title,
    .compact .title,
    .summary .lead {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: var(--_n);
      overflow: hidden;
      height: calc(var(--_n) * var(--_lh));
    }
    .full .lead {
      font-weight: 600;
    }
    /* A full card reserves nothing: an empty second title line would only be a gap. */
    .full .title {
      min-height: 0;
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

    .meta {
      color: var(--civic-article-card-meta-color, var(--_muted));
      font-size: var(--civic-article-card-meta-size, 0.875rem);
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
      gap: 0.5rem;
    }
    .action {
      display: inline-block;
      padding: 0.25em 0.75em;
      border: 1px solid currentColor;
      border-radius: 4px;
      background: transparent;
      color: inherit;
      font-size: 0.875rem;
      line-height: 1.5;
    }
    .announce {
      color: var(--_muted);
      font-size: 0.875rem;
    }

    /* The body's own typography and the attachments list come with their lazy chunk
       (src/content/full-article.ts). */
    .body {
      line-height: 1.6;
    }
    .body.loading {
      min-height: 12em;
    }
    .body.text {
      white-space: pre-line;
    }

    /* Category, then tags: in a summary card one line, where tags that do not fit wrap
       out of sight (screen readers still hear them all). */
    .taxonomy {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
      font-size: 0.875rem;
      line-height: 1.5;
      color: var(--_muted);
    }
    .summary .taxonomy {
      height: calc(1.5em + 2px);
      overflow: hidden;
    }
    .category {
      margin: 0;
    }
    .summary .category {
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .summary .taxonomy > * {
      white-space: nowrap;
    }
    .summary .tags {
      flex: 1 1 0;
      min-width: 0;
    }
    .category-name {
      color: var(--civic-color-text, inherit);
    }
    .tags {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.25rem 0.5rem;
    }
    .tags ul {
      display: contents;
      list-style: none;
    }
    .tag {
      display: inline-block;
      padding: 0 0.5em;
      border: 1px solid var(--_border);
      border-radius: 999px;
      background: var(--civic-article-card-tag-background, transparent);
      color: var(--civic-color-text, inherit);
    }

    /* The placeholder's regions show one bar per line they reserve. */
    .placeholder .title,
    .placeholder .meta,
    .placeholder .lead {
      width: 80%;
      background: repeating-linear-gradient(var(--_skeleton) 0 1em, transparent 0 var(--_lh));
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
      margin: 0.25rem 0 0;
      font-size: 0.875rem;
    }

    @media print {
      .actions,
      .announce {
        display: none;
      }
      .link::after {
        display: none;
      }
      .card {
        border: none;
        padding: 0;
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
    }
  `,
  // After the rules above, which it overrides: a narrow card (a phone, a sidebar) gives
  // title, summary and meta line one more line. Plain text because lit-analyzer's CSS
  // checker predates container queries.
  unsafeCSS(
    '.card{container-type:inline-size}' +
      '@container (width < 30rem){.summary .title{--_n:3}.lead{--_n:4}.meta{--_n:2}}',
  ),
];

import { css } from 'lit';
import { sharedStyles } from '../shared/shared.styles.js';

/**
 * The card. The whole card is one link using the "block link" pattern: the title's link
 * stretches an invisible `::after` over the card, and the parts people interact with on
 * their own (actions, body, attachments) sit above it.
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
    .image.failed {
      visibility: hidden;
    }

    .title {
      margin: 0;
      color: var(--civic-article-card-title-color, inherit);
      font-size: var(--civic-article-card-title-size, 1.25rem);
      font-weight: var(--civic-article-card-title-weight, 700);
      line-height: 1.3;
    }
    .compact .title {
      font-size: var(--civic-article-card-title-size, 1rem);
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
      padding: 0.25em 0.75em;
      border: 1px solid currentColor;
      border-radius: 4px;
      background: transparent;
      color: inherit;
      font-size: 0.875rem;
    }
    .announce {
      color: var(--_muted);
      font-size: 0.875rem;
    }

    .summary {
      line-height: 1.5;
    }
    .full .summary {
      font-weight: 600;
    }
    .body {
      line-height: 1.6;
    }
    .body > :first-child {
      margin-top: 0;
    }
    .body > :last-child {
      margin-bottom: 0;
    }
    .body img {
      max-width: 100%;
      height: auto;
    }
    .body a {
      color: var(--_accent);
    }
    .body.loading {
      min-height: 12em;
    }

    .category,
    .tags {
      font-size: 0.875rem;
      color: var(--_muted);
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

    .attachments-heading {
      margin: 0 0 0.25rem;
      font-size: 1rem;
    }
    .attachments ul {
      margin: 0;
      padding-left: 1.25rem;
    }
    .attachments a {
      color: var(--_accent);
    }
    .file-meta {
      color: var(--_muted);
      font-size: 0.875em;
    }

    .placeholder .media {
      background: var(--_skeleton);
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
];

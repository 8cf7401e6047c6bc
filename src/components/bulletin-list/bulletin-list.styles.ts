import { css } from 'lit';
import { sharedStyles } from '../shared/shared.styles.js';
import { newBadgeStyles } from '../shared/new-badge.js';

export const bulletinListStyles = [
  sharedStyles,
  newBadgeStyles,
  css`
    :host {
      display: block;
      --_gap: var(--civic-bulletin-list-gap, 0.75rem);
      --_date: var(--civic-bulletin-list-date-color, var(--_muted));
      --_badge-background: var(--civic-bulletin-list-badge-background, #b3261e);
      --_badge-color: var(--civic-bulletin-list-badge-color, #fff);
      --_featured: var(--civic-bulletin-list-featured-color, var(--_accent));
      line-height: 1.4;
    }

    .list {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .item {
      position: relative;
      margin: 0;
    }
    .title {
      color: var(--civic-bulletin-list-title-color, inherit);
      font-weight: 600;
      text-decoration: none;
    }
    a.title:hover,
    a.title:focus-visible {
      text-decoration: underline;
    }
    .meta {
      display: block;
      color: var(--_date);
      font-size: 0.875em;
    }
    .views {
      margin-inline-start: 0.5em;
      padding-inline-start: 0.5em;
      border-inline-start: 1px solid currentColor;
    }
    .summary {
      margin: 0.25em 0 0;
      /* A bounded height keeps the skeleton's reserved space honest. */
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: var(--civic-bulletin-list-summary-lines, 3);
      line-clamp: var(--civic-bulletin-list-summary-lines, 3);
      overflow: hidden;
    }
    .featured {
      border-inline-start: 4px solid var(--_featured);
      padding-inline-start: 0.6em;
    }
    .more {
      display: block;
      margin-top: var(--_gap);
      padding: 0.35em 1em;
      border: 1px solid currentColor;
      border-radius: 4px;
      background: transparent;
      color: var(--civic-bulletin-list-title-color, inherit);
    }
    .more:hover {
      background: color-mix(in srgb, currentColor 8%, transparent);
    }
    .stale {
      margin: 0 0 var(--_gap);
      font-size: 0.875em;
    }

    /* list: title, date, summary, one item under the other. */
    .layout-list .list {
      display: flex;
      flex-direction: column;
      gap: var(--_gap);
    }

    /* compact: title and date on one line. */
    .layout-compact .list {
      display: flex;
      flex-direction: column;
      gap: calc(var(--_gap) / 2);
    }
    .layout-compact .item {
      display: flex;
      align-items: baseline;
      gap: 0.5em;
      min-width: 0;
    }
    .layout-compact .title {
      flex: 0 1 auto;
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      /* Inside overflow: hidden an outside ring would be cut off. */
      outline-offset: -2px;
    }
    .layout-compact .meta {
      flex: none;
      margin-inline-start: auto;
    }

    /* grid: cards with a reserved image box. */
    .layout-grid .list {
      display: grid;
      grid-template-columns: repeat(
        auto-fill,
        minmax(min(100%, var(--civic-bulletin-list-grid-min-width, 15rem)), 1fr)
      );
      gap: var(--_gap);
    }
    .layout-grid .item {
      display: flex;
      flex-direction: column;
      border: 1px solid var(--_border);
      border-radius: 6px;
      background: var(--_surface);
    }
    .layout-grid .featured {
      padding-inline-start: 0;
    }
    .layout-grid .card-body {
      padding: 0.6em 0.75em 0.75em;
    }
    .image {
      display: block;
      aspect-ratio: var(--civic-bulletin-list-image-ratio, 16 / 9);
      border-radius: 5px 5px 0 0;
      background: var(--_skeleton);
      overflow: hidden;
    }
    .image img {
      display: block;
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
    /* The title link covers the whole card, so the picture is a click target too. */
    .layout-grid a.title::after {
      content: '';
      position: absolute;
      inset: 0;
    }
    .layout-grid .item:has(a.title:focus-visible) {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }

    /* ticker: one line of headlines moving right to left, CSS only. */
    .layout-ticker {
      display: flex;
      align-items: center;
      gap: 0.5em;
    }
    .ticker-viewport {
      flex: 1;
      min-width: 0;
      overflow: hidden;
    }
    .layout-ticker .list {
      display: flex;
      width: max-content;
      gap: 2.5em;
      white-space: nowrap;
    }
    .layout-ticker .item {
      display: flex;
      align-items: baseline;
      gap: 0.5em;
    }
    .layout-ticker .featured {
      padding-inline-start: 0.5em;
    }
    .pause {
      flex: none;
      padding: 0.15em 0.6em;
      border: 1px solid currentColor;
      border-radius: 4px;
      background: transparent;
      color: inherit;
      font-size: 0.875em;
    }
    .pause[aria-pressed='true'] {
      background: color-mix(in srgb, currentColor 12%, transparent);
    }
    @media (prefers-reduced-motion: no-preference) {
      .layout-ticker .list {
        animation: civic-ticker var(--civic-bulletin-list-ticker-duration, 40s) linear infinite;
      }
      .ticker-viewport:hover .list,
      .layout-ticker.paused .list {
        animation-play-state: paused;
      }
      /* A keyboard user must see the link they are on: stop, and let the browser scroll it into view. */
      .ticker-viewport:focus-within .list {
        animation: none;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      /* No motion: the headlines become a static, wrapping list. */
      .layout-ticker .list {
        width: auto;
        flex-wrap: wrap;
        row-gap: 0.25em;
        white-space: normal;
      }
      .pause {
        display: none;
      }
    }
    @keyframes civic-ticker {
      from {
        transform: translateX(0);
      }
      to {
        transform: translateX(-100%);
      }
    }

    /* Loading: each skeleton bar stands in for one item of the layout, at its height. */
    /* A typical item: a title that may wrap, the date, two lines of summary. */
    .layout-list .skeleton-line {
      height: 6em;
      margin: 0 0 var(--_gap);
    }
    .layout-compact .skeleton-line {
      height: 1.4em;
      margin: 0 0 calc(var(--_gap) / 2);
    }
    .layout-grid .skeleton {
      display: grid;
      grid-template-columns: repeat(
        auto-fill,
        minmax(min(100%, var(--civic-bulletin-list-grid-min-width, 15rem)), 1fr)
      );
      gap: var(--_gap);
    }
    /* A card: the image box at its ratio, then a band for the text below it. */
    .layout-grid .skeleton-line {
      box-sizing: content-box;
      width: auto;
      height: auto;
      margin: 0;
      aspect-ratio: var(--civic-bulletin-list-image-ratio, 16 / 9);
      border-bottom: 9em solid var(--_skeleton);
    }
    .layout-ticker .skeleton,
    .layout-ticker .skeleton-line {
      flex: 1;
      height: 1.4em;
      margin: 0;
    }

    @media (forced-colors: active) {
      .layout-grid .skeleton-line {
        border-bottom-color: CanvasText;
      }
      .featured {
        border-inline-start-color: Highlight;
      }
      .layout-grid .item:has(a.title:focus-visible) {
        outline-color: Highlight;
      }
    }
  `,
];

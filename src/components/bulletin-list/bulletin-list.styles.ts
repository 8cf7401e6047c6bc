import { css } from 'lit';
import { sharedStyles } from '../shared/shared.styles.js';
import { newBadgeStyles } from '../shared/new-badge.js';

/*
 * No layout shift: every item of a layout has one height, whatever its text. The title
 * is cut at --_tl lines and the summary at --_sl, and an item reserves both in full
 * (plus a line for the date), so the skeleton can draw each bar at exactly that height.
 * Heights are in `lh`, so they follow a page that changes the font or line height.
 */
export const bulletinListStyles = [
  sharedStyles,
  newBadgeStyles,
  css`
    :host {
      display: block;
      line-height: 1.4;
      --_gap: var(--civic-bulletin-list-gap, 0.75rem);
      --_badge-background: var(--civic-bulletin-list-badge-background, #b3261e);
      --_badge-color: var(--civic-bulletin-list-badge-color, #fff);
      --_tl: var(--civic-bulletin-list-title-lines, 2);
      --_sl: var(--civic-bulletin-list-summary-lines, 2);
      /* Title, date and summary lines, and the space above the summary. */
      --_text: calc((var(--_tl) + var(--_sl) + 1) * 1lh + 0.25em);
    }
    .list,
    .skeleton {
      display: flex;
      flex-direction: column;
      gap: var(--_gap);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .item {
      position: relative;
    }
    .head {
      display: flex;
      align-items: baseline;
      min-width: 0;
    }
    .title,
    .summary {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: var(--_tl);
      overflow: hidden;
    }
    .title {
      min-width: 0;
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
      overflow: hidden;
      color: var(--civic-bulletin-list-date-color, var(--_muted));
      font-size: 0.875em;
      white-space: nowrap;
      text-overflow: ellipsis;
    }
    .views {
      margin-inline-start: 0.5em;
      padding-inline-start: 0.5em;
      border-inline-start: 1px solid;
    }
    .summary {
      margin: 0.25em 0 0;
      -webkit-line-clamp: var(--_sl);
    }
    .featured {
      border-inline-start: 4px solid var(--civic-bulletin-list-featured-color, var(--_accent));
      padding-inline-start: 0.6em;
    }
    .more,
    .pause {
      border: 1px solid;
      border-radius: 4px;
      background: none;
      color: inherit;
    }
    .more {
      display: block;
      padding: 0.35em 1em;
      color: var(--civic-bulletin-list-title-color, inherit);
    }
    .more:hover,
    .pause[aria-pressed='true'] {
      background: color-mix(in srgb, currentColor 10%, transparent);
    }
    /* The "Xem thêm" row, kept (empty) when there is nothing more: see render(). */
    .foot {
      margin-top: var(--_gap);
      min-height: calc(1lh + 0.7em + 2px);
    }
    .stale {
      margin: 0 0 var(--_gap);
      font-size: 0.875em;
    }
    .skeleton-line {
      margin: 0;
    }
    .layout-list .item,
    .layout-list .skeleton-line {
      min-height: var(--_text);
    }

    /*
     * The other layouts' skeletons. Their items are styled by layouts.ts, a lazy chunk:
     * the skeleton stays until it has arrived.
     */
    .layout-compact .skeleton {
      gap: calc(var(--_gap) / 2);
    }
    .layout-compact .skeleton-line {
      height: 1lh;
    }
    .layout-grid {
      --_cols: repeat(
        auto-fill,
        minmax(min(100%, var(--civic-bulletin-list-grid-min-width, 15rem)), 1fr)
      );
      /* The card's text under its image box: padding and the reserved lines. */
      --_card: calc(var(--_text) + 1.35em);
    }
    .layout-grid .skeleton {
      display: grid;
      grid-template-columns: var(--_cols);
    }
    /* A card: its border, the image box at its ratio (the content box), the text below. */
    .layout-grid .skeleton-line {
      box-sizing: content-box;
      width: auto;
      height: auto;
      aspect-ratio: var(--civic-bulletin-list-image-ratio, 16 / 9);
      border: 1px solid transparent;
      border-radius: 6px;
      padding-bottom: var(--_card);
    }
    .layout-ticker {
      display: flex;
      align-items: center;
      gap: 0.5em;
      min-height: calc(1lh + 0.25em + 2px);
    }
    .layout-ticker .skeleton {
      flex: 1;
    }
    .layout-ticker .skeleton-line {
      height: 1lh;
    }
  `,
];

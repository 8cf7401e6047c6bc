import { css, unsafeCSS } from 'lit';
import { sharedStyles } from '../shared/shared.styles.js';
import { newBadgeStyles } from './new-badge.js';

/*
 * Loaded items take their natural size: titles wrap, the summary stops after
 * --_sl lines (with an ellipsis), an item without a summary has no blank lines, and the
 * gaps between items are all the same. Layout shift is handled while loading: the
 * skeleton draws `limit` bars of a typical item's height (--_item), an estimate.
 */
export const bulletinListStyles = [
  sharedStyles,
  newBadgeStyles,
  css`
    :host {
      display: block;
      line-height: 1.4;
      /* A word wider than a phone (a long URL as a title) breaks rather than spill out. */
      overflow-wrap: anywhere;
      --_gap: var(--civic-bulletin-list-gap, 0.75em);
      --_badge-background: var(--civic-bulletin-list-badge-background, #b3261e);
      --_badge-color: var(--civic-bulletin-list-badge-color, #fff);
      --_sl: var(--civic-bulletin-list-summary-lines, 3);
      /* A typical item on a phone: two title lines, the date, two summary lines. */
      --_item: calc(4.5lh + 0.25em);
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
    .title {
      color: var(--civic-bulletin-list-title-color, inherit);
      font-weight: 600;
      text-decoration: none;
    }
    a.title:hover,
    a.title:focus-visible {
      text-decoration: underline;
    }
    /* Date and count wrap between each other; the "|" before the count sits in the gap,
       outside the count's box, and is clipped on a line that starts with the count. */
    .meta {
      display: flex;
      flex-wrap: wrap;
      column-gap: 1em;
      overflow: hidden;
      color: var(--civic-bulletin-list-date-color, var(--_muted));
      font-size: 0.875em;
      /* A clipping box may shrink to nothing in a flex row: not below its widest part. */
      min-width: min-content;
    }
    time {
      white-space: nowrap;
    }
    .views {
      position: relative;
    }
    .views::before {
      content: '|';
      position: absolute;
      inset-inline-end: 100%;
      width: 1em;
      text-align: center;
    }
    .summary {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: var(--_sl);
      overflow: hidden;
      margin: 0.25em 0 0;
    }
    .featured {
      border-inline-start: 4px solid var(--civic-bulletin-list-featured-color, var(--_accent));
      padding-inline-start: 0.6em;
    }
    .more {
      display: block;
      padding: 0.35em 1em;
      border: 1px solid;
      border-radius: 4px;
      background: none;
      color: var(--civic-bulletin-list-title-color, inherit);
    }
    .more:hover {
      background: color-mix(in srgb, currentColor 10%, transparent);
    }
    .foot {
      margin-top: var(--_gap);
      min-height: calc(1lh + 0.7em + 2px);
    }
    .stale {
      /* A line of its own, in the ticker's row too. */
      flex-basis: 100%;
      margin: 0 0 var(--_gap);
      font-size: 0.875em;
    }
    .skeleton-line {
      margin: 0;
    }
    .layout-list .skeleton-line {
      height: var(--_item);
    }

    /*
     * The other layouts' skeletons (their items are styled by layouts.ts, a lazy chunk;
     * the skeleton stays until it has arrived). A compact row is a line or two.
     */
    .layout-compact .skeleton {
      gap: calc(var(--_gap) / 2);
    }
    .layout-compact .skeleton-line {
      height: 2.5lh;
    }
    .layout-grid {
      --_cols: repeat(
        auto-fill,
        minmax(min(100%, var(--civic-bulletin-list-grid-min-width, 15em)), 1fr)
      );
    }
    .layout-grid .skeleton {
      display: grid;
      grid-template-columns: var(--_cols);
    }
    /* A card of text (most feeds have no pictures): padding and a typical item. */
    .layout-grid .skeleton-line {
      width: auto;
      height: calc(6.5lh + 1.35em);
      border-radius: 6px;
    }
    .layout-ticker {
      display: flex;
      flex-wrap: wrap;
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
  // Titles that avoid a lone last word. The skeleton (gone once loaded) is a container: wider,
  // list items have one title line and two summary lines, compact rows one line. Plain text
  // because lit-analyzer's CSS checker predates these properties.
  unsafeCSS(
    '.title{text-wrap:pretty}.skeleton{container-type:inline-size}' +
      '@container (width>=26em){.layout-compact .skeleton-line{height:1.2lh}}' +
      '@container (width>=40em){.layout-list .skeleton-line{height:calc(3.2lh + .25em)}}',
  ),
];

import { css } from 'lit';
import { sharedStyles } from '../shared/shared.styles.js';

/**
 * The counter sits inside a line of text (a meta line, a footer), so it is inline and
 * takes the surrounding font. The number's box has a minimum width in `ch`, and the
 * loading bar has exactly that width and one line's height, so nothing moves when the
 * number arrives.
 */
export const viewCounterStyles = [
  sharedStyles,
  css`
    :host {
      display: inline-block;
      --_count-width: var(--civic-view-counter-min-width, 5ch);
    }
    .label {
      color: var(--civic-view-counter-label-color, inherit);
    }
    .count,
    .pending {
      display: inline-block;
      min-width: var(--_count-width);
    }
    .count {
      color: var(--civic-view-counter-count-color, inherit);
      font-weight: var(--civic-view-counter-count-weight, inherit);
      /* Digits of equal width: a count that ticks up does not jiggle the line. */
      font-variant-numeric: tabular-nums;
    }
    .pending {
      /* Bottom on the text's bottom, 1em high: inside the line box, so the line keeps its height. */
      height: 1em;
      vertical-align: text-bottom;
      border-radius: 3px;
      background: var(--_skeleton);
      /* Invisible here; in forced-colors mode the system paints it, so the bar stays visible. */
      border: 1px solid transparent;
    }
    @media (prefers-reduced-motion: no-preference) {
      .pending {
        animation: civic-pulse 1.5s ease-in-out infinite;
      }
    }
    .unavailable {
      color: var(--_muted);
    }
    /* In the line, after the words (the shared rule puts it on a line of its own under an
       error box: in a meta line that stacked the counter and tripled the line's height). */
    .retry {
      display: inline;
      margin: 0;
      margin-inline-start: 0.25em;
      padding: 0 0.5em;
    }
  `,
];

import { css } from 'lit';
import { sharedStyles } from '../shared/shared.styles.js';

export const dateLineStyles = [
  sharedStyles,
  css`
    :host {
      display: inline;
      color: var(--civic-date-line-color, inherit);
      font-weight: var(--civic-date-line-font-weight, inherit);
    }
    .lunar {
      color: var(--civic-date-line-lunar-color, inherit);
    }
  `,
];

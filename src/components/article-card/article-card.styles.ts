import { css } from 'lit';
import { sharedStyles } from '../shared/shared.styles.js';

export const articlecardStyles = [
  sharedStyles,
  css`
    :host {
      display: block;
    }
  `,
];

import { css } from 'lit';
import { sharedStyles } from '../shared/shared.styles.js';

export const feedStyles = [
  sharedStyles,
  css`
    :host {
      display: block;
    }
  `,
];

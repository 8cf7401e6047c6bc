import { css } from 'lit';
import { sharedStyles } from '../shared/shared.styles.js';

export const bulletinlistStyles = [
  sharedStyles,
  css`
    :host {
      display: block;
    }
  `,
];

import { css } from 'lit';
import { sharedStyles } from '../shared/shared.styles.js';

export const viewcounterStyles = [
  sharedStyles,
  css`
    :host {
      display: block;
    }
  `,
];

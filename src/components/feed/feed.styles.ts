import { css } from 'lit';

/**
 * The provider draws nothing of its own: `display: contents` keeps it out of the
 * layout, so its widgets sit in the page's flow (grid and flex parents included).
 */
export const feedStyles = css`
  :host {
    display: contents;
  }
  :host([hidden]) {
    display: none;
  }
`;

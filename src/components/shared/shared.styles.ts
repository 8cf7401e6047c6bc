import { css, unsafeCSS } from 'lit';

/**
 * Styles every widget shares: the host page's font, the accent token, a visible focus
 * ring, the skeleton, the error box and screen-reader-only text. Tokens are prefixed
 * `--civic-` so a site can set them on any ancestor.
 */
export const sharedStyles = [
  css`
    :host {
      font-family: var(--civic-font-family, inherit);
      color: var(--civic-color-text, inherit);
      /* light-dark() follows the colour scheme the page declares (inherited), never the OS
       alone: an ordinary white page gets the light tokens even in OS dark mode. */
      --_accent: var(--civic-color-accent, light-dark(#b3261e, #ff8a80));
      --_muted: var(--civic-color-muted, light-dark(#595959, #bdbdbd));
      --_surface: var(--civic-color-surface, transparent);
      --_border: var(--civic-color-border, light-dark(#d0d0d0, #555));
      --_skeleton: var(--civic-color-skeleton, light-dark(#e8e8e8, #3a3a3a));
      --_focus: var(--civic-color-focus, light-dark(#0b57d0, #8ab4f8));
      box-sizing: border-box;
    }
    :host([hidden]) {
      display: none;
    }
    *,
    *::before,
    *::after {
      box-sizing: inherit;
    }
    a {
      color: inherit;
    }
    :focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    button {
      font: inherit;
      cursor: pointer;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      padding: 0;
      margin: -1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
      border: 0;
    }
    .skeleton {
      display: block;
    }
    .skeleton-line {
      display: block;
      height: 1em;
      margin: 0.4em 0;
      border-radius: 3px;
      background: var(--_skeleton);
    }
    .skeleton-line.short {
      width: 60%;
    }
    @media (prefers-reduced-motion: no-preference) {
      .skeleton-line {
        animation: civic-pulse 1.5s ease-in-out infinite;
      }
    }
    @keyframes civic-pulse {
      50% {
        opacity: 0.5;
      }
    }
    .status {
      display: block;
      color: var(--_muted);
    }
    .error {
      display: block;
      border-inline-start: 3px solid var(--_accent);
      padding: 0.5em 0.75em;
    }
    .error-text {
      margin: 0;
    }
    .error-detail {
      margin-top: 0.5em;
      color: var(--_muted);
      font-size: 0.875em;
      overflow-wrap: anywhere;
    }
    .retry {
      display: block;
      margin-top: 0.5em;
      padding: 0.25em 0.75em;
      border: 1px solid currentColor;
      border-radius: 4px;
      background: transparent;
      color: inherit;
    }
    /* Buttons do nothing on paper (:host outranks each element's own display rule). */
    @media print {
      :host .retry,
      :host .more {
        display: none;
      }
    }
    @media (forced-colors: active) {
      /* Backgrounds are replaced in forced colours; an outline keeps the bars visible. */
      .skeleton-line {
        border: 1px solid CanvasText;
      }
      .error {
        border-inline-start-color: CanvasText;
      }
    }
  `,
  // theme="light|dark|auto" sets the widget's own colour scheme, which light-dark() and the
  // system colours follow, and paints its own canvas so the text has the background it was
  // made for (with a little room round the text). Plain text because lit-analyzer's CSS checker does not know color-scheme.
  unsafeCSS(
    ':host([theme]){background:Canvas;color:var(--civic-color-text,CanvasText);color-scheme:light;padding:.5em}' +
      ":host([theme='dark']){color-scheme:dark}:host([theme='auto']){color-scheme:light dark}",
  ),
];

/**
 * The visual pieces every widget draws for its states: skeleton, empty, error and the
 * remembered-copy note. Small functions, not a base class, so each element stays
 * readable on its own.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../../format/messages.js';

/**
 * A loading placeholder that reserves the widget's final height (`lines` text lines),
 * so the page below does not move when the content arrives. The text is for screen
 * readers; the bars are decoration.
 */
export function renderSkeleton(m: Messages, lines = 3): TemplateResult {
  return html`<div class="skeleton" part="status" role="status">
    <span class="visually-hidden">${m.loading}</span>
    ${Array.from(
      { length: lines },
      (_, i) =>
        html`<span
          class="skeleton-line ${i === lines - 1 ? 'short' : ''}"
          aria-hidden="true"
        ></span>`,
    )}
  </div>`;
}

/** "Chưa có tin" / "No news yet". */
export function renderEmpty(m: Messages): TemplateResult {
  return html`<p class="status" part="status">${m.empty}</p>`;
}

/**
 * The error state: a plain heading, the feed layer's message saying what is wrong, a
 * working retry button, then the widget's light-DOM fallback (for example a plain link
 * to the news page).
 */
export function renderError(
  m: Messages,
  detail: string | undefined,
  onRetry: (() => void) | undefined,
): TemplateResult {
  return html`<div class="error" part="status" role="alert">
      <span>${m.error}</span>
      ${detail ? html`<span class="error-detail">${detail}</span>` : nothing}
      ${
        onRetry
          ? html`<button
              type="button"
              class="retry"
              part="retry"
              @click=${(e: Event) => {
                keepFocus(e);
                onRetry();
              }}
            >
              ${m.retry}
            </button>`
          : nothing
      }
    </div>
    <slot></slot>`;
}

/**
 * "Thử lại" is replaced by the skeleton as soon as it is pressed, and keyboard focus would
 * fall back to the start of the page. When the button had focus, hand it to the widget
 * itself (focusable from script only), so the reader stays where they were and Tab goes
 * on into the new content.
 */
export function keepFocus(e: Event): void {
  const button = e.currentTarget as HTMLElement;
  const root = button.getRootNode() as ShadowRoot;
  if (root.activeElement !== button || !(root.host instanceof HTMLElement)) return;
  const host = root.host;
  if (!host.hasAttribute('tabindex')) host.tabIndex = -1;
  host.focus({ preventScroll: true });
}

/** The note under a remembered copy: when it was fetched. */
export function renderStaleNote(m: Messages, when: string): TemplateResult {
  return html`<p class="status stale" part="status">${m.staleNote(when)}</p>`;
}

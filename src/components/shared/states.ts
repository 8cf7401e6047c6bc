/**
 * The visual pieces every widget draws for its states: skeleton, empty, error and the
 * remembered-copy note. Small functions, not a base class, so each element stays
 * readable on its own.
 *
 * Announcements: each widget has at most one live region at a time (the skeleton's, the
 * empty state's, the error's or its own polite one), and a failing feed raises one
 * assertive alert however many widgets show it (see `errorRole`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../../format/messages.js';
import type { FeedError } from '../../feed/errors.js';

/**
 * A loading placeholder of `lines` bars: an estimate of the content's height, so the page
 * below moves little when the content arrives. The text is for screen readers (a status
 * region, unless `announce` is false because the widget already has one); the bars are
 * decoration.
 */
export function renderSkeleton(m: Messages, lines = 3, announce = true): TemplateResult {
  const bars = Array.from(
    { length: lines },
    (_, i) =>
      html`<span
        class="skeleton-line ${i === lines - 1 ? 'short' : ''}"
        aria-hidden="true"
      ></span>`,
  );
  return announce
    ? html`<div class="skeleton" part="status" role="status">
        <span class="visually-hidden">${m.loading}</span>${bars}
      </div>`
    : html`<div class="skeleton" aria-hidden="true">${bars}</div>`;
}

/** "Chưa có tin" / "No news yet", in a status region so screen readers hear it. */
export function renderEmpty(m: Messages): TemplateResult {
  return html`<p class="status" part="status" role="status">${m.empty}</p>`;
}

/**
 * Which widget raised the alert for a failure, by the error itself: widgets on one failing
 * request share its error object. Weakly, so a failure that no widget shows any more lets
 * go of the widget that alerted (a Map by URL and message kept every removed widget that
 * had failed, shadow tree and all).
 */
const alerted = new WeakMap<object, Element>();

/**
 * `alert` for the first widget on the page that shows this failure, `status` for every
 * other one: four widgets on one failing feed interrupt the reader once, not four times.
 * A widget keeps its role across renders; a new failure (after "Thử lại") alerts again.
 * It records who alerted, so a widget asks in its update, never in render().
 */
export function errorRole(error: FeedError | undefined, host: Element): 'alert' | 'status' {
  if (!error) return 'alert';
  const first = alerted.get(error);
  if (first && first !== host && first.isConnected) return 'status';
  alerted.set(error, host);
  return 'alert';
}

/**
 * The error state, for visitors: what happened in the page's language ("Không tải được
 * tin."), a working "Thử lại" button, then the widget's light-DOM fallback (for example a
 * plain link to the news page). The technical reason (HTTP status, URL, CORS advice) goes
 * to the console and `civic-feed-error`, and here only inside a closed "Chi tiết".
 * `role` is what `errorRole` gave the widget in its update.
 */
export function renderError(
  m: Messages,
  error: FeedError | undefined,
  onRetry: (() => void) | undefined,
  role: 'alert' | 'status',
): TemplateResult {
  return html`<div class="error" part="status" role=${role}>
      <p class="error-text">${m.error}</p>
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
      ${
        error?.message
          ? html`<details class="error-detail">
              <summary>${m.details}</summary>
              <span lang="en">${error.message}</span>
            </details>`
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

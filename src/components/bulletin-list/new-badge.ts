/**
 * The "Mới" badge on recent articles, shared by the bulletin list and the article card.
 * The visible word is short; screen readers hear the longer "Tin mới" instead, so the
 * badge never relies on colour (or a bare "Mới") alone.
 */
import { css, html, type TemplateResult } from 'lit';
import type { Messages } from '../../format/messages.js';

const DAY_MS = 86_400_000;

/** The default age limit in days for the badge. */
export const DEFAULT_NEW_DAYS = 3;

/**
 * True when `published` is less than `days` days before `now` (milliseconds since the
 * epoch). The age is measured from publication, not from the last update: a correction
 * to an old article does not make it news again. A date in the future counts as new.
 * `days` of 0 or less turns the badge off.
 */
export function isNewArticle(published: Date | undefined, now: number, days: number): boolean {
  if (!published || !(days > 0)) return false;
  return now - published.getTime() < days * DAY_MS;
}

/** The badge itself. Put it after the title link, so the link's name stays the title. */
export function renderNewBadge(m: Messages): TemplateResult {
  return html`<span class="badge" part="badge"
    ><span aria-hidden="true">${m.new}</span><span class="visually-hidden">${m.newLong}</span></span
  >`;
}

/**
 * Badge styles. An element sets `--_badge-background` and `--_badge-color` from its own
 * `--civic-<element>-badge-*` properties; the defaults pass WCAG AA contrast.
 */
export const newBadgeStyles = css`
  .badge {
    display: inline-block;
    margin-inline-start: 0.4em;
    padding: 0 0.4em;
    border-radius: 3px;
    /* Transparent until forced colours paint it: then the box is still a box. */
    border: 1px solid transparent;
    background: var(--_badge-background, #b3261e);
    color: var(--_badge-color, #fff);
    font-size: 0.75em;
    font-weight: 600;
    line-height: 1.5;
    vertical-align: 0.1em;
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    .badge {
      border-color: CanvasText;
    }
  }
`;

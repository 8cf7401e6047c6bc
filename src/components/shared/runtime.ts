/**
 * The runtime every lazy chunk of the elements is handed (see `src/internal/lazy.ts`):
 * the feed layer's part (`src/feed/runtime.ts`), the counter's (`src/counter/runtime.ts`), Lit's template tags and what the
 * elements share (the loader, the events, number words, URL checks). A chunk imports
 * only the type and names the parts it uses, so its door says what it borrows.
 */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { loadFeed } from '../../feed/load.js';
import { counterRuntime } from '../../counter/runtime.js';
import { feedRuntime } from '../../feed/runtime.js';
import { safeUrl } from '../../feed/values.js';
import { calendarDateIn } from '../../format/dates.js';
import { formatCount } from '../../format/numbers.js';
import { announceError, announceLoad } from './events.js';

export const runtime = {
  ...feedRuntime,
  ...counterRuntime,
  html,
  nothing,
  ifDefined,
  safeUrl,
  loadFeed,
  announceLoad,
  announceError,
  formatCount,
  calendarDateIn,
  // `as const` keeps `nothing` Lit's own unique symbol, which a plain property widens to `symbol`.
} as const;

/** What the elements' lazy chunks may borrow from the entry. */
export type Runtime = typeof runtime;

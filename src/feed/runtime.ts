/**
 * The feed layer's part of the runtime handed to lazy chunks (see `src/internal/lazy.ts`):
 * what the XML readers, the merge and the JSON error describer borrow from the entry. A
 * chunk that imported these modules would pull them into a chunk every page must load
 * first, or load a second copy of the entry (with its own `FeedError` class, so that
 * `instanceof` fails) when the page added a `?v=` to the script URL. The chunks only
 * `import type` this module; the elements' runtime (`src/components/shared/runtime.ts`)
 * extends this object.
 */
import { FeedError, messages } from './errors.js';
import { assign, maxItems } from './parse-json.js';
import {
  Warnings,
  checkUrl,
  displayUrl,
  documentBase,
  parseRfc3339,
  toCount,
  toLanguage,
} from './values.js';

export const feedRuntime = {
  FeedError,
  messages,
  Warnings,
  assign,
  maxItems,
  checkUrl,
  displayUrl,
  documentBase,
  parseRfc3339,
  toCount,
  toLanguage,
};

/** What the feed layer's lazy chunks may borrow from the entry. */
export type FeedRuntime = typeof feedRuntime;

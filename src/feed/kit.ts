/**
 * What the lazy feed chunks (the XML readers, the merge of several URLs) borrow from the
 * entry. A lazy chunk that imported these modules would pull them into a shared chunk
 * every page must load first, or, importing the entry itself, load a second copy of it
 * (with its own `FeedError` class) when the page added a `?v=` to the script URL. So the
 * caller hands them over: the chunks only `import type` this module.
 */
import { FeedError, messages } from './errors.js';
import { assign, capItems } from './parse-json.js';
import {
  Warnings,
  checkUrl,
  displayUrl,
  documentBase,
  parseRfc3339,
  toCount,
  toLanguage,
} from './values.js';

export const kit = {
  FeedError,
  messages,
  Warnings,
  assign,
  capItems,
  checkUrl,
  displayUrl,
  documentBase,
  parseRfc3339,
  toCount,
  toLanguage,
};

export type FeedKit = typeof kit;

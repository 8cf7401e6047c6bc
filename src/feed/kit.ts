/**
 * What the XML readers borrow from the entry. They live in a lazy chunk (JSON Feed is the
 * main format), and a lazy chunk that imported these modules would pull them into a
 * shared chunk every page must load first, or, importing the entry itself, load a second
 * copy of it (with its own `FeedError` class) when the page added a `?v=` to the script
 * URL. So the caller hands them over: the readers only `import type` this module.
 */
import { FeedError, messages } from './errors.js';
import { newestFirst } from './merge.js';
import { assign } from './parse-json.js';
import {
  Warnings,
  checkUrl,
  documentBase,
  parseRfc3339,
  parseRfc822,
  toCount,
  toLanguage,
} from './values.js';

export const kit = {
  FeedError,
  messages,
  Warnings,
  assign,
  checkUrl,
  documentBase,
  newestFirst,
  parseRfc3339,
  parseRfc822,
  toCount,
  toLanguage,
};

export type FeedKit = typeof kit;

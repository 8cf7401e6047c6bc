/**
 * `loadFeed` as the package exports it: the loader of `load.ts` behind a check of what a
 * developer hands it. The widgets call the loader directly, with arguments they built
 * themselves, so the script-tag entry carries none of this; an application that passes
 * `timeout: -1` or a number for a URL is told so in words that name the argument, instead
 * of meeting a TypeError from deep inside (or a size cap that silently went away).
 */
import { FeedError } from './errors.js';
import { loadFeed as load, type LoadFeedOptions, type LoadedFeed } from './load.js';

/** What a value is, for a message: `-1`, `"15s"`, `null`, an object. */
function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 40));
  if (typeof value === 'object' && value) return Array.isArray(value) ? 'an array' : 'an object';
  return String(value);
}

const bad = (what: string, value: unknown) =>
  new FeedError(`loadFeed: ${what}, got ${shown(value)}`);

/** Throws when `options[name]` is set and is not a number of milliseconds or bytes from `min`. */
function checkNumber(options: LoadFeedOptions, name: keyof LoadFeedOptions, min: number): void {
  const value = options[name];
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min)
    throw bad(`${name} must be a number${min > 0 ? ' above 0' : ' from 0'}`, value);
}

/**
 * Loads one feed, or several merged into one list (newest first, duplicates dropped).
 * Widgets and callers naming the same URL share one request and its result.
 *
 * @param urlOrUrls a URL (a string or a `URL`), several separated by spaces, or an array
 *   of them; relative URLs are resolved against the page.
 * @throws FeedError (as a rejection) when no feed is usable and nothing is remembered;
 *   the message says plainly what is wrong and where. Also when an argument is not what
 *   it should be (`loadFeed: timeout must be a number above 0, got -1`). An aborted call
 *   rejects with the signal's reason.
 */
export async function loadFeed(
  urlOrUrls: string | URL | readonly (string | URL)[],
  options: LoadFeedOptions = {},
): Promise<LoadedFeed> {
  const list = Array.isArray(urlOrUrls) ? urlOrUrls : [urlOrUrls];
  const urls = list.map((u: unknown) => {
    if (u instanceof URL) return u.href;
    if (typeof u !== 'string') throw bad('the feed URL must be a string or a URL', u);
    return u;
  });
  if (typeof options !== 'object' || options === null)
    throw bad('options must be an object', options);
  checkNumber(options, 'timeout', 1);
  checkNumber(options, 'retryDelay', 0);
  checkNumber(options, 'maxBytes', 1);
  const { remember, signal } = options;
  if (
    remember !== undefined &&
    typeof remember !== 'boolean' &&
    (typeof remember !== 'object' || remember === null)
  )
    throw bad('remember must be true, false or an object', remember);
  if (signal !== undefined && !(signal instanceof AbortSignal))
    throw bad('signal must be an AbortSignal', signal);
  return load(urls, options);
}

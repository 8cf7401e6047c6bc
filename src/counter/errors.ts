/**
 * The view counter's error class. Part of the entry (through the runtime), so that the
 * lazy client and the page see one class; the client's own words are in `client.ts`,
 * the words it shares with the feed loader in `src/internal/request-error.ts` and
 * `src/feed/failure.ts`.
 */
import { RequestError } from '../internal/request-error.js';

/** A failed or unusable answer from a view-count endpoint. `message` says what and where, plainly. */
export class CounterError extends RequestError {
  /** The URL that failed. */
  declare readonly url: string;
  constructor(message: string, options: { url: string; status?: number; cause?: unknown }) {
    super(message, options);
    this.name = 'CounterError';
  }
}

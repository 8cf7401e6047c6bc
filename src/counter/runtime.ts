/**
 * What the live view-count client (a lazy chunk, see `src/internal/lazy.ts`) borrows
 * from the entry: the error class the page sees, the words it shares with the feed
 * loader, and the shared-request helper. The elements' runtime includes it.
 */
import { Flights } from '../internal/flights.js';
import { requestMessages } from '../internal/request-error.js';
import { CounterError } from './errors.js';

export const counterRuntime = { CounterError, requestMessages, Flights };

/** What the counter client borrows from the entry. */
export type CounterRuntime = typeof counterRuntime;

/**
 * Requests under way, shared: callers that ask for the same thing (the same feed URL,
 * the same view count) while it is under way get the same promise, so a page with ten
 * widgets on one feed makes one request. Used by the feed loader (`src/feed/load.ts`)
 * and, through the runtime, by the live view-count client (`src/counter/client.ts`).
 *
 * A caller may pass a signal to let go. Once every caller that held a request has let go
 * and it is still under way, it is aborted: a tick later, so a widget moved in the DOM
 * (disconnected, then connected again) keeps its request.
 */

/**
 * Why a signal aborted, always as an Error: the caller's own, or an AbortError
 * DOMException that says the reason it was given (`abort('left the page')`).
 */
export function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new DOMException(String(reason), 'AbortError');
}

interface Flight<T> {
  promise: Promise<T>;
  controller: AbortController;
  holders: number;
  settled: boolean;
  idle?: ReturnType<typeof setTimeout>;
}

export class Flights<T> {
  readonly #under = new Map<string, Flight<T>>();

  /**
   * The request under way for `key`, else a new one from `start` (handed the signal that
   * aborts it once nobody holds it). A settled request is forgotten: the next call starts
   * again. Rejects with `signal`'s reason when this caller lets go first.
   */
  join(key: string, start: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    let flight = this.#under.get(key);
    if (!flight) {
      const controller = new AbortController();
      const started: Flight<T> = (flight = {
        controller,
        holders: 0,
        settled: false,
        promise: start(controller.signal).finally(() => {
          started.settled = true;
          if (this.#under.get(key) === started) this.#under.delete(key);
        }),
      });
      // Holders handle the outcome; this only keeps an abandoned request from reporting an unhandled rejection.
      started.promise.catch(() => undefined);
      this.#under.set(key, started);
    }
    return this.#hold(flight, key, signal);
  }

  #hold(flight: Flight<T>, key: string, signal: AbortSignal | undefined): Promise<T> {
    flight.holders++;
    if (flight.idle !== undefined) {
      clearTimeout(flight.idle);
      flight.idle = undefined;
    }
    if (!signal) return flight.promise;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        flight.holders--;
        if (flight.holders === 0 && !flight.settled) {
          flight.idle = setTimeout(() => {
            if (flight.holders > 0 || flight.settled) return;
            if (this.#under.get(key) === flight) this.#under.delete(key);
            // Nobody sees this reason: every holder already has its own.
            flight.controller.abort();
          }, 0);
        }
        reject(abortReason(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: Error) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }
}

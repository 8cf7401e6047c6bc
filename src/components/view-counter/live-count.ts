/**
 * The counter's live endpoint as a controller, in the manner of `@lit/task` (which
 * costs the script-tag entry about 0.7 KiB gzipped, more than its budget has left): the
 * arguments are read before each update, a change asks again and drops the stale
 * answer, and the host is redrawn when an answer comes.
 *
 * Lazy, with the live client (the `extras` chunk): only counters with an `endpoint` need
 * either; the counter adds this controller once the chunk is in, and counts as pending
 * meanwhile. Imports only chunk modules and types (see src/internal/lazy.ts).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CounterRuntime } from '../../counter/runtime.js';
import { init as openClient } from '../../counter/client.js';

/** The chunk's door (see `src/internal/lazy.ts`): the client opened with the counter's runtime. */
export function init(runtime: CounterRuntime): { LiveCount: typeof LiveCount } {
  askLive = openClient(runtime).askLive;
  return { LiveCount };
}
let askLive: ReturnType<typeof openClient>['askLive'];

/** What the endpoint is asked: `[endpoint, item id, hit]`. */
export type LiveArgs = readonly [endpoint: string, id: string, hit: boolean];

/**
 * The live count of one counter. Pending keeps the previous number of the same item;
 * a failure keeps the last known count and says so in one `console.warn`; a change of
 * endpoint, id or `hit`, or the host leaving the page, abandons the answer under way.
 */
export class LiveCount implements ReactiveController {
  /** The last valid answer for the current item, kept while it is asked again and after a failure. */
  views?: number;
  /** The endpoint is being asked. */
  pending = false;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #args: () => LiveArgs | undefined;
  readonly #fallback: () => number | undefined;
  /** The arguments the state belongs to; cleared when the host leaves, so a return asks again. */
  #key?: string;
  /** The item `views` counts. */
  #id?: string;
  /** The ask under way; aborted when its answer is no longer wanted. */
  #asking?: AbortController;

  /**
   * @param args what to ask now, or undefined when there is no endpoint or no id yet
   * @param fallback the number shown without the endpoint, which a failure's warning names
   */
  constructor(
    host: ReactiveControllerHost & HTMLElement,
    args: () => LiveArgs | undefined,
    fallback: () => number | undefined,
  ) {
    this.#host = host;
    this.#args = args;
    this.#fallback = fallback;
    host.addController(this);
  }

  hostConnected(): void {
    // Back on the page after asking before: ask again on the next update.
    if (this.#id !== undefined && this.#key === undefined) this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#asking?.abort();
    this.#key = undefined;
  }

  // After the feed source and the article source (added before this controller), so the
  // endpoint is asked as soon as the item's id is known, and the bar shows in this frame.
  hostUpdate(): void {
    const args = this.#args();
    if (!args) {
      this.#asking?.abort();
      this.#key = this.#id = this.views = undefined;
      this.pending = false;
    } else if (JSON.stringify(args) !== this.#key) {
      void this.run(false);
    }
  }

  /**
   * Asks the endpoint now. Resolves when the answer (or the failure) is in; never
   * rejects. `refresh` only reads: after the first answer a view is not recorded again.
   */
  async run(refresh: boolean): Promise<void> {
    const args = this.#args();
    if (!args) return;
    const [endpoint, id, hit] = args;
    this.#asking?.abort();
    const { signal } = (this.#asking = new AbortController());
    this.#key = JSON.stringify(args);
    if (id !== this.#id) this.views = undefined;
    this.#id = id;
    this.pending = true;
    this.#host.requestUpdate();
    try {
      // The client sees a request through (other counters may share it): only its answer
      // is dropped. A failure is said on the console there, with the count kept.
      const views = await askLive(
        { endpoint, id, hit: hit && !refresh },
        signal,
        () => this.views ?? this.#fallback(),
      );
      if (signal.aborted) return;
      if (views !== undefined) this.views = views;
    } catch {
      // askLive never rejects; nothing to do.
    }
    this.pending = false;
    this.#host.requestUpdate();
  }
}

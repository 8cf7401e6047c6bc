/**
 * The reload timer of `<civic-feed refresh>`. Few pages poll, so this is a lazy chunk,
 * fetched the first time a provider has `refresh` set. It imports nothing: a lazy chunk
 * must not pull an entry module in (see `src/internal/lazy.ts`).
 */

/** The chunk's door (see `src/internal/lazy.ts`): it needs no runtime. */
export function init(): { FeedRefresh: typeof FeedRefresh } {
  return { FeedRefresh };
}

/**
 * The shortest interval, in seconds: a page left open on a lobby screen must not poll a
 * small government server every second. The provider (feed.ts) warns about lower values.
 */
export const MIN_REFRESH = 30;

/** What the timer needs from its provider. */
export interface RefreshHost {
  readonly isConnected: boolean;
  /** The `refresh` property: seconds between reloads. */
  readonly refresh?: number;
}

/**
 * Reloads every `refresh` seconds (at least every 30) while the page is visible. Hidden pages do not poll;
 * coming back catches up at once if a reload fell due meanwhile.
 */
export class FeedRefresh {
  #timer?: ReturnType<typeof setTimeout>;
  /** The too-low `refresh` last warned about. */
  #warned?: number;
  readonly #host: RefreshHost;
  readonly #lastLoad: () => number;
  readonly #reload: () => void;

  /**
   * @param lastLoad when the feed last changed (ms since the epoch), 0 before it did.
   * @param reload asks the source again (and stamps the time).
   */
  constructor(host: RefreshHost, lastLoad: () => number, reload: () => void) {
    this.#host = host;
    this.#lastLoad = lastLoad;
    this.#reload = reload;
  }

  /** Follows the page's visibility and (re)schedules for the current `refresh`. */
  start(): void {
    const s = this.#host.refresh;
    // Said once per value, when it is set (start runs again on each change and return).
    if (s !== undefined && s > 0 && s < MIN_REFRESH && s !== this.#warned) {
      this.#warned = s;
      console.warn(
        `civic-feed: refresh="${s}" is below the ${MIN_REFRESH}-second minimum; reloading every ${MIN_REFRESH} s`,
      );
    }
    // A provider off the page (its `refresh` set after removal) holds no listener; it
    // starts again when it is put back.
    if (!this.#host.isConnected) return;
    document.addEventListener('visibilitychange', this.#onVisibility);
    this.#schedule();
  }

  /** The provider left the page. */
  stop(): void {
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#clear();
  }

  #schedule(): void {
    this.#clear();
    const s = this.#host.refresh;
    if (typeof s !== 'number' || !Number.isFinite(s) || s <= 0) return;
    if (!this.#host.isConnected || document.hidden) return;
    const every = Math.max(MIN_REFRESH, s) * 1000;
    const due = Math.max(0, (this.#lastLoad() || Date.now()) + every - Date.now());
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (document.hidden || !this.#host.isConnected) return;
      this.#reload();
      this.#schedule();
    }, due);
  }

  #clear(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  readonly #onVisibility = (): void => {
    if (document.hidden) this.#clear();
    else this.#schedule();
  };
}

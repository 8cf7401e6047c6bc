/**
 * How every widget gets its data, in the contract's order: the `.feed` property, its own
 * `src`, then the nearest `<civic-feed>` (the context protocol, `context.ts`). One controller for all of them,
 * so the order, the sharing of requests and the events are the same everywhere.
 */
import { ContextConsumer, attachContextRoot } from './context.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FeedError } from '../../feed/errors.js';
import { loadFeed, peekFeed, recallFeed, toUrls, type LoadedFeed } from '../../feed/load.js';
import type { Feed, FeedWarning } from '../../feed/model.js';
import { toFeed } from '../../feed/convert.js';
import { hasItems } from '../../feed/parse-json.js';
import { readFeedText, readJsonText, sniff, type ParsedFeed } from '../../feed/read.js';
import { documentBase } from '../../feed/values.js';
import { announceError, announceLoad, reportWarnings } from './events.js';
import { feedContext, type FeedState } from './feed-context.js';

const ROOT = Symbol.for('civic-widgets.context-root');

/** How long a widget waits, drawing nothing, for a response already in hand (see `held`). */
const HOLD_MS = 100;

/**
 * Widgets may be defined before `<civic-feed>` (scripts load in any order); a context
 * root holds their unanswered requests until the provider appears. One per page, even
 * with two copies of the bundle.
 */
function ensureContextRoot(): void {
  const doc = globalThis.document as (Document & { [ROOT]?: true }) | undefined;
  if (!doc || doc[ROOT]) return;
  doc[ROOT] = true;
  attachContextRoot(doc.documentElement);
}

/** An element that can take a feed: `.feed` (a Feed or a raw JSON Feed document) and `src`. */
export type FeedHost = ReactiveControllerHost &
  HTMLElement & {
    feed?: unknown;
    src?: string | null;
  };

/** Options for hosts that are not ordinary widgets (`<civic-feed>` itself). */
export interface FeedSourceOptions {
  /** An inline feed document, consulted after `src` (the provider's `<script>` child). */
  inline?: () => string | undefined;
  /** Fall back to the nearest `<civic-feed>`. Default true; the provider itself says false. */
  consume?: boolean;
  /** Called after every state change. */
  onChange?: (state: FeedState) => void;
}

/**
 * Resolves a host's feed and keeps `state` current; the host re-renders on every change.
 * Re-resolves when `feed` or `src` change, and lets go of its request when the host
 * leaves the page (the shared request is aborted once nobody holds it).
 */
export class FeedSource implements ReactiveController {
  /** What the host should draw now. */
  state: FeedState;

  readonly #host: FeedHost;
  readonly #options: FeedSourceOptions;
  /** What the current state was resolved from; undefined forces a fresh resolution. */
  #key?: string;
  #feedValue: unknown;
  #request?: AbortController;
  /** Whether the last request was a refresh (`revalidate`): one cut short by leaving the page is made again. */
  #refreshing = false;
  #provided?: FeedState;
  readonly #retry = () => this.reload();

  constructor(host: FeedHost, options: FeedSourceOptions = {}) {
    this.#host = host;
    this.#options = options;
    this.state = { status: 'idle', retry: this.#retry };
    ensureContextRoot();
    host.addController(this);
    if (options.consume !== false) {
      new ContextConsumer<FeedState | undefined>(host, feedContext, (value) => {
        this.#provided = value;
        if (this.#key === 'context') this.#set(this.#fromProvider());
      });
    }
  }

  hostConnected(): void {
    // Back on the page after leaving mid-load: resolve again on the next update.
    if (this.#key === undefined) this.#host.requestUpdate();
  }

  hostUpdate(): void {
    this.#resolve(false);
  }

  hostDisconnected(): void {
    // Taken out of its <civic-feed>: that feed is no longer this widget's. Back on the page,
    // it asks again (the same provider answers at once; none leaves it idle).
    if (this.#key === 'context') this.#provided = this.#key = undefined;
    if (this.#request) {
      this.#request.abort();
      this.#request = undefined;
      this.#key = undefined;
    }
  }

  /**
   * Asks again: a new (conditional) request for `src`, a re-read of the inline feed, or
   * the provider's own retry.
   */
  reload(): void {
    if (this.#key === 'context') {
      this.#provided?.retry();
      return;
    }
    this.#resolve(true);
  }

  #resolve(force: boolean): void {
    const host = this.#host;
    if (host.feed != null) {
      if (!force && this.#key === 'feed' && this.#feedValue === host.feed) return;
      this.#cancel();
      this.#key = 'feed';
      this.#feedValue = host.feed;
      this.#set(this.#fromValue(() => toFeed(host.feed), undefined, false));
      return;
    }
    // A URL object (or anything else a script sets) as its text: DOM `src` properties take one.
    const src = String(host.src ?? '').trim();
    if (src) {
      if (!force && this.#key === `src:${src}`) return;
      // Back on the page after leaving mid-refresh (moved by a script: disconnected and
      // connected at once): the refresh is made again, not answered from the page's copy.
      const again = !this.#key && this.#refreshing;
      this.#key = `src:${src}`;
      this.#load(src, force || again);
      return;
    }
    const inline = this.#options.inline?.();
    if (inline !== undefined) {
      if (!force && this.#key === `inline:${inline}`) return;
      this.#cancel();
      this.#key = `inline:${inline}`;
      this.#set(this.#fromInline(inline, this.#key));
      return;
    }
    const key = this.#options.consume === false ? 'none' : 'context';
    if (!force && this.#key === key) return;
    this.#cancel();
    this.#key = key;
    this.#set(key === 'context' ? this.#fromProvider() : { status: 'idle', retry: this.#retry });
  }

  #fromProvider(): FeedState {
    return this.#provided ?? { status: 'idle', retry: this.#retry };
  }

  /** A feed that needs no request: the property or the inline script. */
  #fromValue(
    read: () => { feed: Feed; warnings: FeedWarning[] },
    url: string | undefined,
    announce: boolean,
  ): FeedState {
    try {
      const parsed = read();
      const { feed } = parsed;
      // A JSON Feed's items are read as they are shown (parse-json.ts): neither the warnings
      // nor the status read them all. (The event's warnings are all of them, read when a
      // listener asks; the console says each line once.)
      // Events wait for the current update to finish, so listeners see a settled element.
      if (announce) queueMicrotask(() => announceLoad(this.#host, parsed));
      return {
        status: hasItems(parsed, reportWarnings) ? 'ready' : 'empty',
        feed,
        retry: this.#retry,
      };
    } catch (e) {
      const error = e instanceof FeedError ? e : new FeedError(String(e), { cause: e });
      // Said even for `.feed` (which fires no load event): an unusable feed gives
      // `civic-feed-error` and its console line, whatever it came from (the contract).
      queueMicrotask(() => announceError(this.#host, { url, error }));
      return { status: 'error', error, retry: this.#retry };
    }
  }

  /**
   * An inline feed: read at once when it is JSON (the usual case); broken JSON, or XML,
   * waits for the chunk that describes or reads it.
   */
  #fromInline(text: string, key: string): FeedState {
    const options = { url: documentBase() };
    const settle = (read: () => ParsedFeed) => this.#fromValue(read, undefined, true);
    let quick: ParsedFeed | undefined;
    try {
      const doc = sniff(text);
      quick = doc.xml ? undefined : readJsonText(doc.text, options);
    } catch (e) {
      return settle(() => {
        throw e;
      });
    }
    const parsed = quick;
    if (parsed) return settle(() => parsed);
    readFeedText(text, options).then(
      (later) => {
        if (this.#key === key) this.#set(settle(() => later));
      },
      (e: unknown) => {
        if (this.#key === key)
          this.#set(
            settle(() => {
              throw e;
            }),
          );
      },
    );
    return { status: 'loading', retry: this.#retry };
  }

  #load(src: string, revalidate: boolean): void {
    this.#cancel();
    this.#refreshing = revalidate;
    let url: string;
    try {
      url = toUrls(src).join(' ');
    } catch (e) {
      const error = e as FeedError;
      this.#set({ status: 'error', error, url: src, retry: this.#retry });
      queueMicrotask(() => announceError(this.#host, { url: src, error }));
      return;
    }
    const known = revalidate ? undefined : peekFeed(url);
    if (known) {
      // Another widget already loaded it: draw now, no request and no loading flash.
      this.#set(this.#loaded(known));
      queueMicrotask(() => this.#announce(known));
      return;
    }
    const request = new AbortController();
    this.#request = request;
    // A refresh keeps showing what it has, an error included (a skeleton every 30 s took
    // the focus off "Thử lại" and had the alert read out again); only a first load shows
    // the skeleton.
    const showing =
      (revalidate || this.state.feed) && this.state.url === url ? this.state : undefined;
    // The request goes out first: reading the remembered copy never delays it.
    const loading = loadFeed(url, { signal: request.signal, revalidate });
    if (!showing) {
      // Stale-while-revalidate: a copy from an earlier visit is drawn now, as content
      // (no note, no event), and the request under way replaces it only if it changed.
      // Held: the feed has already arrived in this page (a finished preload; a resource
      // timing entry is only added once its response has ended. Several URLs to be merged
      // never match: their widget shows its placeholder as before). Then the remembered
      // copy is not read either: storage would only cost time.
      const held = performance.getEntriesByName(url).length > 0;
      const copy = held ? undefined : recallFeed(url);
      if (copy instanceof Promise) {
        copy.then(
          (later) => {
            if (later && this.#request === request && !this.state.feed)
              this.#set(this.#loaded(later));
          },
          () => undefined,
        );
      }
      this.#set(
        copy && !(copy instanceof Promise)
          ? this.#loaded(copy)
          : { status: 'loading', url, held, retry: this.#retry },
      );
      // The bytes are here (a finished preload): the content follows within a task or
      // two, so no placeholder is drawn for that moment (it would cost the frame it
      // saves), unless the content is slower than HOLD_MS after all.
      if (held)
        setTimeout(
          () => this.#request === request && this.#set({ ...this.state, held: false }),
          HOLD_MS,
        );
    }
    loading.then(
      (result) => {
        if (this.#request !== request) return;
        this.#request = undefined;
        if (result.feed === this.state.feed && !result.stale && !this.state.error) {
          // The same document as on screen: nothing to draw. Only the time is news. (Not
          // after a failed refresh: its note must go, and the widgets under a provider hear.)
          this.state = { ...this.state, fetchedAt: result.fetchedAt };
        } else {
          this.#set(this.#loaded(result));
        }
        this.#announce(result);
      },
      (e: unknown) => {
        if (this.#request !== request || request.signal.aborted) return;
        this.#request = undefined;
        const error = e instanceof FeedError ? e : new FeedError(String(e), { url, cause: e });
        const status = error.status ?? 0;
        const shown = this.state.feed && this.state.url === url ? this.state : undefined;
        if (shown && !(status >= 400 && status < 500)) {
          // A refresh failed with nothing remembered in storage: keep what is on screen.
          this.#set({ ...shown, status: 'stale', error });
          return;
        }
        // A 4xx says the feed itself is gone or wrong: what was shown goes too.
        this.#set({ status: 'error', error, url, retry: this.#retry });
        announceError(this.#host, { url, error });
      },
    );
  }

  #loaded(result: LoadedFeed): FeedState {
    const state: FeedState = {
      // Its warnings go to the console with their URL, from the event (announceLoad).
      status: result.stale ? 'stale' : hasItems(result, () => {}) ? 'ready' : 'empty',
      feed: result.feed,
      url: result.url,
      fetchedAt: result.fetchedAt,
      retry: this.#retry,
    };
    if (result.stale) state.error = result.stale;
    return state;
  }

  #announce(result: LoadedFeed): void {
    // A LoadedFeed is the detail's shape (`stale` only when set); its warnings are read
    // when a listener (or the console, after paint) asks.
    announceLoad(this.#host, result);
  }

  #cancel(): void {
    this.#request?.abort();
    this.#request = undefined;
  }

  #set(state: FeedState): void {
    this.state = state;
    this.#options.onChange?.(state);
    this.#host.requestUpdate();
  }
}

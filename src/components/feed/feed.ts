import type { JsonFeed } from '../../feed/json-feed.js';
import type { Feed } from '../../feed/model.js';
import { ContextProvider } from '../shared/context.js';
import { html, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { CivicElement } from '../shared/civic-element.js';
import { feedContext, type FeedState } from '../shared/feed-context.js';
import { FeedSource } from '../shared/feed-source.js';
import { isTimeZone } from '../../format/locale.js';
import { chunk } from '../../internal/lazy.js';
import type { FeedRefresh } from './refresh.js';
import { feedStyles } from './feed.styles.js';

// Few pages poll: the reload timer is a lazy chunk, fetched when `refresh` is first set.
const loadRefresh = chunk(() => import('./refresh.js'), undefined);

/**
 * Loads one feed and hands it to every widget inside it, so a page names its feed once.
 *
 * The feed comes from, first match wins: the `.feed` property; `src`; an inline
 * `<script type="application/feed+json">` child (no request at all). Widgets inside
 * that have no source of their own show this feed. The element draws nothing itself
 * (`display: contents`).
 *
 * @summary Provides a feed to the widgets inside it.
 *
 * @slot - The widgets that show this feed, and optionally the inline feed script.
 *
 * @fires civic-feed-load - `{url, feed, warnings, fetchedAt, stale}`: the fresh feed loaded and validated (changed or not; a remembered copy drawn meanwhile fires nothing), or, with `stale`, the remembered copy stands in for a failed load.
 * @fires civic-feed-error - `{url, error}`: the feed is unusable and nothing is remembered; `error.message` says why.
 */
export class CivicFeed extends CivicElement {
  static override styles = feedStyles;

  static override properties: PropertyDeclarations = {
    src: { reflect: true },
    feed: { attribute: false },
    refresh: { type: Number },
  };

  /** Feed URL (JSON Feed 1.1, RSS 2.0 or Atom 1.0); several space-separated URLs are merged. */
  declare src?: string | null;

  /** A parsed JSON Feed document or a `Feed` from `loadFeed`; wins over `src`. */
  declare feed?: JsonFeed | Feed | null;

  /**
   * Reload every this many seconds while the page is visible (conditional requests; paused
   * while hidden). At least 30: lower values are raised to 30, with a console warning.
   */
  declare refresh?: number;

  /** The `lang` this element set for `locale`, so it only ever removes its own. */
  #langFromLocale?: string;
  #lastLoad = 0;
  #refresher?: FeedRefresh;
  #observer?: MutationObserver;

  readonly #provider = new ContextProvider<FeedState | undefined>(this, feedContext, undefined);

  // With no feed of its own (`.feed`, `src`, an inline script), it passes on the one of
  // the `<civic-feed>` around it, with its own `locale` and `time-zone`: a section in
  // English inside a Vietnamese page's provider.
  readonly #source = new FeedSource(this, {
    inline: () => this.#inlineFeed(),
    onChange: () => {
      this.#lastLoad = Date.now();
      this.#publish();
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // The inline script may arrive after the element is upgraded (a classic script in
    // <head> runs before the body is parsed), and a page may replace it later.
    this.#observer = new MutationObserver(() => this.requestUpdate());
    this.#observer.observe(this, { childList: true, subtree: true, characterData: true });
    this.#refresher?.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    this.#refresher?.stop();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale')) this.#applyLocale();
    if (changed.has('locale') || changed.has('timeZone')) this.#publish();
    // The timer (lazy) also says when `refresh` is below its floor.
    if (changed.has('refresh')) this.#startRefresh();
  }

  override render(): TemplateResult {
    return html`<slot></slot>`;
  }

  /**
   * Asks for the feed again now, as `refresh` does on its interval: a conditional request
   * for `src` (a 304 costs no body), or a re-read of the inline feed. The widgets inside
   * keep what they show until the answer, and are not redrawn when the feed is unchanged.
   */
  reload(): void {
    this.#lastLoad = Date.now();
    this.#source.reload();
  }

  /** The state as the widgets inside receive it: with this element's locale and zone. */
  #publish(): void {
    const state: FeedState = { ...this.#source.state };
    if (this.locale) state.locale = this.locale;
    const zone = this.timeZone?.trim();
    if (zone && isTimeZone(zone)) {
      state.timeZone = zone;
      // Widgets already fall back to the feed's zone; this makes `time-zone` here win over it.
      if (state.feed) state.feed = { ...state.feed, timeZone: zone };
    }
    this.#provider.setValue(state);
  }

  /**
   * Widgets find their language from the nearest `lang`, so `locale` is offered to them
   * the same way (the content inside is in that language, so the attribute is true too).
   */
  #applyLocale(): void {
    const locale = this.locale?.trim();
    const current = this.getAttribute('lang');
    if (locale) {
      if (current === null || current === this.#langFromLocale) {
        this.setAttribute('lang', locale);
        this.#langFromLocale = locale;
      }
    } else if (this.#langFromLocale !== undefined && current === this.#langFromLocale) {
      this.removeAttribute('lang');
      this.#langFromLocale = undefined;
    }
  }

  #inlineFeed(): string | undefined {
    const script = Array.from(this.children).find(
      (el): el is HTMLScriptElement =>
        el instanceof HTMLScriptElement && el.type.trim().toLowerCase() === 'application/feed+json',
    );
    return script?.textContent ?? undefined;
  }

  #startRefresh(): void {
    if (this.#refresher) this.#refresher.start();
    else if (this.refresh) {
      loadRefresh().then(
        ({ FeedRefresh }) => {
          this.#refresher ??= new FeedRefresh(
            this,
            () => this.#lastLoad,
            () => {
              this.#lastLoad = Date.now();
              // Only a network source can change; a property or inline feed is as fresh as it gets.
              if (this.feed == null && this.src?.trim()) this.#source.reload();
            },
          );
          if (this.isConnected) this.#refresher.start();
        },
        // Offline, or a deploy in between: no polling now; setting `refresh` again retries.
        () => undefined,
      );
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-feed': CivicFeed;
  }
}

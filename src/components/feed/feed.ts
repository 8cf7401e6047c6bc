import { ContextProvider } from '@lit/context';
import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { CivicElement } from '../shared/civic-element.js';
import { feedContext, type FeedState } from '../shared/feed-context.js';
import { FeedSource } from '../shared/feed-source.js';
import { isTimeZone } from '../../format/locale.js';
import { feedStyles } from './feed.styles.js';

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
 * @fires civic-feed-load - `{url, feed, warnings, fetchedAt, stale}`: the feed loaded and validated (or, with `stale`, the remembered copy stands in for a failed load).
 * @fires civic-feed-error - `{url, error}`: the feed is unusable and nothing is remembered; `error.message` says why.
 */
export class CivicFeed extends CivicElement {
  static override styles = feedStyles;

  /** Feed URL (JSON Feed 1.1, RSS 2.0 or Atom 1.0); several space-separated URLs are merged. */
  @property({ reflect: true }) src?: string | null;

  /** A parsed JSON Feed document or a `Feed` from `loadFeed`; wins over `src`. */
  @property({ attribute: false }) feed?: unknown;

  /** Reload every this many seconds while the page is visible (conditional requests; paused while hidden). */
  @property({ type: Number }) refresh?: number;

  /** The `lang` this element set for `locale`, so it only ever removes its own. */
  private langFromLocale?: string;
  private refreshTimer?: ReturnType<typeof setTimeout>;
  private lastLoad = 0;
  private observer?: MutationObserver;

  private readonly provider = new ContextProvider(this, { context: feedContext });

  private readonly source = new FeedSource(this, {
    consume: false,
    inline: () => this.inlineFeed(),
    onChange: () => {
      this.lastLoad = Date.now();
      this.publish();
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // The inline script may arrive after the element is upgraded (a classic script in
    // <head> runs before the body is parsed), and a page may replace it later.
    this.observer = new MutationObserver(() => this.requestUpdate());
    this.observer.observe(this, { childList: true, subtree: true, characterData: true });
    document.addEventListener('visibilitychange', this.onVisibility);
    this.scheduleRefresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
    document.removeEventListener('visibilitychange', this.onVisibility);
    clearTimeout(this.refreshTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale')) this.applyLocale();
    if (changed.has('locale') || changed.has('timeZone')) this.publish();
    if (changed.has('refresh')) this.scheduleRefresh();
  }

  override render(): TemplateResult {
    return html`<slot></slot>`;
  }

  /** The state as the widgets inside receive it: with this element's locale and zone. */
  private publish(): void {
    const state: FeedState = { ...this.source.state };
    if (this.locale) state.locale = this.locale;
    const zone = this.timeZone?.trim();
    if (zone && isTimeZone(zone)) {
      state.timeZone = zone;
      // Widgets already fall back to the feed's zone; this makes `time-zone` here win over it.
      if (state.feed) state.feed = { ...state.feed, timeZone: zone };
    }
    this.provider.setValue(state);
  }

  /**
   * Widgets find their language from the nearest `lang`, so `locale` is offered to them
   * the same way (the content inside is in that language, so the attribute is true too).
   */
  private applyLocale(): void {
    const locale = this.locale?.trim();
    const current = this.getAttribute('lang');
    if (locale) {
      if (current === null || current === this.langFromLocale) {
        this.setAttribute('lang', locale);
        this.langFromLocale = locale;
      }
    } else if (this.langFromLocale !== undefined && current === this.langFromLocale) {
      this.removeAttribute('lang');
      this.langFromLocale = undefined;
    }
  }

  private inlineFeed(): string | undefined {
    const script = Array.from(this.children).find(
      (el): el is HTMLScriptElement =>
        el instanceof HTMLScriptElement && el.type.trim().toLowerCase() === 'application/feed+json',
    );
    return script?.textContent ?? undefined;
  }

  private refreshSeconds(): number | undefined {
    const s = this.refresh;
    return typeof s === 'number' && Number.isFinite(s) && s > 0 ? s : undefined;
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    const seconds = this.refreshSeconds();
    if (seconds === undefined || !this.isConnected || document.hidden) return;
    const due = Math.max(0, (this.lastLoad || Date.now()) + seconds * 1000 - Date.now());
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      if (document.hidden || !this.isConnected) return;
      this.lastLoad = Date.now();
      // Only a network source can change; a property or inline feed is as fresh as it gets.
      if ((this.feed === undefined || this.feed === null) && this.src?.trim()) this.source.reload();
      this.scheduleRefresh();
    }, due);
  }

  /** Hidden pages do not poll; coming back catches up at once if a refresh fell due. */
  private readonly onVisibility = (): void => {
    if (document.hidden) {
      clearTimeout(this.refreshTimer);
      this.refreshTimer = undefined;
    } else this.scheduleRefresh();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-feed': CivicFeed;
  }
}

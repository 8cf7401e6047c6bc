import { LitElement, type PropertyDeclarations } from 'lit';
import { resolveLocaleTag } from '../../format/locale.js';
import { defineMessages, messagesFor, type Messages } from '../../format/messages.js';
import { resolveTimeZone } from '../../format/dates.js';

/** The widgets on the page, to redraw when their language may have changed. */
const onPage = new Set<CivicElement>();
const redrawAll = () => onPage.forEach((el) => el.requestUpdate());
/** Watches every `lang` in the page once a widget is in it (a site's language switch). */
let langWatch: MutationObserver | undefined;

/**
 * The common attributes of every widget (`locale`, `time-zone`) and the two questions
 * every render asks: which language, which zone. No rendering here: each element draws
 * its own states with the functions in `states.ts`.
 */
export class CivicElement extends LitElement {
  static override properties: PropertyDeclarations = {
    locale: { reflect: true },
    timeZone: { attribute: 'time-zone' },
  };

  /** Language: `vi`, `en` or any BCP 47 tag; defaults to the nearest `lang` up the page, then `vi`. */
  declare locale?: string;

  /** IANA time zone to print dates in; defaults to the feed's `_civic.time_zone`, then the viewer's zone. */
  declare timeZone?: string;

  /**
   * Adds a language, or changes words of one, for every widget on the page; those already
   * drawn redraw. A script-tag page reaches it through any element's class:
   * `customElements.whenDefined('civic-feed').then((C) => C.defineMessages('fr', {…}))`.
   * @param locale a BCP 47 tag (`fr`, `zh-Hant`)
   * @param overrides the words to set; those left out come from `fallback` (default `en`)
   */
  static defineMessages(locale: string, overrides: Partial<Messages>, fallback?: string): void {
    defineMessages(locale, overrides, fallback);
    redrawAll();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    onPage.add(this);
    // Moved under another `lang`, or the page's changed while it was away: speak it.
    this.requestUpdate();
    (langWatch ??= new MutationObserver(redrawAll)).observe(document.documentElement, {
      attributeFilter: ['lang'],
      subtree: true,
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    onPage.delete(this);
  }

  /** The BCP 47 tag this widget speaks, by the contract's precedence. */
  protected get localeTag(): string {
    return resolveLocaleTag(this, this.locale);
  }

  /** The message table for `localeTag`. */
  protected get messages(): Messages {
    return messagesFor(this.localeTag);
  }

  /** Draws again: handed to a lazy chunk's promise, so the widget redraws once it is in (or failed). */
  protected readonly redraw = (): void => this.requestUpdate();

  /** The zone for dates: own `time-zone`, then the feed's, then the viewer's. */
  protected zoneFor(feedZone?: string): string {
    return resolveTimeZone(this.timeZone, feedZone);
  }
}

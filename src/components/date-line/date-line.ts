import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { CivicFeedElement } from '../shared/civic-feed-element.js';
import { dateLineStyles } from './date-line.styles.js';
import {
  calendarDateIn,
  formatDateLine,
  isoCalendarDate,
  nextMidnight,
  parseCalendarDate,
  type CalendarDate,
} from '../../format/dates.js';
import { chunk } from '../../internal/lazy.js';
import { warn } from '../../internal/warn.js';

// The lunar calendar is lazy (in the `extras` chunk): only lines with `lunar` need it.
const lunarChunk = chunk(() => import('../../format/lunar.js'), undefined);

/**
 * Today's date the way Vietnamese government portals print it:
 * `Thứ 5, Ngày 16 Tháng 7 Năm 2020` (`vi`) or `Thursday, July 16, 2020` (`en`),
 * optionally with the Vietnamese lunar date. It turns over by itself at midnight in
 * its time zone: `time-zone`, else the feed's `_civic.time_zone` (from its own `src`,
 * `.feed`, or the `<civic-feed>` around it), else the viewer's.
 *
 * The lunar part is computed by a small chunk fetched the first time a line asks for it;
 * until it arrives (a moment, once per visit) the line shows the solar date alone, and
 * the lunar part is then added at its end. It is inline text on one line, so nothing
 * around the line moves but what follows it on that same line.
 *
 * @summary Today's date, portal style, with an optional lunar date.
 * @fires civic-feed-load - When the line's own `src` has loaded: `{url, feed, warnings}`.
 * @fires civic-feed-error - When the line's own `src` failed: `{url, error}` (it then prints in the viewer's zone).
 * @csspart date - The `<time>` element with the date.
 * @csspart lunar - The lunar date, when `lunar` is set.
 * @cssproperty --civic-date-line-color - Text colour (default: inherited).
 * @cssproperty --civic-date-line-font-weight - Font weight (default: inherited).
 * @cssproperty --civic-date-line-lunar-color - Colour of the lunar part (default: inherited).
 */
export class CivicDateLine extends CivicFeedElement {
  static override styles = dateLineStyles;

  static override properties: PropertyDeclarations = {
    date: { reflect: true },
    lunar: { type: Boolean, reflect: true },
  };

  /**
   * ISO date (`2020-07-16`) or timestamp to show instead of today, for archives and tests. A
   * timestamp with an offset (`…T23:30:00Z`) shows its day in the line's zone; one without
   * an offset shows the day written.
   */
  declare date?: string;

  /** Also print the Vietnamese lunar date, computed for UTC+7: `(26/5 Canh Tý)`. */
  lunar = false;

  /** The day shown, settled in update() (render only draws it). */
  #day?: CalendarDate;
  #midnightTimer?: ReturnType<typeof setTimeout>;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#onVisibilityChange);
    // Moved by the site's script (disconnect, connect): the midnight timer was stopped,
    // and the day may have turned meanwhile. Drawing again re-arms it (updated()).
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#onVisibilityChange);
    clearTimeout(this.#midnightTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The lunar chunk starts loading as soon as the line knows it needs it (not from
    // render(), which changes no state); the line is drawn again when it arrives.
    if (this.lunar && !lunarChunk.ready) lunarChunk().then(this.redraw, () => undefined);
  }

  // After the feed source has settled (its zone decides "today") and before render, which
  // changes nothing: a `date` that is no date is warned about here, once per update.
  protected override update(changed: PropertyValues<this>): void {
    this.#day = this.#shownDate();
    super.update(changed);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Only a line on the page keeps a timer: an update after removal (a property set by
    // the site, a feed that arrives late) must not arm a 21-hour timer on a dead element.
    if (this.isConnected) this.#scheduleMidnight();
    else clearTimeout(this.#midnightTimer);
  }

  override render(): TemplateResult {
    const day = this.#day!;
    // Empty until the chunk is here, and outside the years the lunar tables cover: the
    // solar date then stands alone.
    const lunar = this.lunar
      ? (lunarChunk.ready?.lunarText(day.year, day.month, day.day) ?? '')
      : '';
    return html`<time part="date" datetime=${isoCalendarDate(day)}
        >${formatDateLine(day, this.localeTag)}</time
      >${
        lunar
          ? html` <span class="lunar" part="lunar" title=${this.messages.lunar}>(${lunar})</span>`
          : nothing
      }`;
  }

  // A feed (own `src`, `.feed`, or a <civic-feed> around the line) lends its publisher
  // zone, so "today" is the publisher's today, like every other date on the page. Until
  // it has loaded, or when it cannot, the line prints today in the viewer's zone.
  get #zone(): string {
    return this.zoneFor(this.source.state.feed?.timeZone);
  }

  /** The day to show: `date` when it reads as one, else today in the zone. */
  #shownDate(): CalendarDate {
    if (this.date) {
      const parsed = parseCalendarDate(this.date, this.#zone);
      if (parsed) return parsed;
      warn('date', this.date);
    }
    return calendarDateIn(new Date(), this.#zone);
  }

  /** Re-render at the next midnight in the zone; a fixed `date` never changes. */
  #scheduleMidnight(): void {
    clearTimeout(this.#midnightTimer);
    if (this.date && parseCalendarDate(this.date, this.#zone)) return;
    const now = new Date();
    const delay = nextMidnight(now, this.#zone).getTime() - now.getTime();
    // +50 ms so the timer never fires a hair before midnight and re-renders the old day.
    this.#midnightTimer = setTimeout(() => this.requestUpdate(), Math.max(0, delay) + 50);
  }

  // After a laptop sleeps through midnight the timer may be late: check on return.
  #onVisibilityChange = (): void => {
    if (document.visibilityState === 'visible') this.requestUpdate();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-date-line': CivicDateLine;
  }
}

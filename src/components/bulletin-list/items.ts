/**
 * How the bulletin list draws one item: its printed date and count (formatted once per
 * article and kept), and its `<li>`. The element decides which items show; this module
 * only how each looks.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Article } from '../../feed/model.js';
import { listDate, type SortKey } from '../../feed/order.js';
import { safeUrl } from '../../feed/values.js';
import { formatDate, isoInstant } from '../../format/dates.js';
import { headline } from '../../format/headline.js';
import { messageLocale, messagesVersion } from '../../format/messages.js';
import { chunk } from '../../internal/lazy.js';
import { runtime } from '../shared/runtime.js';
import { formatCount } from '../../format/numbers.js';

/**
 * Relative dates, lazy (in `extras`): a list with `date-format="relative"` asks for them
 * at upgrade and shows its skeleton until they are in (`relativeDates.ready`), or, when
 * they cannot load, its dates in full.
 */
export const relativeDates = chunk(() => import('../../format/relative.js'), runtime);

/** How the list is drawn. */
export type BulletinLayout = 'list' | 'compact' | 'grid' | 'ticker';
export const LAYOUTS: readonly BulletinLayout[] = ['list', 'compact', 'grid', 'ticker'];

/** How a list prints its item dates. */
export type ListDateFormat = 'date' | 'datetime' | 'relative';
export const DATE_FORMATS: readonly ListDateFormat[] = ['date', 'datetime', 'relative'];

/** The printed parts of one article. */
export interface Printed {
  /** The settings it was printed with. */
  key: string;
  date: string;
  iso: string;
  views: string;
}

/**
 * Date and count text of each article, formatted once per settings and kept: with 1,000
 * items, formatting them again on every render is what would cost.
 */
export class ItemPrinter {
  readonly #printed = new WeakMap<Article, Printed>();

  /**
   * The printer for one render: dates in `zone` and `locale` by `sort`'s date, as
   * `dates` says, with the view count when `views`; `now` is the render's clock.
   */
  for(
    zone: string,
    locale: string,
    sort: SortKey,
    dates: ListDateFormat,
    views: boolean,
    now: number,
  ): (a: Article) => Printed {
    // Relative dates change with the clock: the minute is part of their key.
    const key = `${locale}|${zone}|${sort}|${dates}|${dates === 'relative' && relativeDates.ready ? Math.floor(now / 60_000) : ''}|${views ? 'v' : ''}|${messagesVersion()}`;
    return (a) => {
      const cached = this.#printed.get(a);
      if (cached?.key === key) return cached;
      const date = listDate(a, sort);
      const p: Printed = {
        key,
        date: !date
          ? ''
          : dates === 'relative' && relativeDates.ready
            ? // The same language as the messages around it (a tag with no table speaks Vietnamese).
              relativeDates.ready.formatRelative(
                date,
                now,
                /^vi\b/.test(messageLocale(locale)) ? 'vi' : locale,
                zone,
              )
            : formatDate(date, zone, locale, dates === 'datetime' ? 'minutes' : 'date'),
        iso: date ? isoInstant(date) : '',
        views: views && a.views !== undefined ? formatCount(a.views, locale) : '',
      };
      this.#printed.set(a, p);
      return p;
    };
  }
}

/** A grid card around an item's text (the layouts chunk's `renderGridItem`). */
export type GridItem = (
  cls: string,
  image: string | undefined,
  text: TemplateResult,
) => TemplateResult;

/**
 * One item's `<li>`. With 1,000 items the per-item cost is what counts, and each nested
 * template is a clone of its own. The usual item (a link and a date) therefore gets one
 * flat template; anything missing takes the general path below. Title and badge share a
 * line box (.head): the badge follows the title's last word, wherever that wraps.
 *
 * The headline and summary carry the article's language (its own, else the feed's), as
 * the card's do, so that a screen reader reads an English headline with English rules on a
 * Vietnamese page (WCAG 3.1.2); the date, the count and the badge stay in the page's.
 *
 * @param grid the grid card's template, once the layouts chunk is in (a plain `<li>` before)
 * @param lang the article's language, when the article or its feed names one
 */
export function renderItem(
  layout: BulletinLayout,
  a: Article,
  p: Printed,
  badge: TemplateResult | typeof nothing,
  viewsLabel: string,
  grid: GridItem | undefined,
  lang: string | undefined,
): TemplateResult {
  const cls = a.featured ? 'item featured' : 'item';
  const views = p.views ? html` <span class="views">${viewsLabel} ${p.views}</span>` : nothing;
  const summary =
    a.summary && (layout === 'list' || layout === 'grid')
      ? html`<p class="summary" part="summary" lang=${ifDefined(lang)}>${a.summary}</p>`
      : nothing;
  // Every bound URL passes safeUrl: the article may come from a hand-built object, or
  // inherit `url` from a polluted Object.prototype.
  const url = safeUrl(a.url);
  const image = safeUrl(a.image);
  if (url && p.date && layout !== 'grid') {
    return html`<li class=${cls} part=${cls}>
      <span class="head"
        ><a class="title" part="title" href=${url} lang=${ifDefined(lang)}>${itemName(a)}</a
        >${badge}</span
      ><span class="meta" part="meta"><time datetime=${p.iso}>${p.date}</time>${views}</span
      >${summary}
    </li>`;
  }
  const title = url
    ? html`<a class="title" part="title" href=${url} lang=${ifDefined(lang)}>${itemName(a)}</a>`
    : html`<span class="title" part="title" lang=${ifDefined(lang)}>${itemName(a)}</span>`;
  const text = html`<span class="head">${title}${badge}</span
    ><span class="meta" part="meta"
      >${p.date ? html`<time datetime=${p.iso}>${p.date}</time>` : nothing}${views}</span
    >${summary}`;
  if (layout === 'grid' && grid) return grid(cls, image, text);
  return html`<li class=${cls} part=${cls}>${text}</li>`;
}

/** What to call an item: its headline, else (no words at all) its address. */
const itemName = (a: Article): string => headline(a) ?? a.url ?? a.id;

/**
 * The gallery's table: its sections and every specimen, one row each, in page order.
 * `gallery.ts` builds `gallery.html` from it when the page loads (DOM calls only: the
 * page runs under the strict CSP and Trusted Types).
 *
 * Text (`intro`, `caption`) is plain text with two marks: `code` in backticks and
 * **strong** in double asterisks. Attribute values are written as a page author writes
 * them; `{key}` in a `src` becomes a new key per page view (see the flaky feeds below).
 */

/** An element as a page author writes it: tag, attributes in order, what is inside. */
export interface Markup {
  tag: keyof HTMLElementTagNameMap;
  /** `true` for a boolean attribute (`lunar`, `show-views`). */
  attributes?: Readonly<Record<string, string | true>>;
  /** Child elements and text: a widget's light-DOM fallback, a provider's widgets. */
  content?: readonly (Markup | string)[];
  /**
   * The id of an element that `gallery.html` holds, to be moved here instead of made:
   * a `<script>` data block, whose text no script may write under Trusted Types (only
   * the page's own markup can hold one). Its tag and attributes must be the row's. Such
   * a specimen gets no "Run again": its copy would be a script made by a script.
   */
  fromPage?: string;
}

export type SectionId = 'card' | 'list' | 'counter' | 'date-line' | 'feed' | 'states' | 'theming';

/** The headed parts of a section (the states section has one per state). */
export type PartId = 'loading' | 'empty' | 'error' | 'stale';

export interface Section {
  /** The anchor; the heading's id is `<id>-title`. */
  id: SectionId;
  /** The heading, also the table of contents' link. */
  title: string;
  intro: string;
  parts?: readonly { id: PartId; title: string; intro: string }[];
}

/** One specimen: the markup shown (and run) above its caption. */
export interface Specimen extends Markup {
  section: SectionId;
  /** Which headed part of the section, when it has parts. */
  part?: PartId;
  /** A full-width row, for the variants that need room. Wide rows follow the others. */
  wide?: true;
  /** The language of the region the specimen sits in (the widgets follow it). */
  lang: 'vi' | 'en';
  /** The label before the caption: `loaded`, `error`, … */
  state: string;
  caption: string;
  /** A class on the specimen's region, from the tools pages' stylesheet: a narrow
   *  column, a site's tokens, a dark region. */
  region?: 'sidebar-300' | 'theme-blue' | 'dark-sample';
  /** Show the `civic-feed-load` / `civic-feed-error` events under the specimen; a
   *  `<civic-feed data-reload-after="S">` inside reloads S seconds after its first load. */
  log?: true;
  /** A "Run again" button that puts a fresh copy on the page. */
  rerun?: true;
}

export const SECTIONS: readonly Section[] = [
  {
    id: 'card',
    title: '<civic-article-card>',
    intro:
      'One article. `variant` picks how much of it shows; `actions` adds buttons after the meta line.',
  },
  {
    id: 'list',
    title: '<civic-bulletin-list>',
    intro:
      'A list of news: pinned first, then newest (or most read) first, "Mới" badges, filters and "Xem thêm".',
  },
  {
    id: 'counter',
    title: '<civic-view-counter>',
    intro: 'One view count, inline in a line of text.',
  },
  {
    id: 'date-line',
    title: '<civic-date-line>',
    intro:
      "Today's date the way Vietnamese portals print it. It needs no feed, so it has no loading or error state.",
  },
  {
    id: 'feed',
    title: '<civic-feed>',
    intro:
      'A provider: it loads one feed and every widget inside without a source of its own shows it, from one request. It draws nothing itself. Its events are logged under each specimen.',
  },
  {
    id: 'states',
    title: 'States',
    intro:
      'Each widget in each state, forced through its public `src` and a URL the demo server answers with that fault. "Run again" puts a fresh copy of the widget on the page.',
    parts: [
      {
        id: 'loading',
        title: 'Loading',
        intro:
          '`/demo-api/slow` answers after 60 s. The skeleton is an estimate of the size to come (`limit` typical items); after the loader\'s 15 s limit the widget says, plainly, that the news could not be loaded ("Chi tiết" holds the reason).',
      },
      {
        id: 'empty',
        title: 'Empty',
        intro: '`/demo-api/empty` is a valid feed with no items.',
      },
      {
        id: 'error',
        title: 'Error',
        intro:
          'An unusable feed: a plain message, the light-DOM fallback and "Thử lại". The message is the one `civic-feed-error` carries.',
      },
      {
        id: 'stale',
        title: 'Remembered copy',
        intro:
          "`/demo-api/flaky?key=…` answers the first request and fails every later one. The page calls the provider's `reload()` 3 s after loading (as `refresh` would, at its 30-second minimum); that request fails, so the widgets keep the copy the browser remembered and say when it was fetched. (Each page view uses a new key.)",
      },
    ],
  },
  {
    id: 'theming',
    title: 'Theming',
    intro:
      'The widgets follow the page\'s font and colours, not the operating system: light unless the page (or a region of it) declares `color-scheme: dark`, whose `light-dark()` tokens they then use. `theme="dark"` or `"light"` forces one (the widget paints its own background), `theme="auto"` follows the OS. A site sets the shared `--civic-*` tokens on any ancestor (here with a class, since this page allows no inline styles).',
  },
];

const SEED = 'feeds/vi-cong-an-tinh.json';
const RSS = 'feeds/vi-an-ninh-trat-tu.rss.xml';
const ATOM = 'feeds/vi-thong-bao.atom.xml';
const EN = 'feeds/en-city-news.json';

/** A widget's no-JavaScript fallback: a link to the site's news. */
const newsLink = (href: string, text: string): Markup => ({
  tag: 'a',
  attributes: { href },
  content: [text],
});
const VI_NEWS = newsLink('https://congan.tinh.example/tin-tuc', 'Xem tin tức');

export const SPECIMENS: readonly Specimen[] = [
  // ------------------------------------------------------------ <civic-article-card>
  {
    section: 'card',
    lang: 'vi',
    state: 'loaded',
    caption: '`variant="summary"` (the default), with an attachment',
    tag: 'civic-article-card',
    attributes: { src: SEED, 'item-id': '2020-tuyen-sinh-cand' },
  },
  {
    section: 'card',
    lang: 'vi',
    state: 'loaded',
    caption: 'summary with an image, from an **RSS 2.0** feed',
    tag: 'civic-article-card',
    attributes: { src: RSS, variant: 'summary' },
  },
  {
    section: 'card',
    lang: 'vi',
    state: 'loaded',
    caption: '`variant="compact"`: title and meta line',
    tag: 'civic-article-card',
    attributes: { src: SEED, variant: 'compact', 'item-id': '2020-lua-dao-mang-xa-hoi' },
  },
  {
    section: 'card',
    wide: true,
    lang: 'vi',
    state: 'loaded',
    caption: '`variant="full"` from an **Atom 1.0** feed (HTML body, sanitized)',
    tag: 'civic-article-card',
    attributes: { src: ATOM, variant: 'full', actions: 'copy-link' },
  },
  {
    section: 'card',
    wide: true,
    lang: 'vi',
    state: 'loaded',
    caption: '`variant="full"`: the seed article with its Markdown body and every action',
    tag: 'civic-article-card',
    attributes: {
      src: SEED,
      variant: 'full',
      'item-id': '2019-antq-ket-qua',
      actions: 'print share copy-link',
    },
  },
  {
    section: 'card',
    wide: true,
    lang: 'en',
    state: 'loaded',
    caption: "English (from the nearest `lang`), dates in the feed's `America/New_York`",
    tag: 'civic-article-card',
    attributes: { src: EN, variant: 'full', 'item-id': 'budget-2021', actions: 'print share' },
  },

  // ------------------------------------------------------------ <civic-bulletin-list>
  {
    section: 'list',
    lang: 'vi',
    state: 'loaded',
    caption: '`layout="list"` (default): "Xem thêm" shows 4 more',
    tag: 'civic-bulletin-list',
    attributes: { src: SEED, limit: '4' },
  },
  {
    section: 'list',
    lang: 'vi',
    state: 'loaded',
    caption: '`layout="compact"` with `show-views`',
    tag: 'civic-bulletin-list',
    attributes: { src: SEED, layout: 'compact', limit: '6', 'show-views': true },
  },
  {
    section: 'list',
    lang: 'vi',
    state: 'loaded',
    caption:
      '"Mới" badges: items younger than `new-days` (3); this feed is dated relative to today',
    tag: 'civic-bulletin-list',
    attributes: { src: '/demo-api/fresh', layout: 'compact', limit: '5' },
  },
  {
    section: 'list',
    lang: 'vi',
    state: 'loaded',
    caption: 'filtered: `category="Thông báo"`',
    tag: 'civic-bulletin-list',
    attributes: { src: SEED, layout: 'compact', category: 'Thông báo' },
  },
  {
    section: 'list',
    lang: 'vi',
    state: 'loaded',
    caption:
      '`sort="views"`: strictly most read first (pinned items stay on top of the date sorts only)',
    tag: 'civic-bulletin-list',
    attributes: {
      src: SEED,
      layout: 'compact',
      sort: 'views',
      limit: '5',
      'show-views': true,
      'new-days': '0',
    },
  },
  {
    section: 'list',
    lang: 'vi',
    state: 'loaded',
    caption: 'paging: when the loaded items run out, "Xem thêm" follows the feed\'s `next_url`',
    tag: 'civic-bulletin-list',
    attributes: { src: '/demo-api/paged?page=1', layout: 'compact', limit: '3' },
  },
  {
    section: 'list',
    lang: 'vi',
    state: 'loaded',
    caption: 'two feeds (RSS + Atom) in one `src`: merged, newest first',
    tag: 'civic-bulletin-list',
    attributes: {
      src: `${RSS} ${ATOM}`,
      layout: 'compact',
      limit: '6',
      label: 'An ninh trật tự và thông báo',
    },
  },
  {
    section: 'list',
    lang: 'en',
    state: 'loaded',
    caption: 'English',
    tag: 'civic-bulletin-list',
    attributes: { src: EN, layout: 'compact', limit: '4' },
  },
  {
    section: 'list',
    lang: 'vi',
    state: 'loaded',
    caption: '`date-format="datetime"`: 16/07/2020 11:05',
    tag: 'civic-bulletin-list',
    attributes: { src: SEED, 'date-format': 'datetime', limit: '3' },
  },
  {
    section: 'list',
    lang: 'vi',
    state: 'loaded',
    caption: '`date-format="relative"`: "2 giờ trước"',
    tag: 'civic-bulletin-list',
    attributes: {
      src: '/demo-api/fresh',
      layout: 'compact',
      'date-format': 'relative',
      limit: '4',
    },
  },
  {
    section: 'list',
    lang: 'vi',
    region: 'sidebar-300',
    state: 'loaded',
    caption: '`layout="compact"` in a 300 px sidebar: the date goes under the whole title',
    tag: 'civic-bulletin-list',
    attributes: { src: SEED, layout: 'compact', limit: '4' },
  },
  {
    section: 'list',
    wide: true,
    lang: 'vi',
    state: 'loaded',
    caption: '`layout="grid"`: cards with images (local images, from the RSS feed)',
    tag: 'civic-bulletin-list',
    attributes: { src: RSS, layout: 'grid', limit: '4' },
  },
  {
    section: 'list',
    wide: true,
    lang: 'vi',
    state: 'loaded',
    caption:
      '`layout="ticker"`: scrolling headlines with a pause button; still under `prefers-reduced-motion`',
    tag: 'civic-bulletin-list',
    attributes: { src: SEED, layout: 'ticker', limit: '6' },
  },

  // ------------------------------------------------------------ <civic-view-counter>
  {
    section: 'counter',
    lang: 'vi',
    state: 'loaded',
    caption: '`count`: no feed at all',
    tag: 'civic-view-counter',
    attributes: { count: '2007' },
  },
  {
    section: 'counter',
    lang: 'vi',
    state: 'loaded',
    caption: 'from a feed item, `notation="compact"`',
    tag: 'civic-view-counter',
    attributes: { src: SEED, 'item-id': '2020-lua-dao-mang-xa-hoi', notation: 'compact' },
  },
  {
    section: 'counter',
    lang: 'en',
    state: 'loaded',
    caption: 'English',
    tag: 'civic-view-counter',
    attributes: { src: EN, 'item-id': 'snow-emergency' },
  },
  {
    section: 'counter',
    lang: 'vi',
    state: 'live',
    caption:
      "`endpoint` + `hit`: one `POST` per browser session (none under Do Not Track / GPC), then the server's count",
    tag: 'civic-view-counter',
    attributes: { endpoint: '/demo-api/views', 'item-id': '2019-antq-ket-qua', hit: true },
  },
  {
    section: 'counter',
    lang: 'vi',
    state: 'live, failing',
    caption: 'the endpoint answers 500: the known number stays',
    tag: 'civic-view-counter',
    attributes: { endpoint: '/demo-api/500', count: '2007' },
    content: [{ tag: 'span', content: ['Lượt xem: 2.007'] }],
  },
  {
    section: 'counter',
    lang: 'vi',
    state: 'loaded',
    caption: '`hide-label`, inside a sentence',
    tag: 'p',
    content: [
      'Tin này có',
      {
        tag: 'civic-view-counter',
        attributes: { count: '15890', notation: 'compact', 'hide-label': true },
      },
      'lượt xem.',
    ],
  },

  // ------------------------------------------------------------ <civic-date-line>
  {
    section: 'date-line',
    lang: 'vi',
    state: 'today',
    caption: 'default',
    tag: 'civic-date-line',
  },
  {
    section: 'date-line',
    lang: 'vi',
    state: 'today',
    caption: '`lunar`, today in Việt Nam',
    tag: 'civic-date-line',
    attributes: { lunar: true, 'time-zone': 'Asia/Ho_Chi_Minh' },
  },
  {
    section: 'date-line',
    lang: 'vi',
    state: 'fixed',
    caption: '`date="2020-07-16"` with the lunar date',
    tag: 'civic-date-line',
    attributes: { date: '2020-07-16', lunar: true },
  },
  {
    section: 'date-line',
    lang: 'en',
    state: 'fixed',
    caption: 'English',
    tag: 'civic-date-line',
    attributes: { date: '2020-07-16' },
  },

  // ------------------------------------------------------------ <civic-feed>
  {
    section: 'feed',
    log: true,
    lang: 'vi',
    state: 'loaded',
    caption: 'two widgets, one request',
    tag: 'civic-feed',
    attributes: { src: SEED },
    content: [
      { tag: 'civic-article-card', attributes: { variant: 'compact' } },
      { tag: 'civic-view-counter', attributes: { 'item-id': '2020-tuyen-sinh-cand' } },
    ],
  },
  {
    section: 'feed',
    log: true,
    lang: 'vi',
    state: 'inline',
    caption: 'the feed embedded in the page: no request at all',
    tag: 'civic-feed',
    content: [
      { tag: 'script', attributes: { type: 'application/feed+json' }, fromPage: 'inline-feed' },
      { tag: 'civic-article-card' },
    ],
  },

  // ------------------------------------------------------------ states
  {
    section: 'states',
    part: 'loading',
    rerun: true,
    lang: 'vi',
    state: 'loading',
    caption: 'card',
    tag: 'civic-article-card',
    attributes: { src: '/demo-api/slow' },
  },
  {
    section: 'states',
    part: 'loading',
    rerun: true,
    lang: 'vi',
    state: 'loading',
    caption: 'list',
    tag: 'civic-bulletin-list',
    attributes: { src: '/demo-api/slow', limit: '3' },
  },
  {
    section: 'states',
    part: 'loading',
    rerun: true,
    lang: 'vi',
    state: 'loading',
    caption: 'counter',
    tag: 'civic-view-counter',
    attributes: { src: '/demo-api/slow' },
  },
  {
    section: 'states',
    part: 'empty',
    lang: 'vi',
    state: 'empty',
    caption: 'card',
    tag: 'civic-article-card',
    attributes: { src: '/demo-api/empty' },
  },
  {
    section: 'states',
    part: 'empty',
    lang: 'vi',
    state: 'empty',
    caption: 'list',
    tag: 'civic-bulletin-list',
    attributes: { src: '/demo-api/empty' },
  },
  {
    section: 'states',
    part: 'empty',
    lang: 'en',
    state: 'empty',
    caption: 'list, English',
    tag: 'civic-bulletin-list',
    attributes: { src: '/demo-api/empty' },
  },
  {
    section: 'states',
    part: 'empty',
    lang: 'vi',
    state: 'empty',
    caption: 'counter: only its light-DOM fallback',
    tag: 'civic-view-counter',
    attributes: { src: '/demo-api/empty' },
    content: [{ tag: 'span', content: ['Lượt xem: —'] }],
  },
  {
    section: 'states',
    part: 'error',
    log: true,
    lang: 'vi',
    state: 'error',
    caption: 'card, HTTP 404',
    tag: 'civic-article-card',
    attributes: { src: '/demo-api/404' },
    content: [VI_NEWS],
  },
  {
    section: 'states',
    part: 'error',
    log: true,
    lang: 'vi',
    state: 'error',
    caption: 'list, a feed cut off mid-transfer (not JSON)',
    tag: 'civic-bulletin-list',
    attributes: { src: '/demo-api/not-json' },
    content: [VI_NEWS],
  },
  {
    section: 'states',
    part: 'error',
    log: true,
    lang: 'en',
    state: 'error',
    caption: 'list, English: JSON but not a JSON Feed',
    tag: 'civic-bulletin-list',
    attributes: { src: '/demo-api/not-feed' },
    content: [newsLink('https://www.riverton.example/news', 'City news')],
  },
  {
    section: 'states',
    part: 'error',
    log: true,
    lang: 'vi',
    state: 'error',
    caption: 'card, an HTML page where the feed should be',
    tag: 'civic-article-card',
    attributes: { src: '/demo-api/html', variant: 'compact' },
    content: [newsLink('https://congan.tinh.example/', 'Trang chủ')],
  },
  {
    section: 'states',
    part: 'error',
    log: true,
    lang: 'vi',
    state: 'error',
    caption: 'counter, HTTP 404',
    tag: 'civic-view-counter',
    attributes: { src: '/demo-api/404' },
    content: [{ tag: 'span', content: ['Lượt xem: 2.007'] }],
  },
  {
    section: 'states',
    part: 'error',
    log: true,
    lang: 'vi',
    state: 'error',
    caption: 'list, HTTP 500 (after one retry)',
    tag: 'civic-bulletin-list',
    attributes: { src: '/demo-api/500', layout: 'compact' },
    content: [VI_NEWS],
  },
  {
    section: 'states',
    part: 'stale',
    rerun: true,
    log: true,
    lang: 'vi',
    state: 'stale',
    caption: 'card',
    tag: 'civic-feed',
    attributes: { src: '/demo-api/flaky?key={key}-card', 'data-reload-after': '3' },
    content: [{ tag: 'civic-article-card', attributes: { variant: 'compact' } }],
  },
  {
    section: 'states',
    part: 'stale',
    rerun: true,
    log: true,
    lang: 'vi',
    state: 'stale',
    caption: 'list',
    tag: 'civic-feed',
    attributes: { src: '/demo-api/flaky?key={key}-list', 'data-reload-after': '3' },
    content: [{ tag: 'civic-bulletin-list', attributes: { layout: 'compact', limit: '3' } }],
  },
  {
    section: 'states',
    part: 'stale',
    rerun: true,
    log: true,
    lang: 'vi',
    state: 'stale',
    caption: 'counter (its tooltip says from when)',
    tag: 'civic-feed',
    attributes: { src: '/demo-api/flaky?key={key}-counter', 'data-reload-after': '3' },
    content: [{ tag: 'civic-view-counter' }],
  },

  // ------------------------------------------------------------ theming
  {
    section: 'theming',
    lang: 'vi',
    region: 'theme-blue',
    state: 'theme',
    caption: '`--civic-color-accent: #114a8b` and `--civic-bulletin-list-badge-background`',
    tag: 'civic-bulletin-list',
    attributes: { src: '/demo-api/fresh', layout: 'compact', limit: '4' },
  },
  {
    section: 'theming',
    lang: 'vi',
    region: 'dark-sample',
    state: 'dark',
    caption: 'a region that declares `color-scheme: dark`: no tokens set, the widget follows it',
    tag: 'civic-article-card',
    attributes: { src: SEED, 'item-id': '2020-tuyen-sinh-cand', actions: 'share' },
  },
  {
    section: 'theming',
    lang: 'vi',
    state: 'theme',
    caption: '`theme="dark"` on a light page',
    tag: 'civic-bulletin-list',
    attributes: { src: SEED, theme: 'dark', limit: '3', 'show-views': true },
  },
  {
    section: 'theming',
    lang: 'vi',
    state: 'theme',
    caption: '`theme="auto"`: dark when the OS is',
    tag: 'civic-article-card',
    attributes: { src: SEED, variant: 'compact', theme: 'auto' },
  },
];

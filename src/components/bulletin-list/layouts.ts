/**
 * The item styles of the `compact`, `grid` and `ticker` layouts. Most lists use the
 * default `list` layout, so these are a lazy chunk: a list with another layout shows its
 * skeleton (styled by the main sheet, an estimate of the size) until this has arrived and
 * is adopted into its shadow root.
 *
 * The chunk also draws what only those layouts have (the ticker's pause button and
 * viewport, a grid card's picture box): a list with such a layout waits for the chunk
 * anyway, so the entry need not carry them.
 *
 * A lazy chunk must not import the entry's modules (see `src/internal/lazy.ts`), Lit
 * included, so the sheet is a plain constructable `CSSStyleSheet` (allowed by a strict
 * `style-src`, like Lit's own) and Lit's `html` comes from the runtime. The css tag
 * below is a local one, named so that the build minifies the text as it does Lit's
 * (vite.config.ts).
 */
import type { TemplateResult } from 'lit';
import type { Runtime } from '../shared/runtime.js';

/** What the templates below borrow from the entry. */
type Needs = Pick<Runtime, 'html' | 'nothing'>;

/** The chunk's door (see `src/internal/lazy.ts`): the sheet, and the templates bound to the runtime. */
export function init(runtime: Needs) {
  return {
    sheet: layoutSheet(),
    renderTicker: (...args: Tail<Parameters<typeof renderTicker>>) =>
      renderTicker(runtime, ...args),
    renderGridItem: (...args: Tail<Parameters<typeof renderGridItem>>) =>
      renderGridItem(runtime, ...args),
  };
}
type Tail<T extends unknown[]> = T extends [unknown, ...infer R] ? R : never;
const css = (text: TemplateStringsArray): string => text[0];

const LAYOUT_CSS =
  css`
    /* compact: title and date on one line where there is room for both (the title wraps
     beside the date); in a narrow container (a sidebar, a phone) the date goes under it. */
    .layout-compact .list {
      gap: calc(var(--_gap) / 2);
    }
    .layout-compact .item,
    .layout-ticker .item {
      display: flex;
      align-items: baseline;
      gap: 0.5em 1em;
    }
    .layout-compact .head {
      flex: 1 1 0;
      min-width: 0;
    }
    .layout-compact .meta {
      flex: none;
    }

    /* grid: cards, a picture on top when the item has one, the text below. */
    .layout-grid .list {
      display: grid;
      grid-template-columns: var(--_cols);
    }
    .layout-grid .item {
      display: flex;
      flex-direction: column;
      border: 1px solid var(--_border);
      border-radius: 6px;
      background: var(--_surface);
    }
    .layout-grid .featured {
      padding-inline-start: 0;
    }
    .card-body {
      padding: 0.6em 0.75em 0.75em;
    }
    .image {
      display: block;
      aspect-ratio: var(--civic-bulletin-list-image-ratio, 16 / 9);
      border-radius: 5px 5px 0 0;
      background: var(--_skeleton);
      overflow: hidden;
    }
    /* A picture that cannot be loaded takes its frame with it: no empty tinted box. */
    .image:has(.failed) {
      display: none;
    }
    .image img {
      display: block;
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
    /* The title link covers the whole card, so the picture is a click target too. */
    .layout-grid a.title::after {
      content: '';
      position: absolute;
      inset: 0;
    }
    .layout-grid .item:has(a.title:focus-visible) {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }

    /* ticker: one line of headlines moving towards the line's start, CSS only; a pause button first. */
    .pause {
      border: 1px solid;
      border-radius: 4px;
      background: none;
      color: inherit;
    }
    .pause[aria-pressed='true'] {
      background: color-mix(in srgb, currentColor 10%, transparent);
    }
    .ticker-viewport {
      flex: 1;
      min-width: 0;
      overflow: hidden;
      /* Its width comes from around it, never from the line of headlines inside: in a
         table cell, a flex item or an inline-block that line set the widget's own minimum
         width (1,460 px for ten headlines) and pushed the page sideways. */
      contain: inline-size;
    }
    /* Right to left, the headlines start at the right and run off it, the next coming in
       from the left (moving left, as in LTR, the list left the box after the first one). */
    .ticker-viewport:dir(rtl) {
      --_ticker-end: 100%;
    }
    .layout-ticker .list {
      flex-direction: row;
      width: max-content;
      gap: 2.5em;
      white-space: nowrap;
    }
    .layout-ticker .title {
      /* The viewport clips: keep the focus ring inside the link. */
      outline-offset: -2px;
    }
    .layout-ticker .featured {
      padding-inline-start: 0.5em;
    }
    .pause {
      flex: none;
      padding: 0.1em 0.6em;
      font-size: 0.875em;
    }
    @media (prefers-reduced-motion: no-preference) {
      .layout-ticker .list {
        animation: civic-ticker var(--civic-bulletin-list-ticker-duration, 40s) linear infinite;
      }
      .ticker-viewport:hover .list {
        animation-play-state: paused;
      }
    }
    /* Paused, the headlines stand still as a wrapping list, each readable whole (a line
       stopped mid-way showed a phone a piece of one); without motion they always do. So
       they do while the keyboard is in them: a headline wider than the box, scrolled
       into view on one line, showed only its middle. */
    .paused .list,
    .ticker-viewport:focus-within .list {
      width: auto;
      flex-wrap: wrap;
      row-gap: 0.25em;
      white-space: normal;
      animation: none;
    }
    /* Beside the first headline, not halfway down a list of them (also while the keyboard
       is in the list: below, as plain text). */
    .paused .pause {
      align-self: flex-start;
    }
    /* On paper, too: a moving line printed one headline cut at the edge of the box. */
    @media print, (prefers-reduced-motion: reduce) {
      .layout-ticker .list {
        width: auto;
        flex-wrap: wrap;
        row-gap: 0.25em;
        white-space: normal;
        animation: none;
      }
      .pause {
        display: none;
      }
    }
    @keyframes civic-ticker {
      to {
        transform: translateX(var(--_ticker-end, -100%));
      }
    }
    @media (forced-colors: active) {
      .layout-grid .item:has(a.title:focus-visible) {
        outline-color: Highlight;
      }
    }
  ` +
  // The compact list is a container: narrower than 26em, the date goes under the title.
  // Plain text because lit-analyzer's CSS checker predates container queries.
  '.layout-compact{container-type:inline-size}' +
  '@container (width<26em){.layout-compact .item{display:block}}' +
  // And it does not know `:has()` with a sibling combinator.
  '.pause:has(+.ticker-viewport:focus-within){align-self:flex-start}';

/** The layouts' sheet, built once (the door opens once) and shared by every list on the page. */
function layoutSheet(): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(LAYOUT_CSS);
  return sheet;
}

/**
 * The ticker around its list: the pause button first (a keyboard user stops the motion
 * before meeting it), then the moving viewport, then the list's live region.
 */
function renderTicker(
  { html }: Needs,
  list: TemplateResult,
  live: TemplateResult,
  paused: boolean,
  pauseLabel: string,
  onPause: () => void,
): TemplateResult {
  return html`<button
      type="button"
      class="pause"
      part="pause"
      aria-pressed=${paused ? 'true' : 'false'}
      @click=${onPause}
    >
      ${pauseLabel}
    </button>
    <div
      class="ticker-viewport"
      @focusin=${onTickerFocusIn}
      @focusout=${onTickerFocusOut}
      @animationstart=${pace}
      @animationiteration=${pace}
    >
      ${list}
    </div>
    ${live}`;
}

/** How fast the ticker's headlines move, in CSS pixels a second: a pace one can read at. */
const TICKER_SPEED = 60;

// The ticker crosses its list at one pace, however many headlines it has and however long
// they are: with a fixed time, ten headlines ran past at 170 px a second, too fast to
// read, and three crawled. Measured when each run starts (the list's width is its
// headlines', whatever the box's); set through the CSSOM, which a strict CSP allows. A
// site's `--civic-bulletin-list-ticker-duration` wins.
function pace(e: AnimationEvent): void {
  const list = e.target as HTMLElement;
  if (e.animationName !== 'civic-ticker') return;
  if (getComputedStyle(list).getPropertyValue('--civic-bulletin-list-ticker-duration')) return;
  const duration = `${Math.max(list.scrollWidth / TICKER_SPEED, 10)}s`;
  if (list.style.animationDuration === duration) return;
  list.style.animationDuration = duration;
  // A run already under way (headlines changed, a font arrived) starts over at the new
  // pace: a new duration alone would put it partway through, most of the line gone.
  if (e.type === 'animationiteration') for (const run of list.getAnimations()) run.currentTime = 0;
}

// The browser scrolls a focused link into view only when none of it shows: a headline
// half out of the stopped ticker stayed half hidden, its focus ring with it.
function onTickerFocusIn(e: FocusEvent): void {
  (e.target as HTMLElement).scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

// Tabbing through the stopped ticker scrolls its viewport to each link; once focus
// leaves, the motion resumes from the start, so the scroll must go back too.
function onTickerFocusOut(e: FocusEvent): void {
  const viewport = e.currentTarget as HTMLElement;
  if (e.relatedTarget instanceof Node && viewport.contains(e.relatedTarget)) return;
  viewport.scrollLeft = 0;
}

/** Marks an image that cannot be loaded, whose frame the styles then hide. */
function hideBroken(event: Event): void {
  (event.target as HTMLImageElement).classList.add('failed');
}

/** A grid card: a picture box only for an item with a picture, the text below. */
function renderGridItem(
  { html, nothing }: Needs,
  cls: string,
  image: string | undefined,
  text: TemplateResult,
): TemplateResult {
  return html`<li class=${cls} part=${cls}>
    ${
      image
        ? html`<span class="image" part="image"
            ><img src=${image} alt="" loading="lazy" decoding="async" @error=${hideBroken}
          /></span>`
        : nothing
    }
    <div class="card-body">${text}</div>
  </li>`;
}

// The in-page rows of the benchmark (driven by bench/run.mjs): data in hand, no network.
// Everything is timed inside the page with performance.now(); Node only orders the runs
// and does the statistics. Each sample runs on a fresh host, after a frame and a GC, from
// the start of the work to the end of a forced layout with the content in the DOM.
//
// Row "1k": (A) is what a careful developer would write by hand to produce the exact
// markup that <civic-bulletin-list limit="1000"> renders (layout `list`): the same
// elements, classes, parts, attributes and text, in an open shadow root with the
// element's own stylesheets adopted, so style and layout work is the same. It uses the
// library's own formatDate and message table (bench/lib.ts, built from the same sources):
// the date formatting is included in both A and B. It sorts like the element (pinned
// first, newest first) and decides the "Mới" badge the same way. It does not validate
// the feed: B's element re-checks a `Feed` it is given (toFeed), which is part of the
// element's real cost. (B) is the element itself, given the same `Feed` model as `.feed`.
//
// Row "10k": a 10,000-item JSON Feed document (plain parsed JSON, as a page would have
// it) and `limit=10`. (A) reads each item's date cheaply, sorts, picks ten, reads just
// those ten and draws them with the same DOM code as above; (B) is the element given the
// document as `.feed`. Row "100" is the same with a 100-item document: from it to the
// 10k row, each side's cost grows by what the 9,900 more items cost it.
//
// `verify(row)` checks that A and B produce the same markup for a row.
import '/dist/civic-widgets.js';
import { formatDate, headline, messagesFor, resolveTimeZone, toFeed } from '/bench/results/lib.js';
import { generateFeed } from '/bench/feeds.mjs';

const N = 1000;
const DAY = 86_400_000;
const stage = document.getElementById('stage');

let feed; // the Feed model both sides of the 1k row show
let bigDoc; // the 10,000-item JSON Feed document of the 10k row
let smallDoc; // the 100-item one of the 100 row
const BIG = 10_000;
const SMALL = 100;
const BIG_LIMIT = 10;

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r()));
const idle = async () => {
  await nextFrame();
  await new Promise((r) => setTimeout(r, 0));
  if (typeof globalThis.gc === 'function') globalThis.gc();
};

function clearStage() {
  stage.replaceChildren();
}

// ---------------------------------------------------------------- A: by hand
let sheets;

const itemName = (a) => headline(a) ?? a.url ?? a.id;

function order(items) {
  const keyed = items.map((a, index) => ({
    a,
    index,
    pinned: a.pinned ? 1 : 0,
    key: a.published?.getTime(),
  }));
  keyed.sort((x, y) => {
    if (y.pinned !== x.pinned) return y.pinned - x.pinned;
    if (x.key !== y.key) {
      if (x.key === undefined) return 1;
      if (y.key === undefined) return -1;
      return y.key - x.key;
    }
    return x.index - y.index;
  });
  return keyed.map((k) => k.a);
}

function el(tag, className, part) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (part) e.setAttribute('part', part);
  return e;
}

/** Hand-written DOM for the list's `list` layout, `limit` items. */
function renderByHand(f, limit, locale = 'vi') {
  return drawByHand(f, order(f.items), limit, f.items.length, locale);
}

/** The `list` layout's DOM for the first `limit` of `rows` (already in order) of `total`. */
function drawByHand(f, rows, limit, total, locale = 'vi') {
  const m = messagesFor(locale);
  const zone = resolveTimeZone(undefined, f.timeZone);
  const now = Date.now();
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = sheets;
  const wrap = el('div', 'root layout-list');
  const ul = el('ul', 'list', 'list');
  ul.setAttribute('role', 'list');
  if (f.title) ul.setAttribute('aria-label', f.title);
  const count = Math.min(limit, rows.length);
  for (let i = 0; i < count; i++) {
    const a = rows[i];
    const cls = a.featured ? 'item featured' : 'item';
    const li = el('li', cls, cls);
    // Title and badge share a row (.head), as in the element.
    const head = el('span', 'head');
    const title = a.url ? el('a', 'title', 'title') : el('span', 'title', 'title');
    if (a.url) title.setAttribute('href', a.url);
    title.textContent = itemName(a);
    head.append(title);
    if (a.published && now - a.published.getTime() < 3 * DAY) {
      const badge = el('span', 'badge', 'badge');
      const short = el('span');
      short.setAttribute('aria-hidden', 'true');
      short.textContent = m.new;
      const long = el('span', 'visually-hidden');
      long.textContent = m.newLong;
      badge.append(short, long);
      head.append(badge);
    }
    li.append(head);
    const meta = el('span', 'meta', 'meta');
    const date = a.published ?? a.modified;
    if (date) {
      const time = el('time');
      time.setAttribute('datetime', date.toISOString());
      // The list's default `date-format="date"`: the day, no time.
      time.textContent = formatDate(date, zone, locale, 'date');
      meta.append(time);
    }
    li.append(meta);
    if (a.summary) {
      const p = el('p', 'summary', 'summary');
      p.textContent = a.summary;
      li.append(p);
    }
    ul.append(li);
  }
  wrap.append(ul);
  // The button row only when there is more to show, as in the element; the polite live
  // region after it, always there (it must be in the page before it speaks).
  if (total > count) {
    const foot = el('div', 'foot');
    const more = el('button', 'more', 'more');
    more.type = 'button';
    more.setAttribute('aria-busy', 'false');
    more.textContent = m.more;
    foot.append(more);
    wrap.append(foot);
  }
  const live = el('div', 'visually-hidden');
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  wrap.append(live);
  root.append(wrap);
  stage.append(host);
  return host;
}

// ---------------------------------------------------------------- B: the element
const itemCount = (host) => host.shadowRoot?.querySelectorAll('li').length ?? 0;

async function renderElement(f, limit) {
  const list = document.createElement('civic-bulletin-list');
  list.limit = limit;
  // A new object each sample: the element checks a feed object once and keeps the result,
  // and a first render (what is measured) pays for that check.
  list.feed = { ...f };
  stage.append(list);
  // The feed property resolves synchronously; a second pass only if the element needed one.
  for (let i = 0; i < 5 && itemCount(list) < Math.min(limit, f.items.length); i++)
    await list.updateComplete;
  return list;
}

// ---------------------------------------------------------------- A: 10k by hand
/** Ten of a big JSON Feed document, by hand: a cheap date read to sort, then read only ten. */
function renderBigByHand(doc, limit) {
  const items = doc.items;
  const keyed = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    keyed[i] = { it, i, pinned: it._civic?.pinned ? 1 : 0, key: Date.parse(it.date_published) };
  }
  keyed.sort((x, y) => y.pinned - x.pinned || y.key - x.key || x.i - y.i);
  const rows = keyed.slice(0, limit).map(({ it }) => ({
    id: it.id,
    url: it.url,
    title: it.title,
    summary: it.summary,
    published: new Date(it.date_published),
    modified: it.date_modified ? new Date(it.date_modified) : undefined,
    featured: it._civic?.featured === true,
    pinned: it._civic?.pinned === true,
  }));
  const f = { title: doc.title, timeZone: doc._civic?.time_zone };
  return drawByHand(f, rows, limit, items.length);
}

// ---------------------------------------------------------------- what run.mjs calls
/** Build the data once; nothing here is timed. */
export async function setup() {
  await customElements.whenDefined('civic-bulletin-list');
  sheets = customElements.get('civic-bulletin-list').elementStyles.map((s) => s.styleSheet ?? s);
  feed = toFeed(generateFeed(N)).feed;
  bigDoc = generateFeed(BIG);
  smallDoc = generateFeed(SMALL);
  return { items: feed.items.length, big: bigDoc.items.length, small: smallDoc.items.length };
}

/** Time `draw()` from its start to a forced layout; `script` is the part before the layout. */
async function timed(draw, expect) {
  clearStage();
  await idle();
  const t0 = performance.now();
  const host = await draw();
  const tScript = performance.now();
  void host.offsetHeight;
  const t1 = performance.now();
  if (itemCount(host) !== expect) throw new Error(`drew ${itemCount(host)} items, not ${expect}`);
  return { total: t1 - t0, script: tScript - t0 };
}

/** The two sides of a row, each a function that draws and returns its host. */
function sides(row) {
  if (row === '1k') return [() => renderByHand(feed, N), () => renderElement(feed, N)];
  const doc = row === '100' ? smallDoc : bigDoc;
  return [() => renderBigByHand(doc, BIG_LIMIT), () => renderElement(doc, BIG_LIMIT)];
}

/** One sample of a row's side: `row` is `1k`, `100` or `10k`, `side` `A` (by hand) or `B` (element). */
export function sample(row, side) {
  const [a, b] = sides(row);
  return timed(side === 'A' ? a : b, row === '1k' ? N : BIG_LIMIT);
}

/**
 * Do A and B of a row draw the same thing? Compares a canonical form of both trees:
 * elements with sorted attributes and non-blank text, leaving out Lit's comment markers
 * and the whitespace between tags that its templates carry.
 */
export async function verify(row) {
  const [a1, b1] = sides(row);
  clearStage();
  const a = canon((await a1()).shadowRoot);
  clearStage();
  const b = canon((await b1()).shadowRoot);
  clearStage();
  if (a === b) return { same: true, length: a.length };
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const at = a.lastIndexOf('\n', i) + 1;
  return {
    same: false,
    a: a.slice(at, at + 300),
    b: b.slice(b.lastIndexOf('\n', i) + 1, b.lastIndexOf('\n', i) + 301),
  };
}

function canon(node, depth = 0, out = []) {
  // Lit splits text around its markers; adjacent text counts as one run.
  let text = '';
  const flush = () => {
    const t = text.replace(/\s+/g, ' ').trim();
    if (t) out.push(`${'  '.repeat(depth)}"${t}"`);
    text = '';
  };
  for (const n of node.childNodes) {
    if (n.nodeType === Node.TEXT_NODE) {
      text += n.data;
    } else if (n.nodeType === Node.ELEMENT_NODE) {
      flush();
      const attrs = [...n.attributes]
        .map((x) => `${x.name}="${x.value}"`)
        .sort()
        .join(' ');
      out.push(`${'  '.repeat(depth)}<${n.localName}${attrs ? ` ${attrs}` : ''}>`);
      canon(n, depth + 1, out);
    }
  }
  flush();
  return depth === 0 ? out.join('\n') : out;
}

// The pages of the network rows of the benchmark (bench/run.mjs serves them from memory).
// For each row there is a widget page and a hand-written page with the same head (the
// same feed preload, when the row has one), the same page frame around the content (a
// heading above, a footer below, so layout shift has something to move) and the same
// probe, so both are timed the same way.
//
// The probe is the first script of the head. It records, with performance.now() (that
// is, from navigation start):
// - `tDom`: the first moment the page's text, read through every shadow root, contains
//   all the row's needles (the title, the exact meta line, the summary, a body phrase);
//   checked on every DOM change, not on a timer;
// - `tPaint`: the first task after the next animation frame, i.e. once that frame has
//   been drawn: the time to content;
// - `shifts`: layout-shift entries (PerformanceObserver, buffered), for CLS;
// - `tDefined`: when the widget's element was defined, and `tFirstDrawn`, the end of the
//   first frame after a widget attached its shadow root (widget pages only).
// Shadow roots are found by wrapping `attachShadow` before any other script runs.

/** The probe, as an inline classic script, for `needles` and an optional element name. */
export function probe(needles, element) {
  return `<script>
(() => {
  const needles = ${JSON.stringify(needles)};
  const B = (window.__bench = { shifts: [], done: false });
  const roots = [];
  const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);
  const textOf = (root) => {
    let out = '';
    const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode())
      if (!SKIP.has(n.parentNode && n.parentNode.nodeName)) out += n.data + ' ';
    return out;
  };
  const check = () => {
    if (B.tDom !== undefined || !document.body) return;
    const text = [document.body, ...roots].map(textOf).join(' ').replace(/\\s+/g, ' ');
    if (!needles.every((n) => text.includes(n))) return;
    B.tDom = performance.now();
    mo.disconnect();
    requestAnimationFrame(() => {
      B.tFrame = performance.now();
      setTimeout(() => {
        B.tPaint = performance.now();
        B.done = true;
      }, 0);
    });
  };
  const OPTS = { childList: true, subtree: true, characterData: true };
  const mo = new MutationObserver(check);
  mo.observe(document.documentElement, OPTS);
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    roots.push(root);
    // The frame that first draws a widget (its loading placeholder): shifts up to it are
    // the page's (the element had no size before it was defined), later ones the widget's.
    if (B.tShadow === undefined) {
      B.tShadow = performance.now();
      requestAnimationFrame(() => setTimeout(() => (B.tFirstDrawn = performance.now()), 0));
    }
    if (B.tDom === undefined) mo.observe(root, OPTS);
    return root;
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (!e.hadRecentInput) B.shifts.push({ value: e.value, startTime: e.startTime });
    }).observe({ type: 'layout-shift', buffered: true });
  } catch (err) {
    B.shiftsUnsupported = String(err);
  }
  ${element ? `customElements.whenDefined(${JSON.stringify(element)}).then(() => (B.tDefined = performance.now()));` : ''}
})();
</script>`;
}

// A plain page frame; the widget brings its own styles, the hand-written side a few lines.
const FRAME_CSS = `body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 48rem; padding: 1rem; }
  footer { border-top: 1px solid #ccc; margin-top: 1rem; padding-top: 1rem; }`;

const HAND_CSS = `.card { border: 1px solid #ccc; border-radius: 8px; padding: 1rem; }
  .card h3 { font-size: 1.25rem; margin: 0 0 0.5rem; }
  .meta { color: #555; font-size: 0.875rem; margin: 0 0 0.5rem; }
  .list { list-style: none; margin: 0; padding: 0; }
  .list li { border-bottom: 1px solid #eee; padding: 0.5rem 0; }`;

function page({
  title,
  needles,
  element,
  preload,
  modules = [],
  css,
  body,
  script,
  dist = '/dist',
}) {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title}</title>
${probe(needles, element)}
${preload ? `<link rel="preload" href="${preload}" as="fetch" crossorigin>` : ''}
${modules.map((m) => `<link rel="modulepreload" href="${m}">`).join('\n')}
${element ? `<script type="module" src="${dist}/civic-widgets.js"></script>` : ''}
<style>${FRAME_CSS}${css ? `\n  ${css}` : ''}</style>
</head>
<body>
<main>
<h1>Tin tức</h1>
${body}
<footer>Trang thông tin điện tử Công an tỉnh</footer>
</main>
${script ? `<script type="module">\n${script}\n</script>` : ''}
</body>
</html>
`;
}

// What a careful developer writes by hand to print the card's text: the date in the
// feed's zone as dd/MM/yyyy HH:mm:ss, the count with Vietnamese grouping.
const HAND_FORMAT = `const zoneOf = (doc) => (doc._civic && doc._civic.time_zone) || undefined;
const fmtDate = (iso, zone, time = true) => {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone, day: '2-digit', month: '2-digit', year: 'numeric',
    ...(time ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' } : {}),
  });
  const p = Object.fromEntries(f.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return \`\${p.day}/\${p.month}/\${p.year}\${time ? \` \${p.hour}:\${p.minute}:\${p.second}\` : ''}\`;
};
const el = (tag, cls, text) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
};
const metaLine = (it, zone) => {
  const parts = [];
  const date = it.date_modified || it.date_published;
  if (date) parts.push(\`\${it.date_modified ? 'Ngày cập nhật' : 'Ngày đăng'}: \${fmtDate(date, zone)}\`);
  const views = it._civic && it._civic.views;
  if (typeof views === 'number') parts.push(\`Lượt xem: \${new Intl.NumberFormat('vi-VN').format(views)}\`);
  return parts.join(' | ');
};`;

/**
 * The card pages. `variant` is `summary` or `full`; `feed` the feed URL; `preload` adds the
 * feed preload to the head of both pages; `preloadLibraries` (full card) adds a
 * `<link rel="modulepreload">` of what each side imports for the body: the widget's
 * `bodyChunk` (the README's line: its file name, served beside the script), the
 * hand-written page's `vendor`. `dist` is where the widget page finds the build.
 */
export function cardPages({
  variant,
  feed,
  preload,
  needles,
  vendor,
  preloadLibraries,
  bodyChunk,
  dist = '/dist',
}) {
  const full = variant === 'full';
  const widget = page({
    title: `civic-article-card ${variant}`,
    needles,
    element: 'civic-article-card',
    preload: preload ? feed : undefined,
    modules: preloadLibraries ? [`${dist}/${bodyChunk}`] : [],
    dist,
    body: `<civic-article-card${full ? ' variant="full"' : ''} src="${feed}"></civic-article-card>`,
  });
  // The hand-written card: fetch the feed (and, for the full body, marked and DOMPurify
  // in parallel with it), then build the same text in one go.
  const hand = page({
    title: `hand-written ${variant} card`,
    needles,
    preload: preload ? feed : undefined,
    modules: preloadLibraries ? [vendor] : [],
    css: HAND_CSS,
    body: '<div id="card"></div>',
    script: `${HAND_FORMAT}
const feedP = fetch(${JSON.stringify(feed)}).then((r) => r.json());
${full ? `const libP = import(${JSON.stringify(vendor)});` : ''}
const doc = await feedP;
${full ? 'const { marked, DOMPurify } = await libP;' : ''}
const it = doc.items[0];
const zone = zoneOf(doc);
const card = el('article', 'card');
const h = el('h3');
const a = el('a', '', it.title);
a.href = it.url;
h.append(a);
card.append(h, el('p', 'meta', metaLine(it, zone)));
${
  full
    ? `const md = it._civic && it._civic.markdown;
// The summary is the body's first paragraph in many articles: print it only when the
// body does not open with it (letters and digits compared, as the card does).
const letters = (s) => s.normalize('NFC').toLowerCase().replace(/[^\\p{L}\\p{N}]+/gu, '');
const opening = md || (it.content_html || '').replace(/<[^<>]*>/g, ' ');
if (it.summary && !letters(opening).startsWith(letters(it.summary)))
  card.append(el('p', 'summary', it.summary));
const body = el('div', 'body');
body.innerHTML = md ? DOMPurify.sanitize(marked.parse(md)) : DOMPurify.sanitize(it.content_html || '');
card.append(body);`
    : `if (it.summary) card.append(el('p', 'summary', it.summary));`
}
const cat = it._civic && it._civic.category;
if (cat) card.append(el('p', 'category', \`Chuyên mục: \${cat}\`));
document.getElementById('card').append(card);`,
  });
  return { widget, hand };
}

/** The list pages: `limit` items of the feed at `feed`, pinned first, then newest. */
export function listPages({ feed, preload, needles, limit, dist = '/dist' }) {
  const widget = page({
    title: 'civic-bulletin-list',
    needles,
    element: 'civic-bulletin-list',
    preload: preload ? feed : undefined,
    dist,
    body: `<civic-bulletin-list limit="${limit}" src="${feed}"></civic-bulletin-list>`,
  });
  const hand = page({
    title: 'hand-written list',
    needles,
    preload: preload ? feed : undefined,
    css: HAND_CSS,
    body: '<div id="list"></div>',
    script: `${HAND_FORMAT}
const doc = await fetch(${JSON.stringify(feed)}).then((r) => r.json());
const zone = zoneOf(doc);
const rows = doc.items
  .map((it, i) => ({ it, i, pinned: it._civic && it._civic.pinned ? 1 : 0, key: Date.parse(it.date_published) }))
  .sort((x, y) => y.pinned - x.pinned || y.key - x.key || x.i - y.i)
  .slice(0, ${limit});
const ul = el('ul', 'list');
for (const { it } of rows) {
  const li = el('li');
  const a = el('a', 'title', it.title);
  a.href = it.url;
  li.append(a, el('span', 'meta', ' ' + fmtDate(it.date_published, zone, false)));
  if (it.summary) li.append(el('p', 'summary', it.summary));
  ul.append(li);
}
const box = document.getElementById('list');
box.append(ul);
// The list's paging button, when the feed has more than it shows.
if (doc.items.length > rows.length) {
  const more = el('button', 'more', 'Xem thêm');
  more.type = 'button';
  box.append(more);
}`,
  });
  return { widget, hand };
}

// The site that the dist checks (dist.spec.ts) open: generated pages that paste the built
// script-tag files into a page the way a site maintainer does, a probe script that
// records CSP violations and layout shifts, and the sample feed they show.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENTRY, IIFE } from '../../scripts/check-size.mjs';
import { ROOT, TAGS } from './support.js';

/** The CSP a strict government site sends; the README names these policies. */
export const TT_POLICIES = 'civic-widgets lit-html dompurify';
// The README says DOMPurify borrows the civic-widgets policy, so these two are enough.
export const README_POLICIES = 'civic-widgets lit-html';
const CSP = (extra = '', policies = TT_POLICIES) =>
  `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; ` +
  `require-trusted-types-for 'script'; trusted-types ${policies}${extra}`;

// ---------------------------------------------------------------- the seed feed
export const FEED_PATH = '/tests/fixtures/vi-cong-an-tinh.json';
const feedText = readFileSync(join(ROOT, FEED_PATH), 'utf8');

interface FeedItem {
  id: string;
  title: string;
  content_html?: string;
  content_text?: string;
  _civic?: { markdown?: string };
}
const feed = JSON.parse(feedText) as { items: FeedItem[] };
export const seed = feed.items[0];
export const SEED_META = 'Ngày cập nhật: 20/03/2020 03:57:36 | Lượt xem: 2.007';
// Bold in the seed's Markdown and not in its plain text: seeing it as <strong> proves
// the Markdown path ran (and not the content_text fallback).
export const SEED_BOLD = 'Chỉ thị 09-CT/TW';
export const titles = feed.items.map((i) => i.title);

/** Every absolute URL in the feed: requests to these are the publisher's content. */
export const feedUrls = new Set<string>();
(function collect(v: unknown): void {
  if (typeof v === 'string') {
    for (const m of v.matchAll(/https?:\/\/[^\s"'<>)\]]+/g)) feedUrls.add(m[0]);
  } else if (v && typeof v === 'object') Object.values(v).forEach(collect);
})(feed);
// Exact URLs only: the feed naming its home page does not make the whole host fair game.
export const isFeedContent = (url: string): boolean => feedUrls.has(url);

// The same feed with nothing that a widget could fetch from another host: any request
// off this machine while showing it comes from the library itself.
const IMAGE_KEYS = new Set(['image', 'banner_image', 'icon', 'favicon', 'avatar']);
const localOnlyFeed = JSON.parse(feedText, (key, value: unknown) =>
  IMAGE_KEYS.has(key) ? undefined : value,
) as { items: FeedItem[] };
for (const item of localOnlyFeed.items) {
  for (const k of ['content_html', 'content_text'] as const) {
    const text = item[k];
    if (typeof text === 'string') item[k] = text.replace(/<img\b[^>]*>/gi, '');
  }
  if (typeof item._civic?.markdown === 'string')
    item._civic.markdown = item._civic.markdown.replace(/!\[[^\]]*\]\([^)]*\)/g, '');
}

// ---------------------------------------------------------------- the probe
/** What the probe keeps on `window.__civic`. */
export interface Probe {
  violations: { directive: string; blocked: string; sample: string; source: string }[];
  shifts: { value: number; startTime: number; sources: string[] }[];
  shiftsUnsupported?: string;
  ready: number | null;
  loadingHeights?: string[];
  heights(): string[];
  text(node: Node | null): string;
  norm(text: string): string;
  all(root: ParentNode, selector: string): Element[];
}
declare global {
  interface Window {
    __civic: Probe;
  }
}

// The probe is an external classic script so that it runs under the strict CSP (an
// inline one would be blocked). It collects CSP violations and layout shifts from the
// start, and lends the checks a text reader that walks into shadow roots.
const WIDGET_TAGS = TAGS.filter((t) => t !== 'civic-feed');
const PROBE = `(() => {
  const civic = (window.__civic = { violations: [], shifts: [], ready: null });
  document.addEventListener('securitypolicyviolation', (e) => {
    civic.violations.push({
      directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample,
      source: e.sourceFile ? e.sourceFile + ':' + e.lineNumber : '',
    });
  });
  const describe = (n) => !n ? '?' : n.nodeType === 1
    ? n.localName + (n.id ? '#' + n.id : '') + (n.getAttribute('part') ? '[part=' + n.getAttribute('part') + ']' : '')
    : n.nodeName;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        civic.shifts.push({ value: e.value, startTime: e.startTime,
          sources: (e.sources || []).map((s) => describe(s.node)) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch (err) { civic.shiftsUnsupported = String(err); }
  civic.text = function text(node) {
    if (!node) return '';
    if (node.nodeType === 3) return node.data;
    if (node.nodeType === 1) {
      const t = node.localName;
      if (t === 'style' || t === 'script' || t === 'template') return '';
      if (t === 'slot') {
        const a = node.assignedNodes({ flatten: true });
        return (a.length ? a : [...node.childNodes]).map(text).join('');
      }
    } else if (node.nodeType !== 11 && node.nodeType !== 9) return '';
    const kids = node.nodeType === 1 && node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes;
    return [...kids].map(text).join('');
  };
  civic.heights = () => [...document.querySelectorAll(${JSON.stringify(WIDGET_TAGS.join(','))})].map(
    (el) => el.localName + ' ' + el.getBoundingClientRect().height.toFixed(1) + 'px');
  civic.norm = (s) => s.replace(/\\s+/g, ' ').trim();
  civic.all = function all(root, selector, out = []) {
    for (const el of root.querySelectorAll('*')) {
      if (el.matches(selector)) out.push(el);
      if (el.shadowRoot) all(el.shadowRoot, selector, out);
    }
    return out;
  };
  // When every widget on the page has drawn its first (loading) frame: shifts after
  // this are the library's loading → loaded transition.
  const tags = ${JSON.stringify(WIDGET_TAGS)};
  Promise.all(tags.map((t) => customElements.whenDefined(t))).then(async () => {
    await Promise.all([...document.querySelectorAll(tags.join(','))].map((el) => el.updateComplete));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    civic.ready = performance.now();
    civic.loadingHeights = civic.heights();
  });
})();
`;

// ---------------------------------------------------------------- pages
const page = ({ head, body }: { head: string; body: string }) => `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>civic-widgets dist check</title>
<script src="/__check/probe.js"></script>
${head}
</head>
<body>
${body}
</body>
</html>
`;

const ES = (q = '') => `<script type="module" src="/dist/${ENTRY}${q}"></script>`;
const CLASSIC = (q = '') => `<script src="/dist/${IIFE}${q}"></script>`;
const ALL_WIDGETS = (src: string, cardVariant = 'summary') => `
<civic-date-line></civic-date-line>
<civic-feed src="${src}">
  <civic-article-card variant="${cardVariant}"><a href="/tin-tuc">Tin tức</a></civic-article-card>
  <civic-view-counter item-id="${seed.id}"></civic-view-counter>
  <civic-bulletin-list limit="3"><a href="/tin-tuc">Tin tức</a></civic-bulletin-list>
</civic-feed>`;

// The README's preload lines for a page with a full card, as a maintainer copies them
// (the feed's, then the body chunk's), pointed at this site's paths.
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const readmeLine = (pattern: RegExp): string => {
  const line = pattern.exec(readme)?.[0];
  if (!line) throw new Error(`README.md has no line matching ${pattern}`);
  return line;
};
/** The chunk file the README tells a full-card page to preload. */
export const PRELOADED_CHUNK = readmeLine(/(?<=\/assets\/)civic-widgets-full-article-[^"]+\.js/);
const PRELOADS =
  readmeLine(/<link rel="preload" href="\/feed\.json"[^>]*>/).replace('/feed.json', FEED_PATH) +
  readmeLine(/<link rel="modulepreload" href="[^"]+" \/>/).replace('/assets/', '/dist/');

/** The generated files, by path, for tests/server/static-server.mjs. */
export const routes = new Map<string, { body: string }>([
  ['/__check/probe.js', { body: PROBE }],
  ['/__check/local-only.json', { body: JSON.stringify(localOnlyFeed) }],
  [
    '/__check/double-es.html',
    { body: page({ head: ES() + ES('?copy=2'), body: ALL_WIDGETS(FEED_PATH) }) },
  ],
  [
    '/__check/double-iife.html',
    { body: page({ head: CLASSIC() + CLASSIC('?copy=2'), body: ALL_WIDGETS(FEED_PATH) }) },
  ],
  [
    '/__check/es-and-iife.html',
    { body: page({ head: ES() + CLASSIC(), body: ALL_WIDGETS(FEED_PATH) }) },
  ],
  [
    // The module pasted as a classic script (no type="module"), in a folder of its own, on
    // a page whose jQuery owns `$` and whose Underscore owns `_`.
    '/__check/es-as-classic.html',
    {
      body: page({
        head: `<script>window.$ = function jQuery() {}; window._ = { underscore: true };</script>
<script src="/dist/${ENTRY}"></script>`,
        body: ALL_WIDGETS(FEED_PATH, 'full').replace('limit="3"', 'limit="3" layout="grid"'),
      }),
    },
  ],
  ['/__check/csp.html', { body: page({ head: ES(), body: ALL_WIDGETS(FEED_PATH, 'full') }) }],
  [
    '/__check/csp-readme.html',
    { body: page({ head: ES(), body: ALL_WIDGETS(FEED_PATH, 'full') }) },
  ],
  [
    '/__check/csp-twice.html',
    { body: page({ head: ES() + ES('?copy=2'), body: ALL_WIDGETS(FEED_PATH, 'full') }) },
  ],
  [
    '/__check/csp-twice-strict.html',
    { body: page({ head: ES() + ES('?copy=2'), body: ALL_WIDGETS(FEED_PATH, 'full') }) },
  ],
  [
    '/__check/preload-full.html',
    {
      body: page({
        head: PRELOADS + ES(),
        body: `<civic-article-card variant="full" src="${FEED_PATH}"></civic-article-card>`,
      }),
    },
  ],
  [
    '/__check/privacy.html',
    { body: page({ head: ES(), body: ALL_WIDGETS('/__check/local-only.json', 'full') }) },
  ],
  [
    '/__check/privacy-full-feed.html',
    { body: page({ head: ES(), body: ALL_WIDGETS(FEED_PATH, 'full') }) },
  ],
  [
    '/__check/layout.html',
    {
      body: page({
        head: ES(),
        body: `<h1>Công an tỉnh</h1>
<civic-bulletin-list src="/slow${FEED_PATH}" limit="5"><a href="/tin-tuc">Tin tức</a></civic-bulletin-list>
<p id="below-list">Nội dung trang ngay dưới danh sách tin.</p>
<civic-article-card src="/slow${FEED_PATH}"><a href="/tin-tuc">Tin tức</a></civic-article-card>
<p id="below-card">Nội dung trang ngay dưới thẻ bài viết.</p>
<footer id="footer">Chân trang</footer>`,
      }),
    },
  ],
]);

/** The response headers of the security pages: their strict CSP. */
export const headers = (path: string): Record<string, string> | undefined => {
  if (path === '/__check/csp.html' || path === '/__check/csp-twice-strict.html')
    return { 'content-security-policy': CSP() };
  if (path === '/__check/csp-twice.html')
    return { 'content-security-policy': CSP(" 'allow-duplicates'") };
  if (path === '/__check/csp-readme.html')
    return { 'content-security-policy': CSP('', README_POLICIES) };
  return undefined;
};

// ---------------------------------------------------------------- in the page
/**
 * Is every widget defined, upgraded and showing its content? Runs in the page; answers
 * `{ok, why}`. The date line must read as today's Vietnamese date line in the viewer's
 * zone (there is no feed around it).
 */
export function widgetsRendered({
  tags,
  seedTitle,
  titles,
  views,
}: {
  tags: string[];
  seedTitle: string;
  titles: string[];
  views: string;
}): { ok: boolean; why?: string; line?: string; counter?: string } {
  const c = window.__civic;
  const why: string[] = [];
  for (const t of tags) {
    const C = customElements.get(t);
    if (!C) why.push(`${t} not defined`);
    else if (!document.querySelector(t) || !(document.querySelector(t) instanceof C))
      why.push(`${t} not upgraded`);
  }
  if (why.length) return { ok: false, why: why.join('; ') };
  const text = (sel: string) => c.norm(c.text(document.querySelector(sel)));
  const line = text('civic-date-line');
  const m = /^(Thứ [2-7]|Chủ nhật), Ngày (\d{1,2}) Tháng (\d{1,2}) Năm (\d{4})$/.exec(line);
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  })
    .format(new Date())
    .split('-')
    .map(Number);
  if (!m) why.push(`date line reads "${line}"`);
  else if (+m[4] !== today[0] || +m[3] !== today[1] || +m[2] !== today[2])
    why.push(`date line "${line}" is not today`);
  const card = text('civic-article-card');
  if (!card.includes(seedTitle)) why.push(`card reads "${card.slice(0, 80)}"`);
  const counter = text('civic-view-counter');
  if (!counter.includes(views)) why.push(`counter reads "${counter.slice(0, 80)}"`);
  const list = text('civic-bulletin-list');
  if (!titles.some((t) => list.includes(t))) why.push(`list reads "${list.slice(0, 80)}"`);
  const bad = ['undefined', 'NaN', '[object Object]', 'Invalid Date'].filter((w) =>
    [line, card, counter, list].some((s) => s.includes(w)),
  );
  if (bad.length) why.push(`prints ${bad.join(', ')}`);
  return why.length ? { ok: false, why: why.join('; ') } : { ok: true, line, counter };
}

export const renderedArgs = {
  tags: TAGS,
  seedTitle: seed.title,
  titles,
  views: 'Lượt xem: 2.007',
};

/** A 1×1 PNG: the answer to a feed image from another host. */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/** Strings each library keeps through minification. */
export const SIGNATURES: Record<string, string[]> = {
  marked: ['marked(): input parameter', 'https://github.com/markedjs/marked'],
  DOMPurify: ['SAFE_FOR_TEMPLATES', 'RETURN_TRUSTED_TYPE'],
};

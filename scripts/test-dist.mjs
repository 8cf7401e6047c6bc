// Checks on the built script-tag files (`npm run test:dist`, after `npm run build`), in
// the machine's real Chromium: what a site maintainer meets when they paste
// `<script src="civic-widgets.js">` into a page.
//   a. the ES module loaded twice (two module instances) works and throws nothing;
//   b. the same for the classic IIFE script twice, and one ES + one IIFE copy;
//   c. a strict CSP with Trusted Types: no violation, the seed card and its Markdown body
//      render (the lazy marked + DOMPurify chunk included); also two copies under it;
//   d. privacy: no cookie, no request off this machine made by the library itself;
//   e. sizes: the entry, its static imports and the lazy chunks, and marked/DOMPurify
//      only in a lazy chunk;
//   f. no layout shift while a slow feed loads.
// Each check prints one line; the last line is `N passed, N failed`, and the exit code
// is non-zero when any check failed. Lines starting with `  ·` are figures and notes.
//
// Options: `--only=a,c` runs some checks; CIVIC_DIST points at another build folder;
// CHROME_PATH at another Chromium.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from './chromium.mjs';
import { startStaticServer } from './static-server.mjs';
import { bundleReport, BUDGET, AIM, ENTRY, IIFE, kib } from './check-size.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = resolve(process.env.CIVIC_DIST ?? join(ROOT, 'dist'));
const ONLY = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const WAIT_MS = 20_000;

const TAGS = [
  'civic-feed',
  'civic-article-card',
  'civic-view-counter',
  'civic-bulletin-list',
  'civic-date-line',
];

/** The CSP a strict government site sends; the README names these policies. */
const TT_POLICIES = 'civic-widgets lit-html dompurify';
// The README says DOMPurify borrows the civic-widgets policy, so these two are enough.
const README_POLICIES = 'civic-widgets lit-html';
const CSP = (extra = '', policies = TT_POLICIES) =>
  `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; ` +
  `require-trusted-types-for 'script'; trusted-types ${policies}${extra}`;

// ---------------------------------------------------------------- the seed feed
const FEED_PATH = '/tests/fixtures/vi-cong-an-tinh.json';
const feedFile = [
  join(ROOT, FEED_PATH),
  join(ROOT, '../shared/feeds/vi-cong-an-tinh.json'),
  '/work/shared/feeds/vi-cong-an-tinh.json',
].find((f) => existsSync(f));
if (!feedFile) {
  console.error(`No seed feed: ${FEED_PATH} is missing`);
  process.exit(1);
}
const feedText = readFileSync(feedFile, 'utf8');
const feed = JSON.parse(feedText);
const seed = feed.items[0];
const SEED_META = 'Ngày cập nhật: 20/03/2020 03:57:36 | Lượt xem: 2.007';
// Bold in the seed's Markdown and not in its plain text: seeing it as <strong> proves
// the Markdown path ran (and not the content_text fallback).
const SEED_BOLD = 'Chỉ thị 09-CT/TW';
const titles = feed.items.map((i) => i.title);

/** Every absolute URL in the feed: requests to these are the publisher's content. */
const feedUrls = new Set();
(function collect(v) {
  if (typeof v === 'string') {
    for (const m of v.matchAll(/https?:\/\/[^\s"'<>)\]]+/g)) feedUrls.add(m[0]);
  } else if (v && typeof v === 'object') Object.values(v).forEach(collect);
})(feed);
// Exact URLs only: the feed naming its home page does not make the whole host fair game.
const isFeedContent = (url) => feedUrls.has(url);

// The same feed with nothing that a widget could fetch from another host: any request
// off this machine while showing it comes from the library itself.
const IMAGE_KEYS = new Set(['image', 'banner_image', 'icon', 'favicon', 'avatar']);
const localOnlyFeed = JSON.parse(feedText, (key, value) =>
  IMAGE_KEYS.has(key) ? undefined : value,
);
for (const item of localOnlyFeed.items) {
  for (const k of ['content_html', 'content_text']) {
    if (typeof item[k] === 'string') item[k] = item[k].replace(/<img\b[^>]*>/gi, '');
  }
  if (typeof item._civic?.markdown === 'string')
    item._civic.markdown = item._civic.markdown.replace(/!\[[^\]]*\]\([^)]*\)/g, '');
}

// ---------------------------------------------------------------- pages
// The probe is an external classic script so that it runs under the strict CSP (an
// inline one would be blocked). It collects CSP violations and layout shifts from the
// start, and lends the checks a text reader that walks into shadow roots.
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
  civic.heights = () => [...document.querySelectorAll(${JSON.stringify(TAGS.slice(1).join(','))})].map(
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
  const tags = ${JSON.stringify(TAGS.slice(1))};
  Promise.all(tags.map((t) => customElements.whenDefined(t))).then(async () => {
    await Promise.all([...document.querySelectorAll(tags.join(','))].map((el) => el.updateComplete));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    civic.ready = performance.now();
    civic.loadingHeights = civic.heights();
  });
})();
`;

const page = ({ head, body }) => `<!doctype html>
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
const ALL_WIDGETS = (src, cardVariant = 'summary') => `
<civic-date-line></civic-date-line>
<civic-feed src="${src}">
  <civic-article-card variant="${cardVariant}"><a href="/tin-tuc">Tin tức</a></civic-article-card>
  <civic-view-counter item-id="${seed.id}"></civic-view-counter>
  <civic-bulletin-list limit="3"><a href="/tin-tuc">Tin tức</a></civic-bulletin-list>
</civic-feed>`;

const routes = new Map([
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
// Before the feed engineer's fixture copy lands, serve the shared sample at its path.
if (!existsSync(join(ROOT, FEED_PATH))) routes.set(FEED_PATH, { body: feedText });

const headers = (path) => {
  if (path === '/__check/csp.html' || path === '/__check/csp-twice-strict.html')
    return { 'content-security-policy': CSP() };
  if (path === '/__check/csp-twice.html')
    return { 'content-security-policy': CSP(" 'allow-duplicates'") };
  if (path === '/__check/csp-readme.html')
    return { 'content-security-policy': CSP('', README_POLICIES) };
  return undefined;
};

// ---------------------------------------------------------------- harness
const results = [];
const line = (s) => console.log(s);
const note = (s) => line(`  · ${s}`);

async function check(id, name, fn) {
  if (ONLY && !ONLY.includes(id)) return;
  try {
    const detail = await fn();
    results.push(true);
    line(`✔ ${id}. ${name}${detail ? ` — ${detail}` : ''}`);
  } catch (err) {
    results.push(false);
    line(`✘ ${id}. ${name} — ${err instanceof Error ? err.message : String(err)}`);
  }
}

class CheckError extends Error {}
const fail = (msg) => {
  throw new CheckError(msg);
};

let browser;
let server;

/**
 * Open `path` in a fresh context (viewer in Los Angeles). Every request off this machine
 * is recorded and answered here: images from the feed get a local 1×1 PNG (so a missing
 * picture is not mistaken for a library error), anything else is aborted.
 */
async function open(path, { viewport = { width: 1280, height: 800 } } = {}) {
  const context = await browser.newContext({
    timezoneId: 'America/Los_Angeles',
    locale: 'en-US',
    viewport,
  });
  const external = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    const { hostname, protocol } = new URL(url);
    if (protocol === 'data:' || protocol === 'blob:' || hostname === '127.0.0.1')
      return route.continue();
    external.push({ url, method: route.request().method(), type: route.request().resourceType() });
    if (route.request().resourceType() === 'image') {
      return route.fulfill({ status: 200, contentType: 'image/png', body: PNG_1X1 });
    }
    return route.abort('blockedbyclient');
  });
  const p = await context.newPage();
  const errors = [];
  const warnings = [];
  p.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  p.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await p.goto(server.origin + path, { waitUntil: 'load' });
  return { context, page: p, errors, warnings, external };
}

const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/** Poll `fn(arg)` in the page until it returns something truthy. */
async function waitFor(p, fn, arg, what, timeout = WAIT_MS) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await p.evaluate(fn, arg).catch((e) => ({ evaluateError: String(e) }));
    if (last && !last.evaluateError && last.ok !== false) return last;
    if (Date.now() > end) fail(`timed out waiting for ${what}${last?.why ? ` (${last.why})` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * In the page: is every widget defined, upgraded and showing its content? Answers
 * `{ok, why}`. The date line must read as today's Vietnamese date line in the viewer's
 * zone (there is no feed around it).
 */
function widgetsRendered({ tags, seedTitle, titles, views }) {
  const c = window.__civic;
  const why = [];
  for (const t of tags) {
    const C = customElements.get(t);
    if (!C) why.push(`${t} not defined`);
    else if (!document.querySelector(t) || !(document.querySelector(t) instanceof C))
      why.push(`${t} not upgraded`);
  }
  if (why.length) return { ok: false, why: why.join('; ') };
  const text = (sel) => c.norm(c.text(document.querySelector(sel)));
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
const renderedArgs = { tags: TAGS, seedTitle: seed.title, titles, views: 'Lượt xem: 2.007' };

/** Wait for every widget to render; a failure also says what the page threw or blocked. */
async function widgetsShown(s, timeout = WAIT_MS) {
  try {
    return await waitFor(s.page, widgetsRendered, renderedArgs, 'every widget to render', timeout);
  } catch (err) {
    const violations = await s.page
      .evaluate(() => window.__civic?.violations ?? [])
      .catch(() => []);
    const extra = [
      ...s.errors,
      ...violations.map((v) => `blocked by ${v.directive}: ${v.blocked} ${v.sample}`.trim()),
    ];
    throw new CheckError(
      `${err.message}${extra.length ? `; page said: ${extra.join(' | ')}` : ''}`,
    );
  }
}

/** Open a page with every widget and assert it renders with no error. */
async function allWidgetsWork(path, mustRequest) {
  const before = server.requests.length;
  const s = await open(path);
  try {
    const r = await widgetsShown(s);
    await settle(s.page);
    if (s.errors.length) fail(s.errors.join(' | '));
    for (const url of mustRequest) {
      if (!server.requests.slice(before).includes(url)) fail(`${url} was never requested`);
    }
    return `date line "${r.line}"${s.warnings.length ? `, ${s.warnings.length} console warning(s)` : ''}`;
  } finally {
    await s.context.close();
  }
}

/** Let lazy chunks, late renders and their errors arrive before judging. */
async function settle(p) {
  await p.waitForLoadState('networkidle').catch(() => {});
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * Open a page served under a strict CSP and assert: every widget renders, the seed card
 * shows its meta line and its Markdown body, and nothing was blocked or thrown.
 */
async function strictCspWorks(path) {
  const before = server.requests.length;
  const s = await open(path);
  try {
    await widgetsShown(s);
    const body = await waitFor(
      s.page,
      ({ meta, bold }) => {
        const c = window.__civic;
        const card = document.querySelector('civic-article-card');
        const text = c.norm(c.text(card));
        if (!text.includes(meta))
          return { ok: false, why: `no meta line "${meta}" in "${text.slice(0, 160)}"` };
        const strong = c
          .all(card.shadowRoot ?? card, 'strong, b')
          .map((e) => c.norm(e.textContent));
        if (!strong.some((t) => t.includes(bold)))
          return { ok: false, why: `Markdown body not rendered (no <strong>${bold}</strong>)` };
        const parts = c.all(card.shadowRoot ?? card, '[part~="body"]');
        return { ok: true, bodyPart: parts.length > 0, length: text.length };
      },
      { meta: SEED_META, bold: SEED_BOLD },
      'the seed card with its Markdown body',
    );
    await settle(s.page);
    const violations = await s.page.evaluate(() => window.__civic.violations);
    const [publisher, library] = partition(
      violations,
      (v) => v.directive === 'img-src' && isFeedContent(v.blocked),
    );
    const errors = s.errors.filter((e) => ![...feedUrls].some((u) => e.includes(u)));
    if (library.length) fail(`CSP violations: ${JSON.stringify(library)}`);
    if (errors.length) fail(errors.join(' | '));
    const chunks = server.requests
      .slice(before)
      .filter((u) => /^\/dist\/civic-widgets-.+\.js/.test(u))
      .filter((u) => !eagerFiles().includes(u.slice('/dist/'.length).replace(/[?#].*$/, '')));
    if (!chunks.length)
      note('no lazy chunk was fetched for the Markdown body (is it in the entry?)');
    else note(`lazy chunk(s) fetched for the body: ${chunks.join(', ')}`);
    if (!body.bodyPart) note('the card has no [part="body"] element');
    const jsonLd = await s.page.evaluate(
      () => document.querySelectorAll('script[type="application/ld+json"]').length,
    );
    note(`schema.org JSON-LD scripts in the page: ${jsonLd}`);
    if (publisher.length) {
      note(
        `img-src blocked ${publisher.length} feed image(s) (publisher content: a site adds its image host to img-src)`,
      );
    }
    return `meta line "${SEED_META}" shown, body rendered from Markdown`;
  } finally {
    await s.context.close();
  }
}

// ---------------------------------------------------------------- the checks
async function main() {
  if (!existsSync(join(DIST, ENTRY)) || !existsSync(join(DIST, IIFE))) {
    console.error(`${DIST} has no ${ENTRY} / ${IIFE}: run \`npm run build\` first`);
    process.exit(1);
  }
  server = await startStaticServer({ root: ROOT, distDir: DIST, routes, headers });
  browser = await chromium.launch(chromiumLaunchOptions());
  line(`dist checks: ${DIST} in ${browser.version()} at ${server.origin}`);

  await check(
    'a',
    'ES module loaded twice (two instances): no error, all five elements render',
    () => allWidgetsWork('/__check/double-es.html', [`/dist/${ENTRY}`, `/dist/${ENTRY}?copy=2`]),
  );
  await check('b1', 'IIFE loaded twice: no error, all five elements render', () =>
    allWidgetsWork('/__check/double-iife.html', [`/dist/${IIFE}`, `/dist/${IIFE}?copy=2`]),
  );
  await check('b2', 'one ES module + one IIFE copy: no error, all five elements render', () =>
    allWidgetsWork('/__check/es-and-iife.html', [`/dist/${ENTRY}`, `/dist/${IIFE}`]),
  );

  await check(
    'c1',
    `strict CSP + Trusted Types (${TT_POLICIES}): no violation, seed card with Markdown body`,
    () => strictCspWorks('/__check/csp.html'),
  );

  await check(
    'c2',
    "two copies under the same CSP with 'allow-duplicates': no violation, no error",
    async () => {
      const s = await open('/__check/csp-twice.html');
      try {
        await widgetsShown(s);
        await settle(s.page);
        const violations = await s.page.evaluate(() => window.__civic.violations);
        const library = violations.filter(
          (v) => !(v.directive === 'img-src' && isFeedContent(v.blocked)),
        );
        const errors = s.errors.filter((e) => ![...feedUrls].some((u) => e.includes(u)));
        if (library.length) fail(`CSP violations: ${JSON.stringify(library)}`);
        if (errors.length) fail(errors.join(' | '));
        // Without 'allow-duplicates' the second copy's Lit cannot re-create its "lit-html"
        // policy (shown below): the README tells sites that include the script twice.
        return undefined;
      } finally {
        await s.context.close();
      }
    },
  );

  // Not asserted (a page cannot fix it from inside the library): what a site sees when it
  // includes the script twice under a Trusted Types CSP without 'allow-duplicates'.
  if (!ONLY || ONLY.includes('c2')) {
    const s = await open('/__check/csp-twice-strict.html');
    try {
      await waitFor(s.page, widgetsRendered, renderedArgs, 'every widget to render', 5000).catch(
        () => {},
      );
      await settle(s.page);
      const violations = await s.page.evaluate(() => window.__civic.violations);
      const tt = violations.filter((v) => v.directive === 'trusted-types');
      note(
        `(c2, not asserted) without 'allow-duplicates', two copies give: ${s.errors.length ? s.errors.join(' | ') : 'no error'}` +
          (tt.length ? `; trusted-types violations: ${tt.map((v) => v.sample).join(', ')}` : ''),
      );
    } finally {
      await s.context.close();
    }
  }

  await check(
    'c3',
    `the README's narrower policy list (${README_POLICIES}): no violation, Markdown body`,
    () => strictCspWorks('/__check/csp-readme.html'),
  );

  await check(
    'd1',
    'privacy: no cookie and no request off this machine (feed without external images)',
    async () => {
      const s = await open('/__check/privacy.html');
      try {
        await widgetsShown(s);
        await settle(s.page);
        const cookies = await s.context.cookies();
        const docCookie = await s.page.evaluate(() => document.cookie);
        const storage = await s.page.evaluate(() => ({
          local: Object.keys(localStorage),
          session: Object.keys(sessionStorage),
        }));
        if (s.external.length)
          fail(
            `requests off this machine: ${s.external.map((r) => `${r.method} ${r.url}`).join(', ')}`,
          );
        if (cookies.length || docCookie)
          fail(`cookies set: ${JSON.stringify(cookies)} ${docCookie}`);
        if (storage.local.length || storage.session.length) {
          note(
            `web storage used (no cookie): localStorage [${storage.local.join(', ')}], sessionStorage [${storage.session.join(', ')}]`,
          );
        }
        return '0 cookies, 0 external requests';
      } finally {
        await s.context.close();
      }
    },
  );

  await check(
    'd2',
    'privacy: with the full sample feed, every external request is the publisher’s own content',
    async () => {
      const s = await open('/__check/privacy-full-feed.html');
      try {
        await widgetsShown(s);
        await settle(s.page);
        const [publisher, library] = partition(
          s.external,
          (r) => r.method === 'GET' && isFeedContent(r.url),
        );
        if (library.length)
          fail(
            `requests not named by the feed: ${library.map((r) => `${r.method} ${r.url}`).join(', ')}`,
          );
        if ((await s.context.cookies()).length) fail('cookies set');
        return `${publisher.length} request(s), all to URLs in the feed${publisher.length ? `: ${publisher.map((r) => r.url).join(', ')}` : ''}`;
      } finally {
        await s.context.close();
      }
    },
  );

  await check('e', 'bundle sizes; marked and DOMPurify only in a lazy chunk', async () => {
    const r = bundleReport(DIST);
    note(`${ENTRY}: ${kib(r.entry.gz)} gzipped (${kib(r.entry.bytes)} raw)`);
    if (r.eager.files.length > 1)
      note(`entry + static imports (${r.eager.files.join(', ')}): ${kib(r.eager.gz)} gzipped`);
    for (const c of r.lazy) note(`${c.file}: ${kib(c.gz)} gzipped, lazy`);
    if (r.iife) note(`${IIFE}: ${kib(r.iife.gz)} gzipped (classic script, lazy parts inline)`);
    const text = (f) => readFileSync(join(DIST, f), 'utf8');
    const where = {};
    for (const [lib, sigs] of Object.entries(SIGNATURES)) {
      const has = (f) => sigs.some((s) => text(f).includes(s));
      const eager = r.eager.files.filter(has);
      if (eager.length)
        fail(`${lib} is in the entry (${eager.join(', ')}): it must load on first need`);
      const lazy = r.lazy.filter((c) => has(c.file)).map((c) => c.file);
      if (!lazy.length) fail(`${lib} is in no lazy chunk (signatures: ${sigs.join(' / ')})`);
      where[lib] = lazy;
    }
    if (r.eager.gz > BUDGET)
      fail(`entry loads ${kib(r.eager.gz)} gzipped up front, over the ${kib(BUDGET)} budget`);
    const aim =
      r.eager.gz <= AIM
        ? `within the ${kib(AIM)} aim`
        : `over the ${kib(AIM)} aim, within the ${kib(BUDGET)} budget`;
    return `entry ${kib(r.eager.gz)} gzipped (${aim}); ${Object.entries(where)
      .map(([l, f]) => `${l} in ${f.join(', ')}`)
      .join('; ')}`;
  });

  for (const [id, viewport] of [
    ['f1', { width: 1280, height: 1400 }],
    ['f2', { width: 390, height: 2400 }],
  ]) {
    await check(
      id,
      `no layout shift while a slow feed loads (viewport ${viewport.width}×${viewport.height})`,
      async () => {
        const s = await open('/__check/layout.html', { viewport });
        try {
          await waitFor(
            s.page,
            ({ titles }) => {
              const c = window.__civic;
              const list = c.norm(c.text(document.querySelector('civic-bulletin-list')));
              const card = c.norm(c.text(document.querySelector('civic-article-card')));
              const ok =
                c.ready !== null &&
                titles.some((t) => list.includes(t)) &&
                card.includes(titles[0]);
              return {
                ok,
                why: `ready=${c.ready} list="${list.slice(0, 60)}" card="${card.slice(0, 60)}"`,
              };
            },
            { titles },
            'the list and the card to show the slow feed',
          );
          await settle(s.page);
          // Layout-shift entries are reported after the frame that moved: give it a frame more.
          await s.page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
          const { shifts, ready, shiftsUnsupported, loadingHeights, heights } =
            await s.page.evaluate(() => {
              const c = window.__civic;
              return {
                shifts: c.shifts,
                ready: c.ready,
                shiftsUnsupported: c.shiftsUnsupported,
                loadingHeights: c.loadingHeights,
                heights: c.heights(),
              };
            });
          if (shiftsUnsupported) fail(`layout-shift observer unsupported: ${shiftsUnsupported}`);
          const sum = (xs) => xs.reduce((a, x) => a + x.value, 0);
          const after = shifts.filter((x) => x.startTime >= ready);
          const total = sum(shifts);
          const loading = sum(after);
          if (total - loading > 0) {
            note(
              `before the widgets were upgraded: ${(total - loading).toFixed(4)} (page-side; a site can reserve space with :not(:defined))`,
            );
          }
          for (const x of after)
            note(
              `shift ${x.value.toFixed(4)} at ${x.startTime.toFixed(0)} ms, moved: ${x.sources.join(', ')}`,
            );
          if (after.length)
            note(
              `heights while loading: ${loadingHeights.join(', ')}; loaded: ${heights.join(', ')}`,
            );
          if (s.errors.length) fail(s.errors.join(' | '));
          if (loading >= 0.01)
            fail(`CLS while loading = ${loading.toFixed(4)} (must stay under 0.01, aim 0)`);
          return `CLS while loading = ${loading.toFixed(4)}${total !== loading ? `, whole page ${total.toFixed(4)}` : ''}`;
        } finally {
          await s.context.close();
        }
      },
    );
  }
}

/** The entry and the chunks it imports statically: fetched up front, not on need. */
const eagerFiles = () => bundleReport(DIST).eager.files;

/** Strings each library keeps through minification. */
const SIGNATURES = {
  marked: ['marked(): input parameter', 'https://github.com/markedjs/marked'],
  DOMPurify: ['SAFE_FOR_TEMPLATES', 'RETURN_TRUSTED_TYPE'],
};

function partition(xs, pred) {
  return [xs.filter(pred), xs.filter((x) => !pred(x))];
}

try {
  await main();
} catch (err) {
  results.push(false);
  line(`✘ harness — ${err instanceof Error ? err.stack : String(err)}`);
} finally {
  await browser?.close().catch(() => {});
  await server?.close();
}
const passed = results.filter(Boolean).length;
const failed = results.length - passed;
line(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

/**
 * The playground: a form drives one live widget and writes the embed code for it.
 *
 * The preview is built with DOM calls and properties only (no innerHTML), so it runs
 * under the page's Trusted Types policy like any host page would. A pasted feed is read
 * by the library's own parser, so what the form reports is exactly what the widget would
 * say; the snippet then embeds it as inline JSON Feed inside `<civic-feed>`.
 */
import './main.js';
import { parseFeed, type Article, type Feed } from '../src/index.js';
import pkg from '../package.json' with { type: 'json' };

type Tag = 'civic-article-card' | 'civic-bulletin-list' | 'civic-view-counter' | 'civic-date-line';

/** Attributes each widget takes from the form, in the order the snippet prints them. */
const ATTRIBUTES: Record<Tag, readonly string[]> = {
  'civic-article-card': ['item-id', 'variant', 'actions', 'locale', 'time-zone'],
  'civic-bulletin-list': [
    'layout',
    'limit',
    'category',
    'sort',
    'new-days',
    'show-views',
    'locale',
    'time-zone',
  ],
  'civic-view-counter': ['item-id', 'count', 'notation', 'hide-label', 'locale', 'time-zone'],
  'civic-date-line': ['lunar', 'date', 'locale', 'time-zone'],
};
const BOOLEAN_ATTRIBUTES = new Set(['show-views', 'hide-label', 'lunar']);

const form = document.querySelector<HTMLFormElement>('#controls')!;
const stage = document.querySelector<HTMLElement>('#stage')!;
const snippetOut = document.querySelector<HTMLElement>('#snippet')!;
const cssBlock = document.querySelector<HTMLElement>('#css-block')!;
const cssOut = document.querySelector<HTMLElement>('#css-snippet')!;
const feedStatus = document.querySelector<HTMLElement>('#feed-status')!;
const copyStatus = document.querySelector<HTMLElement>('#copy-status')!;
const textArea = document.querySelector<HTMLTextAreaElement>('#feed-text')!;

/** The pasted feed as last read: the model for the preview, JSON Feed text for the snippet. */
let pasted: { feed: Feed; json: string } | { error: string } | undefined;
/** The feed the URL widget last loaded, to offer its item ids and categories. */
let loadedFeed: Feed | undefined;

function field(name: string): HTMLInputElement | HTMLSelectElement {
  const el = form.elements.namedItem(name);
  if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) return el;
  throw new Error(`playground: no form field "${name}"`);
}

function value(name: string): string {
  return field(name).value.trim();
}

function checked(name: string): boolean {
  return (field(name) as HTMLInputElement).checked;
}

function source(): 'url' | 'paste' {
  const radio = form.querySelector<HTMLInputElement>('input[name="source"]:checked');
  return radio?.value === 'paste' ? 'paste' : 'url';
}

function tag(): Tag {
  return value('tag') as Tag;
}

/** The attributes chosen for the current widget, in snippet order; `''` marks a boolean. */
function chosenAttributes(): [string, string][] {
  const out: [string, string][] = [];
  for (const name of ATTRIBUTES[tag()]) {
    if (BOOLEAN_ATTRIBUTES.has(name)) {
      if (checked(name)) out.push([name, '']);
    } else if (name === 'actions') {
      const picked = Array.from(
        form.querySelectorAll<HTMLInputElement>('input[name="actions"]:checked'),
      ).map((c) => c.value);
      if (picked.length) out.push(['actions', picked.join(' ')]);
    } else {
      const v = value(name);
      if (v !== '') out.push([name, v]);
    }
  }
  return out;
}

function escapeAttribute(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

function openTag(name: string, attributes: [string, string][]): string {
  const attrs = attributes.map(([k, v]) =>
    v === '' && BOOLEAN_ATTRIBUTES.has(k) ? ` ${k}` : ` ${k}="${escapeAttribute(v)}"`,
  );
  return `<${name}${attrs.join('')}>`;
}

/** JSON that cannot end the `<script>` element it sits in, whatever the feed's text says. */
function scriptSafeJson(json: string): string {
  return json
    .replaceAll('<', '\\u003c')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

/**
 * The full card's body chunk beside `script`, the ES entry (its name carries the package
 * version, see README "Quick start"); undefined for the classic `.iife.js`, which has no
 * chunks, or an entry renamed on the way.
 */
function fullChunkUrl(script: string): string | undefined {
  const m = /^(.*\/)?civic-widgets\.js(?:[?#].*)?$/.exec(script);
  return m ? `${m[1] ?? ''}civic-widgets-full-article-${pkg.version}.js` : undefined;
}

function buildSnippet(): string {
  const name = tag();
  const attributes = chosenAttributes();
  // The preview speaks the feed's language (the stage's `lang`); a page without `lang`
  // would show the Vietnamese default, so the snippet says it unless it is that default.
  if (!attributes.some(([n]) => n === 'locale') && stage.lang && stage.lang !== 'vi')
    attributes.push(['locale', stage.lang]);
  const script = value('script-url') || '/assets/civic-widgets.js';
  const needsFeed = name !== 'civic-date-line';
  // The README's preload lines: what the widget will fetch starts beside the script
  // instead of after it (the feed URLs; a full card's body renderer).
  const preloads: string[] = [];
  if (needsFeed && source() === 'url')
    for (const url of value('url').split(/\s+/).filter(Boolean))
      preloads.push(`<link rel="preload" href="${escapeAttribute(url)}" as="fetch" crossorigin />`);
  const chunk =
    name === 'civic-article-card' && value('variant') === 'full' && fullChunkUrl(script);
  if (chunk) preloads.push(`<link rel="modulepreload" href="${escapeAttribute(chunk)}" />`);
  const lines = [
    ...(preloads.length
      ? ['<!-- Best in the <head>: these start downloading beside the script -->', ...preloads]
      : []),
    `<script type="module" src="${escapeAttribute(script)}"></script>`,
  ];
  if (needsFeed && source() === 'paste' && pasted && 'feed' in pasted) {
    lines.push('<civic-feed>');
    lines.push(`  <script type="application/feed+json">${scriptSafeJson(pasted.json)}</script>`);
    lines.push(`  ${openTag(name, attributes)}</${name}>`);
    lines.push('</civic-feed>');
  } else {
    const src =
      needsFeed && source() === 'url' && value('url')
        ? [['src', value('url')] as [string, string]]
        : [];
    lines.push(`${openTag(name, [...src, ...attributes])}</${name}>`);
  }
  return lines.join('\n');
}

function buildCss(): string {
  const rules: string[] = [];
  if (checked('use-accent')) rules.push(`  --civic-color-accent: ${value('accent')};`);
  if (value('font')) rules.push(`  --civic-font-family: ${value('font')};`);
  if (rules.length === 0) return '';
  // On an ancestor (here the whole page), so every widget and its shadow root inherit it.
  return `:root {\n${rules.join('\n')}\n}`;
}

/** A fresh widget for the preview, given the same attributes as the snippet. */
function buildWidget(): HTMLElement {
  const name = tag();
  const el = document.createElement(name);
  for (const [k, v] of chosenAttributes()) el.setAttribute(k, v);
  if (name === 'civic-date-line') return el;
  if (source() === 'url') {
    if (value('url')) el.setAttribute('src', value('url'));
  } else if (pasted && 'feed' in pasted) {
    (el as HTMLElement & { feed?: unknown }).feed = pasted.feed;
  }
  return el;
}

function applyTheme(): void {
  // CSSOM, not a style attribute: allowed under `style-src 'self'`.
  if (checked('use-accent')) stage.style.setProperty('--civic-color-accent', value('accent'));
  else stage.style.removeProperty('--civic-color-accent');
  if (value('font')) stage.style.setProperty('--civic-font-family', value('font'));
  else stage.style.removeProperty('--civic-font-family');
  stage.classList.toggle('dark-sample', checked('dark'));
}

function showFields(): void {
  const name = tag();
  for (const el of Array.from(form.querySelectorAll<HTMLElement>('[data-for]'))) {
    el.hidden = !(el.dataset['for'] ?? '').split(' ').includes(name);
  }
  const mode = source();
  for (const el of Array.from(form.querySelectorAll<HTMLElement>('[data-source]')))
    el.hidden = el.dataset['source'] !== mode;
}

function setStatus(text: string, kind: 'ok' | 'error' | '' = ''): void {
  feedStatus.textContent = text;
  feedStatus.className = `feed-status ${kind}`.trim();
}

function describeFeed(feed: Feed, warnings: number): string {
  const n = feed.items.length;
  const kind = { json: 'JSON Feed', rss: 'RSS', atom: 'Atom', merged: 'merged feed' }[feed.format];
  const warned = warnings
    ? `; ${warnings} problem${warnings === 1 ? '' : 's'} skipped (see the console)`
    : '';
  return `${kind}${feed.title ? ` “${feed.title}”` : ''}: ${n} item${n === 1 ? '' : 's'}${warned}.`;
}

/**
 * Item ids and categories of the current feed, offered in their selects; the preview
 * takes the feed's language, as the page it is pasted into would have. True when the
 * language changed (widgets read it when they are put on the page).
 */
function offerChoices(feed: Feed | undefined): boolean {
  const fill = (select: HTMLSelectElement, values: [string, string][]) => {
    const keep = select.value;
    const first = select.options[0];
    select.replaceChildren(first, ...values.map(([v, label]) => new Option(label, v)));
    select.value = values.some(([v]) => v === keep) ? keep : '';
  };
  const items = feed?.items ?? [];
  fill(
    field('item-id') as HTMLSelectElement,
    items.map((a: Article) => [a.id, `${a.id}${a.title ? ` – ${a.title.slice(0, 50)}` : ''}`]),
  );
  const categories = [
    ...new Set(items.map((a) => a.category).filter((c): c is string => c !== undefined)),
  ];
  fill(
    field('category') as HTMLSelectElement,
    categories.map((c) => [c, c]),
  );
  const language = feed?.language?.split('-')[0];
  const lang = language === 'en' || language === 'vi' ? feed!.language! : 'vi';
  if (stage.lang === lang) return false;
  stage.lang = lang;
  return true;
}

/** JSON Feed text for a feed read from RSS or Atom, so it can sit inline in the page. */
function toJsonFeed(feed: Feed): string {
  const iso = (d: Date | undefined) => d?.toISOString();
  const doc = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homePageUrl,
    description: feed.description,
    language: feed.language,
    _civic: feed.timeZone ? { time_zone: feed.timeZone } : undefined,
    items: feed.items.map((a) => ({
      id: a.id,
      url: a.url,
      title: a.title,
      summary: a.summary,
      content_html: a.contentHtml,
      content_text: a.contentText,
      image: a.image,
      date_published: iso(a.published),
      date_modified: iso(a.modified),
      tags: a.tags.length ? a.tags : undefined,
      authors: a.authors.length ? a.authors : undefined,
      language: a.language,
      attachments: a.attachments.length
        ? a.attachments.map((t) => ({
            url: t.url,
            mime_type: t.mimeType ?? 'application/octet-stream',
            title: t.title,
            size_in_bytes: t.sizeInBytes,
          }))
        : undefined,
      _civic: {
        views: a.views,
        category: a.category,
        markdown: a.markdown,
        pinned: a.pinned || undefined,
        featured: a.featured || undefined,
      },
    })),
  };
  // JSON.stringify leaves out the undefined fields; empty `_civic` objects go too.
  return JSON.stringify(doc, (key, v: unknown) =>
    key === '_civic' &&
    v !== null &&
    typeof v === 'object' &&
    Object.values(v).every((x) => x === undefined)
      ? undefined
      : v,
  );
}

function readPasted(): void {
  const text = textArea.value;
  if (text.trim() === '') {
    pasted = undefined;
    setStatus('Paste a feed document above.');
    offerChoices(undefined);
    return;
  }
  try {
    const { feed, warnings } = parseFeed(text);
    for (const w of warnings) console.warn(`playground: ${w.path}: ${w.message}`);
    const json = feed.format === 'json' ? JSON.stringify(JSON.parse(text)) : toJsonFeed(feed);
    pasted = { feed, json };
    setStatus(describeFeed(feed, warnings.length), 'ok');
    offerChoices(feed);
  } catch (e) {
    // The feed layer's own message: the same words the widget's error event carries.
    const message = e instanceof Error ? e.message : String(e);
    pasted = { error: message };
    setStatus(message, 'error');
    offerChoices(undefined);
  }
}

function render(): void {
  showFields();
  applyTheme();
  stage.replaceChildren(buildWidget());
  snippetOut.textContent = buildSnippet();
  const css = buildCss();
  cssBlock.hidden = css === '';
  cssOut.textContent = css;
  copyStatus.textContent = '';
  copyStatus.className = 'copy-status';
}

// The URL widget reports its own load; its feed fills the item and category choices.
stage.addEventListener('civic-feed-load', (e) => {
  if (source() !== 'url') return;
  loadedFeed = e.detail.feed;
  setStatus(describeFeed(e.detail.feed, e.detail.warnings.length), 'ok');
  const before = `${value('item-id')}|${value('category')}`;
  const relang = offerChoices(loadedFeed);
  // A choice the new feed does not have was dropped, or the language changed: draw again.
  if (relang || `${value('item-id')}|${value('category')}` !== before) render();
});
stage.addEventListener('civic-feed-error', (e) => {
  if (source() !== 'url') return;
  setStatus(e.detail.error.message, 'error');
});

let pending: ReturnType<typeof setTimeout> | undefined;
form.addEventListener('input', (e) => {
  const target = e.target as HTMLElement;
  if (target === textArea) readPasted();
  if (target instanceof HTMLInputElement && target.name === 'url') {
    // Typing a URL: wait for a pause, so each keystroke does not send a request.
    clearTimeout(pending);
    pending = setTimeout(render, 500);
    return;
  }
  if (target instanceof HTMLInputElement && target.name === 'source') {
    if (source() === 'paste') readPasted();
    else setStatus('');
  }
  render();
});
form.addEventListener('submit', (e) => e.preventDefault());

for (const button of Array.from(form.querySelectorAll<HTMLButtonElement>('[data-example]'))) {
  button.addEventListener('click', () => {
    void fetch(button.dataset['example']!)
      .then((r) => r.text())
      .then((text) => {
        textArea.value = text;
        textArea.dispatchEvent(new Event('input', { bubbles: true }));
        textArea.focus();
      });
  });
}

async function copy(text: string, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    copyStatus.textContent = `Copied ${what} to the clipboard.`;
    copyStatus.className = 'copy-status';
  } catch {
    // No clipboard permission (an insecure origin, or the user said no): select it instead.
    const target = what === 'the CSS' ? cssOut : snippetOut;
    getSelection()?.selectAllChildren(target);
    copyStatus.textContent = 'Could not copy: the code is selected, press Ctrl+C (⌘C on a Mac).';
    copyStatus.className = 'copy-status error';
  }
}

document
  .querySelector('#copy')!
  .addEventListener('click', () => void copy(snippetOut.textContent ?? '', 'the code'));
document
  .querySelector('#copy-css')!
  .addEventListener('click', () => void copy(cssOut.textContent ?? '', 'the CSS'));

render();

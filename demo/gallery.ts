/**
 * The gallery page: built from its table (`gallery-specimens.ts`) when the page loads,
 * with DOM calls only (the page runs under the strict CSP and Trusted Types). Under each
 * specimen it shows the markup, logs the feed events, and puts a fresh copy on the page
 * on "Run again". The markup is read before the elements are defined, so it is what a
 * page author writes, not what the elements reflected onto themselves; only then is the
 * library loaded.
 */
import {
  SECTIONS,
  SPECIMENS,
  type Markup,
  type Section,
  type Specimen,
} from './gallery-specimens.js';

/** An element with a class (or none) and children. */
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  el.append(...children);
  return el;
}

/** The table's text as nodes: `code` in backticks, **strong** in double asterisks. */
function prose(text: string): (Node | string)[] {
  return text
    .split(/(`[^`]+`|\*\*[^*]+\*\*)/)
    .filter((piece) => piece !== '')
    .map((piece) => {
      if (piece.startsWith('`')) return h('code', '', piece.slice(1, -1));
      if (piece.startsWith('**')) return h('strong', '', piece.slice(2, -2));
      return piece;
    });
}

/**
 * A container of widgets gets a line per child, as hand-written markup has it; a
 * widget's own content is its light-DOM fallback and stays inline, where whitespace
 * would show.
 */
function onLines(markup: Markup): boolean {
  return (markup.content ?? []).some((c) => typeof c !== 'string' && c.tag.startsWith('civic-'));
}

const indent = (depth: number) => `\n${'  '.repeat(depth)}`;

/** The element `gallery.html` holds for a row's `fromPage`, checked against the row. */
function fromPage(markup: Markup, id: string): HTMLElement {
  const el = document.getElementById(id);
  const wanted = Object.entries(markup.attributes ?? {});
  if (
    el?.localName !== markup.tag ||
    el.attributes.length !== wanted.length + 1 ||
    wanted.some(([name, value]) => el.getAttribute(name) !== (value === true ? '' : value))
  )
    throw new Error(`gallery.html has no <${markup.tag} id="${id}"> with the row's attributes`);
  el.removeAttribute('id');
  return el;
}

/** Builds a specimen's markup (text children become Text nodes, never parsed). */
function build(markup: Markup, depth = 0): HTMLElement {
  if (markup.fromPage) return fromPage(markup, markup.fromPage);
  const el = document.createElement(markup.tag);
  for (const [name, value] of Object.entries(markup.attributes ?? {}))
    el.setAttribute(name, value === true ? '' : value);
  const content = markup.content ?? [];
  const lines = onLines(markup);
  for (const child of content) {
    if (lines) el.append(indent(depth + 1));
    el.append(typeof child === 'string' ? child : build(child, depth + 1));
  }
  if (lines && content.length) el.append(indent(depth));
  return el;
}

/**
 * The markup as shown under the specimen: the page's own, except that a data block's
 * text (indented as it sits in gallery.html) is indented to its place here. Only a
 * copy that never joins the page is touched, so no script text changes.
 */
function shown(view: HTMLElement): string {
  const copy = view.cloneNode(true) as HTMLElement;
  for (const script of Array.from(copy.querySelectorAll('script'))) {
    let depth = 0;
    for (let up = script.parentElement; up && up !== copy; up = up.parentElement) depth++;
    const text = script.firstChild;
    if (!(text instanceof Text)) continue;
    // The first line is trimmed; the others lose the indentation they share.
    const lines = text.data.trim().split('\n');
    const cut = Math.min(...lines.slice(1).map((l) => /^ */.exec(l)![0].length));
    const inner = indent(depth + 1);
    text.data = inner + lines.map((l, i) => (i ? l.slice(cut) : l)).join(inner) + indent(depth);
  }
  return copy.innerHTML;
}

/** Fills `{key}` in flaky URLs: a new key per page view (and per re-run) starts with a good answer. */
function withKey(markup: string): string {
  const key = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  return markup.replaceAll('{key}', key);
}

/** Copies the pristine nodes of a view (not upgraded yet, so they are plain markup). */
function freshCopy(template: HTMLElement): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const node of Array.from(template.childNodes)) fragment.append(node.cloneNode(true));
  return fragment;
}

/** Rewrites every `{key}` in `src` attributes under `root`. */
function applyKeys(root: ParentNode): void {
  for (const el of Array.from(root.querySelectorAll('[src*="{key}"]'))) {
    el.setAttribute('src', withKey(el.getAttribute('src') ?? ''));
  }
}

function describeLoad(e: HTMLElementEventMap['civic-feed-load']): string {
  const { detail } = e;
  const n = detail.feed.items.length;
  const at = detail.fetchedAt ? ` fetched ${detail.fetchedAt.toLocaleTimeString()}` : '';
  if (detail.stale)
    return `civic-feed-load (remembered copy,${at}; fresh load failed: ${detail.stale.message})`;
  return `civic-feed-load: ${n} item${n === 1 ? '' : 's'}${detail.warnings.length ? `, ${detail.warnings.length} warning(s)` : ''}`;
}

/** Shows the feed events of a view's widgets in `log`. */
function logEvents(view: HTMLElement, log: HTMLElement): void {
  view.addEventListener('civic-feed-load', (e) => {
    log.textContent = describeLoad(e);
    // The point is made once the copy shows: stop asking a server that will keep failing.
    if (e.detail.stale && e.target instanceof Element)
      e.target.closest('civic-feed')?.removeAttribute('refresh');
  });
  // `data-reload-after="S"` on a <civic-feed>: ask again S seconds after its first load
  // (`refresh` would wait at least 30 s).
  view.addEventListener('civic-feed-load', (e) => {
    const feed = e.target;
    if (!(feed instanceof Element) || feed.localName !== 'civic-feed' || e.detail.stale) return;
    const after = Number(feed.getAttribute('data-reload-after'));
    feed.removeAttribute('data-reload-after');
    if (after > 0) setTimeout(() => (feed as Element & { reload(): void }).reload(), after * 1000);
  });
  view.addEventListener('civic-feed-error', (e) => {
    log.textContent = `civic-feed-error: ${e.detail.error.message}`;
  });
}

/** One specimen: the widget in its region, then its caption, markup, log and "Run again". */
function figure(specimen: Specimen, index: number): HTMLElement {
  const view = h('div', ['specimen-view', specimen.region ?? ''].join(' ').trim(), build(specimen));
  view.lang = specimen.lang;
  const caption = h(
    'figcaption',
    '',
    h('p', '', h('span', 'specimen-state', specimen.state), ...prose(` ${specimen.caption}`)),
    h('pre', 'code', shown(view)),
  );

  if (specimen.log) {
    const log = h('p', 'event-log');
    log.id = `log-${index}`;
    caption.append(log);
    logEvents(view, log);
  }

  if (specimen.rerun) {
    const pristine = view.cloneNode(true) as HTMLElement;
    const button = h('button', 'button secondary', 'Run again');
    button.type = 'button';
    button.addEventListener('click', () => {
      const copy = freshCopy(pristine);
      applyKeys(copy);
      view.replaceChildren(copy);
      const log = caption.querySelector('.event-log');
      if (log) log.textContent = '';
    });
    caption.append(h('div', 'actions-row', button));
  }
  applyKeys(view);
  return h('figure', 'specimen', view, caption);
}

/** How many figures are on the page: each one's number names its event log. */
let placed = 0;

/** Grids of specimens: a run of wide rows gets a one-column grid of its own. */
function grids(rows: readonly Specimen[]): HTMLElement[] {
  const out: HTMLElement[] = [];
  let last: boolean | undefined;
  for (const row of rows) {
    const wide = row.wide ?? false;
    if (wide !== last) out.push(h('div', wide ? 'specimens wide' : 'specimens'));
    last = wide;
    out.at(-1)!.append(figure(row, placed++));
  }
  return out;
}

function section(s: Section): HTMLElement {
  const rows = SPECIMENS.filter((row) => row.section === s.id);
  const title = h('h2', '', s.title);
  title.id = `${s.id}-title`;
  const el = h('section', 'gallery-section', title, h('p', '', ...prose(s.intro)));
  el.id = s.id;
  el.setAttribute('aria-labelledby', title.id);
  if (!s.parts) el.append(...grids(rows));
  for (const part of s.parts ?? []) {
    const partRows = rows.filter((row) => row.part === part.id);
    el.append(h('h3', '', part.title), h('p', '', ...prose(part.intro)), ...grids(partRows));
  }
  return el;
}

const contents = h(
  'ul',
  'toc',
  ...SECTIONS.map((s) => {
    const link = h('a', '', s.title);
    link.href = `#${s.id}`;
    return h('li', '', link);
  }),
);
const sections = SECTIONS.map(section);
if (placed !== SPECIMENS.length)
  throw new Error(`gallery-specimens.ts: ${SPECIMENS.length - placed} row(s) with no place`);
document.querySelector('#gallery')!.append(contents, ...sections);

// Only now, with the markup captured, do the elements come to life.
void import('./main.js');

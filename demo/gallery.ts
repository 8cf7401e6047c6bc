/**
 * The gallery's helpers: show each specimen's markup, log its feed events, and put a
 * fresh copy on the page on "Run again". The markup is read before the elements are
 * defined, so it is what the page author wrote, not what the elements reflected onto
 * themselves; only then is the library loaded.
 */

/** Fills `{key}` in flaky URLs: a new key per page view (and per re-run) starts with a good answer. */
function withKey(markup: string): string {
  const key = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  return markup.replaceAll('{key}', key);
}

/** The specimen's markup, indented as written, without the page's own indentation. */
function dedent(markup: string): string {
  const lines = markup
    .replace(/^\s*\n/, '')
    .replace(/\s+$/, '')
    .split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^\s*/.exec(l)![0].length);
  const cut = Math.min(...indents);
  return lines.map((l) => l.slice(cut)).join('\n');
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

function setUpSpecimen(figure: HTMLElement, index: number): void {
  const view = figure.querySelector<HTMLElement>('.specimen-view');
  const caption = figure.querySelector('figcaption');
  if (!view || !caption) return;

  const code = document.createElement('pre');
  code.className = 'code';
  code.textContent = dedent(view.innerHTML);
  caption.append(code);

  if (figure.hasAttribute('data-log')) {
    const log = document.createElement('p');
    log.className = 'event-log';
    log.id = `log-${index}`;
    caption.append(log);
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
      if (after > 0)
        setTimeout(() => (feed as Element & { reload(): void }).reload(), after * 1000);
    });
    view.addEventListener('civic-feed-error', (e) => {
      log.textContent = `civic-feed-error: ${e.detail.error.message}`;
    });
  }

  if (figure.hasAttribute('data-rerun')) {
    const pristine = view.cloneNode(true) as HTMLElement;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button secondary';
    button.textContent = 'Run again';
    button.addEventListener('click', () => {
      const copy = freshCopy(pristine);
      applyKeys(copy);
      view.replaceChildren(copy);
      const log = caption.querySelector('.event-log');
      if (log) log.textContent = '';
    });
    const row = document.createElement('div');
    row.className = 'actions-row';
    row.append(button);
    caption.append(row);
  }
  applyKeys(view);
}

document.querySelectorAll<HTMLElement>('.specimen').forEach(setUpSpecimen);

// Only now, with the markup captured, do the elements come to life.
void import('./main.js');

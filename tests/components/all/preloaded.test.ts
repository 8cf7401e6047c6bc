import { expect, waitUntil } from '@open-wc/testing';
import '../../../src/components/article-card/article-card.define.js';
import '../../../src/components/bulletin-list/bulletin-list.define.js';

// A feed a `<link rel="preload">` has already brought: the widget reuses that response
// (one request in all) and draws its content without drawing a placeholder first. When
// the response in hand is not one the widget can reuse, the placeholder still comes,
// after a moment. Its own file: the feed loader keeps a page's results by URL.

performance.setResourceTimingBufferSize(100_000);

const absolute = (url: string) => new URL(url, location.href).href;

/** Adds a preload of `url` to the head and waits until its response has ended. */
async function preload(url: string, crossOrigin: string | null = 'anonymous') {
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  if (crossOrigin !== null) link.crossOrigin = crossOrigin;
  link.href = url;
  document.head.append(link);
  await waitUntil(
    () => performance.getEntriesByName(absolute(url), 'resource').length > 0,
    `the preload of ${url} did not finish`,
    { timeout: 10_000 },
  );
  return link;
}

/**
 * Puts `el` on the page and records, on every change of its shadow root, whether a
 * placeholder (`selector`) was there, until `done` holds.
 */
async function watch(el: HTMLElement, selector: string, done: () => unknown) {
  const seen: string[] = [];
  document.body.append(el);
  const root = el.shadowRoot!;
  const note = () => {
    const state = root.querySelector(selector) ? 'placeholder' : done() ? 'content' : 'other';
    if (seen[seen.length - 1] !== state) seen.push(state);
  };
  const mo = new MutationObserver(note);
  mo.observe(root, { childList: true, subtree: true, characterData: true });
  note();
  await waitUntil(done, 'no content', { timeout: 10_000 });
  mo.disconnect();
  return seen;
}

const hits = async (key: string) =>
  ((await (await fetch(`/loading/count?key=${key}`)).json()) as { hits: number }).hits;

describe('a feed already preloaded by the page', () => {
  it('the card reuses the preload (one request) and never draws its placeholder', async () => {
    const key = `preloaded-card-${Date.now()}`;
    const src = `/loading/sequence?key=${key}&codes=200`;
    const link = await preload(src);
    const el = document.createElement('civic-article-card');
    el.src = src;
    const title = () => el.shadowRoot!.querySelector('[part=title]')?.textContent?.trim();
    const seen = await watch(el, '.placeholder', title);
    expect(seen).to.not.include('placeholder');
    expect(title()).to.equal('Kết quả phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2019');
    expect(await hits(key)).to.equal(1);
    el.remove();
    link.remove();
  });

  it('the list draws its items without a skeleton first', async () => {
    const key = `preloaded-list-${Date.now()}`;
    const src = `/loading/sequence?key=${key}&codes=200`;
    const link = await preload(src);
    const el = document.createElement('civic-bulletin-list');
    el.setAttribute('limit', '3');
    el.src = src;
    const items = () => el.shadowRoot!.querySelectorAll('li.item').length === 3;
    const seen = await watch(el, '.skeleton', items);
    expect(seen).to.not.include('placeholder');
    expect(await hits(key)).to.equal(1);
    el.remove();
    link.remove();
  });

  it('a response in hand that the widget cannot reuse: the placeholder comes after a moment', async () => {
    // A preload without `crossorigin` is a no-cors request: the widget's own (CORS mode)
    // request does not match it and goes to the network, where the feed is 1.5 s late.
    const key = `preloaded-mismatch-${Date.now()}`;
    const src = `/loading/late?key=${key}&ms=1500`;
    const link = await preload(src, null);
    const el = document.createElement('civic-article-card');
    el.src = src;
    document.body.append(el);
    await el.updateComplete;
    const root = el.shadowRoot!;
    // Its first frame holds nothing (the content was expected at once)…
    expect(!!root.querySelector('.placeholder'), 'a placeholder in the first frame').to.equal(
      false,
    );
    // …then, the content being late after all, the placeholder keeps its space…
    await waitUntil(() => root.querySelector('.placeholder'), 'no placeholder', { timeout: 1000 });
    expect(!!root.querySelector('[part=title]'), 'content before the placeholder').to.equal(false);
    // …until the article arrives.
    await waitUntil(() => root.querySelector('[part=title]')?.textContent?.trim(), 'no content', {
      timeout: 10_000,
    });
    expect(await hits(key)).to.equal(2);
    el.remove();
    link.remove();
  });
});

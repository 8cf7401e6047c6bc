import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/article-card/article-card.define.js';
import type { CivicArticleCard } from '../../src/components/article-card/article-card.js';

/**
 * The README tells pages that know their feed to put
 * `<link rel="preload" href="FEED" as="fetch" crossorigin>` in their head, so the feed
 * downloads while the script is still loading. The widget's own request must then be
 * answered by that preload: one request in all.
 */
describe('a feed preloaded by the page', () => {
  it('is fetched once: the widget takes the preloaded response', async () => {
    const key = `preload-${Date.now()}`;
    const src = `/faults/counted?key=${key}&delay=50`;
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = src;
    const loaded = new Promise((resolve, reject) => {
      link.onload = resolve;
      link.onerror = reject;
    });
    document.head.append(link);
    await loaded;

    const el = await fixture<CivicArticleCard>(
      html`<civic-article-card src=${src}></civic-article-card>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[part=title]')?.textContent, 'no title');
    const count = (await (await fetch(`/faults/count?key=${key}`)).json()) as { hits: number };
    expect(count.hits, 'requests to the server').to.equal(1);
    link.remove();
  });
});

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/components/article-card/article-card.define.js';
import type { CivicArticleCard } from '../../../src/components/article-card/article-card.js';

// Its own file (its own page): the body chunks are module-level and load once per page.
performance.setResourceTimingBufferSize(100_000);

const requested = (part: string) =>
  performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname.includes(part));

describe('civic-article-card from a slow feed: chunks it will need load beside the feed', () => {
  it('variant="full" asks for the body renderer and the sanitizer while the feed is still on its way', async () => {
    // The seed feed, its body 3 s late: the chunks must not wait for it.
    const src = `/loading/late?key=prefetch-${Date.now()}&ms=3000`;
    const el = await fixture<CivicArticleCard>(
      html`<civic-article-card src=${src} variant="full"></civic-article-card>`,
    );
    await waitUntil(
      () => requested('/src/content/sanitize.ts') && requested('/article-card/full-article.ts'),
      'the full view and the sanitizer were not requested before the feed arrived',
      { timeout: 2500 },
    );
    // Still loading: the feed has not arrived, so this was not the body asking.
    expect(el.shadowRoot!.querySelector('[part=title]')?.textContent ?? '').to.equal('');
    await waitUntil(() => el.shadowRoot!.querySelector('[part=body] strong'), 'no body', {
      timeout: 15000,
    });
  });

  it('an RSS URL asks for the XML readers while the feed is still on its way', async () => {
    const src = `/loading/late.rss?key=prefetch-rss-${Date.now()}&ms=3000&file=vi-cong-an-tinh.rss.xml`;
    const el = await fixture<CivicArticleCard>(
      html`<civic-article-card src=${src}></civic-article-card>`,
    );
    await waitUntil(
      () => requested('/src/feed/parse-xml.ts'),
      'the XML readers were not requested before the feed arrived',
      { timeout: 2500 },
    );
    expect(el.shadowRoot!.querySelector('[part=title]')?.textContent ?? '').to.equal('');
    await waitUntil(() => el.shadowRoot!.querySelector('[part=title]')?.textContent, 'no title', {
      timeout: 15000,
    });
  });
});

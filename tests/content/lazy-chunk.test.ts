import { expect, fixture, html, waitUntil } from '@open-wc/testing';
// Only the card: this page must not have marked or DOMPurify until a full body needs them.
import '../../src/components/article-card/article-card.define.js';
import type { CivicArticleCard } from '../../src/components/article-card/article-card.js';

performance.setResourceTimingBufferSize(100_000);

const requested = (part: string) =>
  performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname.includes(part));

describe('the body chunk (marked + DOMPurify)', () => {
  // The full view's chunk carries them (one round trip for a full card, whose body is
  // nearly always HTML or Markdown), so only cards that are not `full` go without.
  it('is not loaded by the card module, nor by summary or compact cards', async () => {
    const md = { id: 'm', title: 'Summary only', summary: 'S', _civic: { markdown: '**x**' } };
    await fixture(html`<civic-article-card .item=${md}></civic-article-card>`);
    await fixture(html`<civic-article-card .item=${md} variant="compact"></civic-article-card>`);
    expect(requested('/marked/'), 'marked').to.be.false;
    expect(requested('/dompurify/'), 'dompurify').to.be.false;
    expect(requested('/src/content/sanitize.ts'), 'sanitize chunk').to.be.false;
  });

  it('loads on first need, showing a body placeholder until it resolves, then the body', async () => {
    const item = { id: 'lazy', title: 'Lazy', _civic: { markdown: 'A *lazy* body' } };
    const el = await fixture<CivicArticleCard>(
      html`<civic-article-card .item=${item} variant="full"></civic-article-card>`,
    );
    const root = el.shadowRoot!;
    // The chunk is a dynamic import() over the network: it cannot have arrived yet.
    const placeholder = root.querySelector('[part=body]')!;
    expect(placeholder.classList.contains('loading')).to.be.true;
    // Busy, but silent: the card already said it is loading (one status region per widget).
    expect(placeholder.getAttribute('aria-busy')).to.equal('true');
    expect(placeholder.querySelector('[role=status]')).to.be.null;
    expect(placeholder.getBoundingClientRect().height, 'space reserved').to.be.greaterThan(100);
    await expect(el).to.be.accessible();
    await waitUntil(() => root.querySelector('[part=body] em'), 'the body did not render', {
      timeout: 15000,
    });
    expect(root.querySelector('[part=body] em')!.textContent).to.equal('lazy');
    expect(requested('/marked/'), 'marked').to.be.true;
    expect(requested('/dompurify/'), 'dompurify').to.be.true;
    expect(requested('/src/content/sanitize.ts'), 'sanitize chunk').to.be.true;
  });
});

describe('a chunk that does not load', () => {
  it('says once on the console which file and that the whole dist/ folder is deployed', async () => {
    const { chunk } = await import('../../src/internal/lazy.js');
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    try {
      const gone = chunk(
        () => import(/* @vite-ignore */ `/dist-missing/civic-widgets-extras-${Date.now()}.js`),
        undefined,
      );
      for (let i = 0; i < 2; i++) {
        let failed = false;
        await gone().catch(() => (failed = true));
        expect(failed, 'the load rejects (and is tried again on the next call)').to.be.true;
      }
      expect(gone.ready).to.be.undefined;
      expect(gone.failed, 'widgets read this to draw their fallback instead of waiting').to.be.true;
    } finally {
      console.warn = original;
    }
    expect(warnings, 'one warning for the page').to.have.length(1);
    expect(warnings[0]).to.match(/^civic-widgets: .*civic-widgets-extras-\d+\.js/);
    expect(warnings[0]).to.contain('deploy the whole dist/ folder');
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { headline } from '../../src/format/headline.js';
import type { Article } from '../../src/feed/model.js';

const article = (a: Partial<Article>): Article => ({
  id: 'x',
  authors: [],
  tags: [],
  attachments: [],
  pinned: false,
  featured: false,
  ...a,
});

const long = `Lịch   tiếp công dân\n${'định kỳ '.repeat(30)}`;
const untitledFeed = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Tin',
  items: [
    { id: 'a', url: 'https://congan.tinh.example/a', content_text: long },
    { id: 'b', url: 'https://congan.tinh.example/b', title: 'Có tiêu đề' },
  ],
};
const shown = (el: Element, sel: string) =>
  el.shadowRoot!.querySelector(sel)!.textContent.replace(/\s+/g, ' ').trim();

describe('headline', () => {
  describe('when naming an article', () => {
    it('is the title when there is one, as written', () => {
      expect(headline(article({ title: 'Tiêu đề', summary: 'Tóm tắt' }))).to.equal('Tiêu đề');
    });

    it('is the start of the summary, else the text, on one line and cut at 120 characters', () => {
      expect(headline(article({ summary: ' Tóm\n tắt ' }))).to.equal('Tóm tắt');
      const cut = headline(article({ contentText: long }))!;
      expect(cut.startsWith('Lịch tiếp công dân định kỳ')).to.be.true;
      expect(cut.endsWith('…')).to.be.true;
      expect(cut.length).to.be.at.most(120);
    });

    it('is undefined for an article with no words, so each widget picks its stand-in', () => {
      expect(headline(article({ url: 'https://congan.tinh.example/a' }))).to.be.undefined;
    });
  });

  describe('when an item has no title', () => {
    it('names it the same way in the card and the list', async () => {
      const wrap = await fixture(
        html`<div>
          <civic-article-card .feed=${untitledFeed}></civic-article-card>
          <civic-bulletin-list .feed=${untitledFeed} sort="published"></civic-bulletin-list>
        </div>`,
      );
      const card = wrap.querySelector('civic-article-card')!;
      const list = wrap.querySelector('civic-bulletin-list')!;
      await card.updateComplete;
      await list.updateComplete;
      const expected = headline(article({ contentText: long }));
      expect(shown(card, '[part=title]')).to.equal(expected);
      expect(shown(list, 'li [part=title]')).to.equal(expected);
    });
  });
});

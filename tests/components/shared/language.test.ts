/**
 * The page's language after first paint: a site that switches `lang`, a widget moved into
 * a section in another language, and a language a site adds from a script tag.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import type { CivicBulletinList } from '../../../src/components/bulletin-list/bulletin-list.js';
import type { CivicDateLine } from '../../../src/components/date-line/date-line.js';
import { CivicFeed } from '../../../src/components/feed/feed.js';

const doc = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Tin thử',
  _civic: { time_zone: 'Asia/Ho_Chi_Minh' },
  items: Array.from({ length: 3 }, (_, i) => ({
    id: `t${i}`,
    url: `https://tinh.example/tin/${i}`,
    title: `Tin ${i}`,
    date_published: '2020-07-01T08:00:00+07:00',
  })),
};

const textOf = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function page() {
  const wrap = await fixture<HTMLElement>(html`
    <div lang="vi">
      <civic-bulletin-list .feed=${doc} limit="1"></civic-bulletin-list>
      <civic-date-line date="2020-07-16"></civic-date-line>
    </div>
  `);
  const list = wrap.querySelector<CivicBulletinList>('civic-bulletin-list')!;
  const line = wrap.querySelector<CivicDateLine>('civic-date-line')!;
  await waitUntil(() => textOf(list).includes('Xem thêm'), 'the list never drew');
  return { wrap, list, line };
}

describe('the language after first paint', () => {
  it("follows a change of the page's lang (a site's language switch)", async () => {
    const { wrap, list, line } = await page();
    expect(textOf(line)).to.equal('Thứ 5, Ngày 16 Tháng 7 Năm 2020');
    wrap.setAttribute('lang', 'en');
    // Before: both kept Vietnamese until something else made them draw again.
    await waitUntil(() => textOf(list).includes('More'), 'the list stayed Vietnamese');
    await waitUntil(() => textOf(line) === 'Thursday, July 16, 2020', 'the date line did not');
  });

  it('speaks the language of the section it is moved into', async () => {
    const { list } = await page();
    const english = await fixture<HTMLElement>(html`<section lang="en"></section>`);
    english.append(list);
    await waitUntil(() => textOf(list).includes('More'), 'the list stayed Vietnamese');
  });

  it("takes a language a script-tag page adds through an element's class, and redraws", async () => {
    const { wrap, list } = await page();
    wrap.setAttribute('lang', 'fr');
    // No French table yet: Vietnamese words (the default).
    await waitUntil(() => textOf(list).includes('Xem thêm'));
    const Feed = await customElements.whenDefined('civic-feed');
    expect(Feed).to.equal(CivicFeed);
    (Feed as typeof CivicFeed).defineMessages('fr', { more: 'Voir plus', new: 'Nouveau' });
    await waitUntil(() => textOf(list).includes('Voir plus'), 'the drawn list kept its words');
    // The words it was not given come from English, never a gap.
    expect(textOf(list)).not.to.match(/undefined|NaN/);
  });
});

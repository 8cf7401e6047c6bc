import { expect, waitUntil } from '@open-wc/testing';

// A page's first Intl formatter costs Chromium 40–70 ms of main thread (ICU's data
// loads) before anything can print. The Vietnamese forms are written without one: the
// zone comes from Temporal, counts are grouped by hand. This page counts every
// formatter built, from before the elements' modules load to their content on screen.
const built: string[] = [];
const INTL = [
  'DateTimeFormat',
  'NumberFormat',
  'PluralRules',
  'RelativeTimeFormat',
  'Collator',
  'ListFormat',
  'DisplayNames',
  'Segmenter',
] as const;
for (const name of INTL) {
  const Real = Intl[name] as unknown as new (...args: unknown[]) => object;
  const counted = new Proxy(Real, {
    construct(target, args, newTarget) {
      built.push(`new Intl.${name}(${JSON.stringify(args)})`);
      return Reflect.construct(target, args, newTarget) as object;
    },
    apply(target, self, args) {
      built.push(`Intl.${name}(${JSON.stringify(args)})`);
      return Reflect.apply(target, self, args) as object;
    },
  });
  Object.defineProperty(Intl, name, { value: counted, configurable: true, writable: true });
}
for (const [proto, method] of [
  [Date.prototype, 'toLocaleString'],
  [Date.prototype, 'toLocaleDateString'],
  [Date.prototype, 'toLocaleTimeString'],
  [Number.prototype, 'toLocaleString'],
] as const) {
  const real = (proto as unknown as Record<string, (...args: unknown[]) => string>)[method];
  Object.defineProperty(proto, method, {
    configurable: true,
    writable: true,
    value(this: unknown, ...args: unknown[]) {
      built.push(method);
      return real.apply(this, args);
    },
  });
}
await import('../../../src/define.js');

const FEED = '/tests/fixtures/vi-cong-an-tinh.json';
const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('a Vietnamese page builds no Intl formatter for its first content', () => {
  it('draws a card, a list with counts, a view counter and the date line without one', async () => {
    const page = document.createElement('div');
    page.lang = 'vi';
    page.innerHTML = `
      <civic-article-card src="${FEED}"></civic-article-card>
      <civic-bulletin-list src="${FEED}" show-views limit="5"></civic-bulletin-list>
      <civic-view-counter src="${FEED}"></civic-view-counter>
      <civic-date-line time-zone="Asia/Ho_Chi_Minh"></civic-date-line>`;
    document.body.append(page);
    const [card, list, counter, line] = [...page.children];
    await waitUntil(
      () =>
        text(card).includes('Lượt xem: 2.007') &&
        list.shadowRoot?.querySelectorAll('li').length === 5 &&
        text(counter).includes('2.007') &&
        /^(Thứ [2-7]|Chủ nhật), Ngày \d+ Tháng \d+ Năm \d{4}$/.test(text(line)),
      'the four widgets to show their content',
    );
    expect(text(card)).to.contain('Ngày cập nhật: 20/03/2020 03:57:36 | Lượt xem: 2.007');
    expect(built).to.deep.equal([]);
    page.remove();
  });

  it('builds one for an English page, as it should (Intl words its dates)', async () => {
    const card = document.createElement('civic-article-card');
    card.setAttribute('locale', 'en');
    card.setAttribute('src', FEED);
    document.body.append(card);
    await waitUntil(() => text(card).includes('Views: 2,007'), 'the English card');
    expect(built.some((b) => b.startsWith('new Intl.DateTimeFormat'))).to.be.true;
    card.remove();
  });
});

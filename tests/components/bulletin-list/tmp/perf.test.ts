import { fixture, html } from '@open-wc/testing';
import '../../../../src/components/bulletin-list/bulletin-list.define.js';
import type { CivicBulletinList } from '../../../../src/components/bulletin-list/bulletin-list.js';
import { toFeed } from '../../../../src/feed/parse.js';
import { formatDate, isoInstant } from '../../../../src/format/dates.js';
import type { Feed } from '../../../../src/feed/model.js';
import { bulletinListStyles } from '../../../../src/components/bulletin-list/bulletin-list.styles.js';
import { orderArticles } from '../../../../src/components/shared/article-order.js';
const sheets = bulletinListStyles.map((c) => c.styleSheet!);

function doc(n: number) {
  return {
    version: 'https://jsonfeed.org/version/1.1', title: 'T', _civic: { time_zone: 'Asia/Ho_Chi_Minh' },
    items: Array.from({ length: n }, (_, i) => ({
      id: `n${i}`, url: `https://x.example/${i}`, title: `Tin số ${i} về một chủ đề quan trọng`,
      summary: `Tóm tắt ${i}: nội dung ngắn gọn của bài viết.`, date_published: new Date(Date.UTC(2020, 0, 1) + i * 3600000).toISOString(),
      _civic: { views: i },
    })),
  };
}

function hand(feed: Feed, host: HTMLElement, locale: string) {
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = sheets;
  const wrap = document.createElement('div'); wrap.className = 'root layout-list'; root.append(wrap);
  const ul = document.createElement('ul');
  ul.className = 'list'; ul.setAttribute('part', 'list'); ul.setAttribute('role', 'list'); ul.setAttribute('aria-label', 'T');
  for (const a of feed.items) {
    const li = document.createElement('li'); li.className = 'item'; li.setAttribute('part', 'item');
    const t = document.createElement('a'); t.className = 'title'; t.setAttribute('part', 'title'); t.href = a.url!; t.textContent = a.title!;
    const meta = document.createElement('span'); meta.className = 'meta'; meta.setAttribute('part', 'meta');
    const time = document.createElement('time'); time.dateTime = isoInstant(a.published!); time.textContent = formatDate(a.published!, 'Asia/Ho_Chi_Minh', locale);
    meta.append(time);
    const p = document.createElement('p'); p.className = 'summary'; p.setAttribute('part', 'summary'); p.textContent = a.summary!;
    li.append(t, meta, p); ul.append(li);
  }
  wrap.append(ul);
}

it('measures', async function () { this.timeout(60000);
  const feed = toFeed(doc(1000)).feed;
  let t = performance.now(); for (let i = 0; i < 5; i++) toFeed(feed); console.log('toFeed(Feed) x1', ((performance.now() - t) / 5).toFixed(1));
  t = performance.now(); for (let i = 0; i < 5; i++) orderArticles(feed.items, 'published'); console.log('order x1', ((performance.now() - t) / 5).toFixed(1));
  t = performance.now(); for (let i = 0; i < 5; i++) for (const a of feed.items) formatDate(a.published!, 'Asia/Ho_Chi_Minh', 'vi'); console.log('format vi x1000', ((performance.now() - t) / 5).toFixed(1));
  t = performance.now(); for (let i = 0; i < 5; i++) for (const a of feed.items) formatDate(a.published!, 'Asia/Ho_Chi_Minh', 'en'); console.log('format en x1000', ((performance.now() - t) / 5).toFixed(1));
  for (const locale of ['vi', 'en']) {
    const lit: number[] = []; const dom: number[] = []; const litraw: number[] = [];
    for (let r = 0; r < 21; r++) {
      const box = await fixture<HTMLDivElement>(html`<div></div>`);
      let t0 = performance.now();
      const h = document.createElement('div'); box.append(h); hand(feed, h, locale); h.getBoundingClientRect();
      dom.push(performance.now() - t0);
      const el = document.createElement('civic-bulletin-list') as CivicBulletinList;
      el.limit = 1000; el.locale = locale;
      t0 = performance.now();
      el.feed = feed; box.append(el); await el.updateComplete; el.getBoundingClientRect();
      lit.push(performance.now() - t0);
      const el2 = document.createElement('civic-bulletin-list') as CivicBulletinList;
      el2.limit = 1000; el2.locale = locale;
      const raw = doc(1000);
      t0 = performance.now();
      el2.feed = raw; box.append(el2); await el2.updateComplete; el2.getBoundingClientRect();
      litraw.push(performance.now() - t0);
      box.remove();
    }
    const med = (a: number[]) => a.sort((x, y) => x - y)[10]!.toFixed(1);
    console.log(locale, 'dom', med(dom), 'lit(Feed)', med(lit), 'lit(raw json)', med(litraw));
  }
});

import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../../src/components/bulletin-list/bulletin-list.define.js';
import '../../../src/components/feed/feed.define.js';
import { CivicFeed } from '../../../src/components/feed/feed.js';
import { CivicBulletinList } from '../../../src/components/bulletin-list/bulletin-list.js';
import { forget, remember } from '../../../src/feed/memory-write.js';
import { watchShifts } from '../../helpers/layout-shift.js';
import type {
  CivicFeedErrorEvent,
  CivicFeedLoadEvent,
} from '../../../src/components/shared/events.js';

const PAGE1 = '/tests/fixtures/bulletin-list/page1.json';
const SAMPLE = '/tests/fixtures/vi-cong-an-tinh.json';
const NOT_FOUND = '/tests/fixtures/does-not-exist.json';

const shadow = (el: CivicBulletinList) => el.shadowRoot!;
const items = (el: CivicBulletinList) => [
  ...shadow(el).querySelectorAll<HTMLLIElement>('ul[part=list] > li'),
];
const titles = (el: CivicBulletinList) =>
  items(el).map((li) => li.querySelector('.title')!.textContent.trim());
const moreButton = (el: CivicBulletinList) =>
  shadow(el).querySelector<HTMLButtonElement>('button[part=more]');
const live = (el: CivicBulletinList) =>
  shadow(el).querySelector('[aria-live=polite]')!.textContent.trim();
const text = (node: Element | ShadowRoot) => node.textContent.replace(/\s+/g, ' ').trim();
// Elements never go into an assertion as values: a failing message would drag the
// whole DOM behind them into the report. Compare, then assert the boolean.
const absent = (node: Element | null, what: string) =>
  expect(node === null, `${what} should be absent`).to.be.true;
const focused = (el: CivicBulletinList, node: Element | null | undefined, what: string) =>
  expect(node != null && shadow(el).activeElement === node, `focus should be on ${what}`).to.be
    .true;

/** Waits until the list has left the loading state (items, empty, or error drawn). */
async function settled(el: CivicBulletinList): Promise<CivicBulletinList> {
  await waitUntil(
    () =>
      !shadow(el).querySelector('.skeleton') &&
      shadow(el).querySelector('ul[part=list], [part=status]'),
    'the list never left the loading state',
    { timeout: 4000 },
  );
  await el.updateComplete;
  return el;
}

interface ItemSpec {
  id: string;
  title?: string;
  published?: string;
  modified?: string;
  views?: number;
  pinned?: boolean;
  featured?: boolean;
  category?: string;
  tags?: string[];
  summary?: string;
  image?: string;
  url?: string | null;
}

/** A raw JSON Feed document, the kind a site hands to `.feed`. */
function jsonFeed(specs: ItemSpec[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Tin thử',
    _civic: { time_zone: 'Asia/Ho_Chi_Minh' },
    ...extra,
    items: specs.map((s) => ({
      id: s.id,
      ...(s.url === null ? {} : { url: s.url ?? `https://tinh.example/tin/${s.id}` }),
      title: s.title ?? `Tin ${s.id}`,
      ...(s.summary ? { summary: s.summary } : {}),
      ...(s.image ? { image: s.image } : {}),
      ...(s.published ? { date_published: s.published } : {}),
      ...(s.modified ? { date_modified: s.modified } : {}),
      ...(s.tags ? { tags: s.tags } : {}),
      _civic: {
        ...(s.views !== undefined ? { views: s.views } : {}),
        ...(s.pinned ? { pinned: true } : {}),
        ...(s.featured ? { featured: true } : {}),
        ...(s.category ? { category: s.category } : {}),
      },
    })),
  };
}

async function withFeed(
  doc: unknown,
  attrs: Partial<CivicBulletinList> = {},
): Promise<CivicBulletinList> {
  const el = await fixture<CivicBulletinList>(
    html`<civic-bulletin-list .feed=${doc}></civic-bulletin-list>`,
  );
  Object.assign(el, attrs);
  await el.updateComplete;
  // The compact, grid and ticker styles are a lazy chunk: their items wait for it.
  return settled(el);
}

function key(): string {
  return Math.random().toString(36).slice(2);
}

describe('civic-bulletin-list', () => {
  it('is defined', async () => {
    expect(customElements.get('civic-bulletin-list')).to.equal(CivicBulletinList);
    expect(document.createElement('civic-bulletin-list')).to.be.instanceOf(CivicBulletinList);
    // Loading the script twice keeps the first definition and throws nothing.
    await import(
      `../../../src/components/bulletin-list/bulletin-list.define.ts?again=${Date.now()}`
    );
    expect(customElements.get('civic-bulletin-list')).to.equal(CivicBulletinList);
  });

  it('renders the defaults: 10 items, pinned first then newest, dated in the feed zone', async () => {
    const el = await settled(
      await fixture<CivicBulletinList>(
        html`<civic-bulletin-list src=${SAMPLE}></civic-bulletin-list>`,
      ),
    );
    expect(el.limit).to.equal(10);
    expect(el.sort).to.equal('published');
    expect(el.layout).to.equal('list');
    expect(el.newDays).to.equal(3);
    const list = shadow(el).querySelector('ul')!;
    expect(list.getAttribute('part')).to.equal('list');
    expect(list.getAttribute('aria-label')).to.equal('Tin tức - Công an tỉnh');
    expect(items(el).length).to.equal(10);
    expect(
      items(el).every(
        (li) => li.getAttribute('part') === 'item' || li.getAttribute('part') === 'item featured',
      ),
    ).to.be.true;
    // The pinned admission notice, then the rest by date_published, newest first.
    const doc = (await (await fetch(SAMPLE)).json()) as { items: { id: string; title: string }[] };
    const titleOf = (id: string) => doc.items.find((i) => i.id === id)!.title;
    expect(titles(el)).to.deep.equal(
      [
        '2020-tuyen-sinh-cand',
        '2020-bat-doi-tuong-ma-tuy',
        '2020-lua-dao-mang-xa-hoi',
        '2020-lich-tiep-cong-dan',
        '2020-dvc-truc-tuyen',
        '2020-pccc-mua-kho',
        '2020-khen-thuong-antq',
        '2019-antq-ket-qua',
        '2020-atgt-tet-canh-ty',
        '2020-tong-ket-cong-tac',
      ].map(titleOf),
    );
    const first = items(el)[0];
    const time = first.querySelector('time')!;
    // date-format="date" by default: the day, in the feed's zone.
    expect(time.textContent).to.equal('25/03/2020');
    expect(time.getAttribute('datetime')).to.equal('2020-03-25T07:00:00.000Z');
    expect(first.querySelector('[part=summary]')).to.exist;
    // Second: the newest unpinned item (16/07/2020).
    expect(items(el)[1].querySelector('time')!.textContent).to.equal('16/07/2020');
    // Ten items, limit ten, no next_url: nothing more to show.
    absent(moreButton(el), '"Xem thêm"');
    absent(shadow(el).querySelector('[part=badge]'), 'the badge');
    expect(text(shadow(el))).not.to.match(/undefined|NaN|\[object Object\]|Invalid Date/);
  });

  it('passes axe', async () => {
    const el = await settled(
      await fixture<CivicBulletinList>(
        html`<civic-bulletin-list src=${PAGE1} limit="5"></civic-bulletin-list>`,
      ),
    );
    await expect(el).to.be.accessible();
  });

  describe('when nothing is configured', () => {
    it('shows its light-DOM fallback, not "Chưa có tin" (it knows of no feed), and passes axe', async () => {
      const el = await fixture<CivicBulletinList>(
        html`<civic-bulletin-list><a href="/tin-tuc">Tin tức</a></civic-bulletin-list>`,
      );
      expect(text(shadow(el))).to.equal('');
      const slot = shadow(el).querySelector('slot');
      expect(slot?.assignedElements()[0]?.textContent).to.equal('Tin tức');
      await expect(el).to.be.accessible();
    });

    it('waits for a <civic-feed> defined after it, without claiming there is no news', async () => {
      // Scripts load in any order: the provider's class may arrive after the list's.
      const tag = `late-feed-${key()}`;
      const wrap = await fixture(html`<div></div>`);
      wrap.innerHTML = `<${tag} src="${PAGE1}"><civic-bulletin-list>Tin tức</civic-bulletin-list></${tag}>`;
      const el = wrap.querySelector('civic-bulletin-list')!;
      await el.updateComplete;
      expect(text(shadow(el)), 'before the provider is defined').not.to.contain('Chưa có tin');
      customElements.define(tag, class extends CivicFeed {});
      await settled(el);
      expect(items(el).length).to.equal(10);
    });
  });

  describe('when loading', () => {
    it('shows a skeleton with one bar per item to come, then the items, and passes axe', async () => {
      const gate = key();
      const el = await fixture<CivicBulletinList>(
        html`<civic-bulletin-list
          src=${`/bulletin-list/hold/${gate}`}
          limit="4"
        ></civic-bulletin-list>`,
      );
      const skeleton = shadow(el).querySelector('.skeleton')!;
      expect(skeleton).to.exist;
      expect(skeleton.getAttribute('role')).to.equal('status');
      expect(text(skeleton)).to.equal('Đang tải…');
      expect(skeleton.querySelectorAll('.skeleton-line').length).to.equal(4);
      await expect(el).to.be.accessible();
      await fetch(`/bulletin-list/release/${gate}`, { method: 'POST' });
      await settled(el);
      expect(items(el).length).to.equal(4);
    });

    // The skeleton is an estimate: `limit` typical items. The loaded list then takes its
    // natural size, close to the estimate for ordinary feeds. page1 has more than `limit`
    // items (the button shows); the sample feed is the portal's own news.
    for (const layout of ['list', 'compact', 'grid'] as const) {
      for (const width of [375, 1280]) {
        for (const [file, limit] of [
          ['page1.json', 6],
          ['sample', 10],
        ] as const) {
          it(`estimates the loaded height (${layout}, ${width}px, ${file})`, async () => {
            const gate = key();
            const wrap = await fixture<HTMLDivElement>(
              html`<div>
                <civic-bulletin-list
                  src=${`/bulletin-list/hold/${gate}?file=${file}`}
                  limit=${limit}
                  layout=${layout}
                ></civic-bulletin-list>
              </div>`,
            );
            wrap.style.width = `${width}px`;
            const el = wrap.querySelector('civic-bulletin-list')!;
            await el.updateComplete;
            const before = el.getBoundingClientRect().height;
            await fetch(`/bulletin-list/release/${gate}`, { method: 'POST' });
            await settled(el);
            expect(items(el).length).to.equal(limit);
            const after = el.getBoundingClientRect().height;
            expect(before).to.be.greaterThan(0);
            expect(
              Math.abs(after - before) / after,
              `skeleton ${before}px, loaded ${after}px`,
            ).to.be.below(0.35);
          });
        }
      }
    }

    // First visit: a list arriving 600 ms late, with the page's content below it.
    for (const limit of [3, 10]) {
      it(`shifts the page by at most 0.05 when a ${limit}-item list arrives 600 ms late`, async () => {
        const gate = key();
        const wrap = await fixture<HTMLDivElement>(
          html`<div>
            <h2>Tin mới</h2>
            <civic-bulletin-list
              src=${`/bulletin-list/hold/${gate}`}
              limit=${limit}
            ></civic-bulletin-list>
            <p>Nội dung bên dưới danh sách.</p>
            <p>Địa chỉ: số 1 đường Trung tâm.</p>
          </div>`,
        );
        const el = wrap.querySelector('civic-bulletin-list')!;
        await el.updateComplete;
        const shifts = watchShifts();
        await aTimeout(600);
        await fetch(`/bulletin-list/release/${gate}`, { method: 'POST' });
        await settled(el);
        await aTimeout(100);
        const shift = await shifts.stop();
        expect(items(el).length).to.equal(limit);
        expect(shift, 'cumulative layout shift').to.be.at.most(0.05);
      });
    }

    it('reserves no blank lines once loaded: an item without a summary is title and date only', async () => {
      const el = await withFeed(
        jsonFeed([
          { id: 'a', published: '2020-07-02T08:00:00+07:00' },
          { id: 'b', published: '2020-07-01T08:00:00+07:00', summary: 'Có tóm tắt.' },
        ]),
      );
      const [bare, full] = items(el);
      const lh = Number.parseFloat(getComputedStyle(bare).lineHeight);
      // A title line and a (smaller) date line; no summary lines kept empty.
      expect(bare.getBoundingClientRect().height).to.be.below(2 * lh + 1);
      expect(full.getBoundingClientRect().height).to.be.below(3 * lh + 8);
      absent(moreButton(el), '"Xem thêm"');
      absent(shadow(el).querySelector('.foot'), 'an empty button row');
    });

    it('stops a long summary at three lines with an ellipsis and keeps the whole title', async () => {
      const long = 'Một tiêu đề rất dài về thủ tục hành chính và dịch vụ công trực tuyến '.repeat(
        4,
      );
      const el = await withFeed(
        jsonFeed([{ id: 'a', title: long, summary: long, published: '2020-07-02T08:00:00+07:00' }]),
      );
      (el.parentElement ?? el).style.width = '375px';
      const title = items(el)[0].querySelector<HTMLElement>('.title')!;
      expect(title.scrollHeight).to.equal(title.clientHeight);
      expect(title.textContent).to.equal(long);
      const summary = items(el)[0].querySelector<HTMLElement>('.summary')!;
      expect(getComputedStyle(summary).getPropertyValue('-webkit-line-clamp')).to.equal('3');
      expect(summary.scrollHeight).to.be.greaterThan(summary.clientHeight);
    });

    it('draws a one-line skeleton for the ticker', async () => {
      const gate = key();
      const el = await fixture<CivicBulletinList>(
        html`<civic-bulletin-list
          src=${`/bulletin-list/hold/${gate}`}
          layout="ticker"
        ></civic-bulletin-list>`,
      );
      expect(shadow(el).querySelectorAll('.skeleton-line').length).to.equal(1);
      await expect(el).to.be.accessible();
      await fetch(`/bulletin-list/release/${gate}`, { method: 'POST' });
      await settled(el);
    });
  });

  describe('when the feed has no items', () => {
    it('says "Chưa có tin" and passes axe', async () => {
      const el = await withFeed(jsonFeed([]));
      expect(text(shadow(el))).to.equal('Chưa có tin');
      expect(shadow(el).querySelector('[part=status]')).to.exist;
      await expect(el).to.be.accessible();
    });
  });

  describe('when the feed cannot be loaded', () => {
    it('shows a plain message, the reason, a working "Thử lại" and the fallback, and passes axe', async () => {
      const failed = oneEvent(document, 'civic-feed-error');
      const el = await fixture<CivicBulletinList>(
        html`<civic-bulletin-list src=${NOT_FOUND}
          ><a href="/tin-tuc">Tin tức</a></civic-bulletin-list
        >`,
      );
      await failed;
      await settled(el);
      const box = shadow(el).querySelector('[role=alert]')!;
      expect(text(box)).to.contain('Không tải được tin');
      expect(text(box)).to.contain('HTTP 404 for');
      const slot = shadow(el).querySelector('slot')!;
      expect(slot.assignedElements()[0].textContent).to.equal('Tin tức');
      await expect(el).to.be.accessible();

      const retry = shadow(el).querySelector<HTMLButtonElement>('button[part=retry]')!;
      expect(retry.textContent.trim()).to.equal('Thử lại');
      // The retry really asks the server again: a second request, a second failure.
      const again = oneEvent<CivicFeedErrorEvent>(el, 'civic-feed-error');
      retry.click();
      const { detail } = await again;
      expect(detail.error.message).to.match(/^HTTP 404 for /);
      await settled(el);
      expect(shadow(el).querySelector('[role=alert]')).to.exist;
    });
  });

  describe('when the page runs right to left', () => {
    it("puts the error's accent bar on the side the text starts", async () => {
      const wrap = await fixture<HTMLElement>(
        html`<div dir="rtl"><civic-bulletin-list src=${NOT_FOUND}></civic-bulletin-list></div>`,
      );
      const el = await settled(wrap.querySelector('civic-bulletin-list')!);
      await waitUntil(() => shadow(el).querySelector('.error'), 'no error state');
      const bar = getComputedStyle(shadow(el).querySelector('.error')!);
      expect(bar.borderRightWidth).to.equal('3px');
      expect(bar.borderLeftWidth).to.equal('0px');
    });
  });

  describe('when its <civic-feed> refreshes a feed that is down', () => {
    it('keeps the error, its alert and the focus on "Thử lại" until the answer', async () => {
      const provider = await fixture<CivicFeed>(
        html`<civic-feed src=${`/faults/status/404?key=down-${key()}`}
          ><civic-bulletin-list></civic-bulletin-list
        ></civic-feed>`,
      );
      const el = provider.querySelector('civic-bulletin-list')!;
      await waitUntil(() => shadow(el).querySelector('button[part=retry]'), 'no error state');
      const alert = shadow(el).querySelector('[role=alert]');
      const retry = shadow(el).querySelector<HTMLButtonElement>('button[part=retry]')!;
      retry.focus();
      const seen: string[] = [];
      const watch = new MutationObserver(() =>
        seen.push(shadow(el).querySelector('[part=status]')?.className ?? 'none'),
      );
      watch.observe(shadow(el), { childList: true, subtree: true, attributes: true });
      const failed = oneEvent(provider, 'civic-feed-error');
      // What `refresh` does on its interval.
      provider.reload();
      await failed;
      await el.updateComplete;
      watch.disconnect();
      // Before: a skeleton in between, a new alert read out again, focus on <body>.
      expect(seen.filter((c) => c.includes('skeleton'))).to.deep.equal([]);
      expect(shadow(el).querySelector('[role=alert]')).to.equal(alert);
      expect(shadow(el).activeElement).to.equal(retry);
    });
  });

  describe('when a remembered copy stands in for a failed load', () => {
    // A 503 (a passing fault, unlike a 404) with a copy from two days ago, 03:00 UTC.
    const src = `/faults/status/503?key=bl-remembered-${Math.random().toString(36).slice(2)}`;
    const url = new URL(src, location.href).href;
    const DAY = 24 * 3600_000;
    const at = new Date((Math.floor(Date.now() / DAY) - 2) * DAY + 3 * 3600_000);
    afterEach(() => forget(url));

    it('shows the remembered items and when they were fetched, and passes axe', async () => {
      const page1 = await (await fetch(PAGE1)).text();
      remember({ url, text: page1, fetchedAt: at });
      const el = await settled(
        await fixture<CivicBulletinList>(
          html`<civic-bulletin-list src=${src} limit="3"></civic-bulletin-list>`,
        ),
      );
      await waitUntil(() => shadow(el).querySelector('.stale'), 'no stale note', {
        timeout: 4000,
      });
      expect(items(el).length).to.equal(3);
      const day = at.toISOString().slice(0, 10).split('-').reverse().join('/');
      expect(text(shadow(el).querySelector('.stale')!)).to.equal(
        `Bản lưu lúc ${day} 10:00:00, chưa cập nhật được tin mới`,
      );
      await expect(el).to.be.accessible();
    });
  });

  describe('when ordering', () => {
    const specs: ItemSpec[] = [
      {
        id: 'a',
        published: '2020-07-01T08:00:00+07:00',
        modified: '2020-07-20T08:00:00+07:00',
        views: 5,
      },
      { id: 'b', published: '2020-07-10T08:00:00+07:00', views: 50 },
      { id: 'nodate1' },
      { id: 'c', published: '2020-07-05T08:00:00+07:00', views: 500 },
      { id: 'pin-old', published: '2019-01-01T08:00:00+07:00', pinned: true, views: 1 },
      { id: 'nodate2' },
      { id: 'pin-new', published: '2020-06-01T08:00:00+07:00', pinned: true },
    ];
    const order = (el: CivicBulletinList) => titles(el).map((t) => t.replace('Tin ', ''));

    it('sort="published": pinned first (newest of them first), then newest, undated last in feed order', async () => {
      const el = await withFeed(jsonFeed(specs));
      expect(order(el)).to.deep.equal(['pin-new', 'pin-old', 'b', 'c', 'a', 'nodate1', 'nodate2']);
    });

    it('sort="updated": modified, falling back to published', async () => {
      const el = await withFeed(jsonFeed(specs), { sort: 'updated' });
      expect(order(el)).to.deep.equal(['pin-new', 'pin-old', 'a', 'b', 'c', 'nodate1', 'nodate2']);
      // The date shown is the one sorted by.
      expect(items(el)[2].querySelector('time')!.textContent).to.equal('20/07/2020');
    });

    it('sort="views": strictly highest first (pinned or not), items without a count last', async () => {
      const el = await withFeed(jsonFeed(specs), { sort: 'views' });
      // pin-old has 1 view: "Đọc nhiều" is about reading, not about what the editor pinned.
      expect(order(el)).to.deep.equal(['c', 'b', 'a', 'pin-old', 'nodate1', 'nodate2', 'pin-new']);
    });

    it('reads an unknown sort as published', async () => {
      const el = await withFeed(jsonFeed(specs), { sort: 'random' as 'views' });
      expect(order(el)).to.deep.equal(['pin-new', 'pin-old', 'b', 'c', 'a', 'nodate1', 'nodate2']);
    });

    it('sorts an item with only an update date by it, the date it prints', async () => {
      const doc = jsonFeed([
        { id: 'old', published: '2020-01-01T08:00:00+07:00' },
        { id: 'new', modified: '2024-06-01T08:00:00+07:00' },
        { id: 'mid', published: '2022-03-01T08:00:00+07:00' },
      ]);
      const el = await withFeed(doc);
      expect(order(el)).to.deep.equal(['new', 'mid', 'old']);
      expect(items(el)[0].querySelector('time')!.textContent).to.equal('01/06/2024');
    });

    it('never prints a date for an undated item', async () => {
      const el = await withFeed(jsonFeed(specs));
      const undated = items(el)[5];
      absent(undated.querySelector('time'), 'a <time>');
      expect(text(undated)).to.equal('Tin nodate1');
    });
  });

  describe('when "Xem thêm" is pressed', () => {
    it('reveals the next `limit` items, says so politely, and moves focus to the first new one', async () => {
      const el = await settled(
        await fixture<CivicBulletinList>(
          html`<civic-bulletin-list src=${PAGE1} limit="5"></civic-bulletin-list>`,
        ),
      );
      expect(items(el).length).to.equal(5);
      const more = moreButton(el)!;
      expect(more.tagName).to.equal('BUTTON');
      expect(more.textContent.trim()).to.equal('Xem thêm');
      expect(live(el)).to.equal('');
      // The keyboard path: Enter on the focused button.
      more.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => items(el).length === 10, 'five more items');
      await el.updateComplete;
      expect(live(el)).to.equal('Đang hiển thị 10 tin');
      focused(el, items(el)[5]?.querySelector('a.title'), 'the sixth link');
      expect(shadow(el).activeElement?.textContent).to.equal('Bài số 06');
    });

    it('follows next_url over HTTP when the loaded items run out, drops duplicates, then disappears', async () => {
      const el = await settled(
        await fixture<CivicBulletinList>(
          html`<civic-bulletin-list src=${PAGE1}></civic-bulletin-list>`,
        ),
      );
      expect(items(el).length).to.equal(10);
      const loaded = oneEvent<CivicFeedLoadEvent>(el, 'civic-feed-load');
      moreButton(el)!.click();
      const { detail } = await loaded;
      expect(detail.url).to.match(/\/tests\/fixtures\/bulletin-list\/page2\.json$/);
      await waitUntil(() => items(el).length === 20, 'page 2 appended');
      await el.updateComplete;
      expect(live(el)).to.equal('Đang hiển thị 20 tin');
      expect(shadow(el).activeElement?.textContent).to.equal('Bài số 11');
      // Page 2 repeats p12; it is shown once, and the twenty are in date order.
      const shown = titles(el);
      expect(new Set(shown).size).to.equal(20);
      expect(shown).to.deep.equal(
        Array.from({ length: 20 }, (_, i) => `Bài số ${String(i + 1).padStart(2, '0')}`),
      );
      // Page 2 has no next_url and everything is shown.
      absent(moreButton(el), '"Xem thêm"');
      await expect(el).to.be.accessible();
    });

    it('stops at a page that repeats itself: no duplicates, no loop, focus stays in the list', async () => {
      const el = await withFeed(
        jsonFeed(
          [
            { id: 'd1', published: '2020-07-02T08:00:00+07:00' },
            { id: 'd2', published: '2020-07-01T08:00:00+07:00' },
          ],
          {
            next_url: '/tests/fixtures/bulletin-list/repeat.json',
          },
        ),
        { limit: 2 },
      );
      const more = moreButton(el)!;
      more.focus();
      more.click();
      await waitUntil(() => !moreButton(el), 'the button goes once nothing is left');
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['Tin d1', 'Tin d2']);
      expect(live(el)).to.equal('Đang hiển thị 2 tin');
      focused(el, items(el)[1]?.querySelector('a'), 'the last link');
    });

    it('says so and keeps the button when the next page fails', async () => {
      const el = await withFeed(
        jsonFeed([{ id: 'x', published: '2020-07-01T08:00:00+07:00' }], {
          next_url: '/tests/fixtures/bulletin-list/no-such-page.json',
        }),
        { limit: 1 },
      );
      expect(items(el).length).to.equal(1);
      const failed = oneEvent<CivicFeedErrorEvent>(el, 'civic-feed-error');
      moreButton(el)!.click();
      const { detail } = await failed;
      expect(detail.error.message).to.match(/^HTTP 404 for /);
      await waitUntil(() => live(el) === 'Không tải được tin.', 'the failure is announced');
      expect(items(el).length).to.equal(1);
      expect(moreButton(el)).to.exist;
    });
  });

  describe('when its <civic-feed> refreshes', () => {
    it('keeps what the reader opened with "Xem thêm", next_url pages included', async () => {
      const provider = await fixture<CivicFeed>(
        html`<civic-feed src=${PAGE1}
          ><civic-bulletin-list limit="5"></civic-bulletin-list
        ></civic-feed>`,
      );
      const el = await settled(provider.querySelector('civic-bulletin-list')!);
      moreButton(el)!.click();
      await waitUntil(() => items(el).length === 10, 'five more items');
      moreButton(el)!.click();
      await waitUntil(() => items(el).length === 15, 'the next page followed');
      const opened = titles(el);
      // A reload of the same feed, as `refresh` makes one (only the provider's own load counts).
      const reloaded = new Promise<void>((resolve) => {
        const onLoad = (e: Event) => {
          if (e.target !== provider) return;
          provider.removeEventListener('civic-feed-load', onLoad);
          resolve();
        };
        provider.addEventListener('civic-feed-load', onLoad);
      });
      provider.reload();
      await reloaded;
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(opened);
      expect(moreButton(el), 'page 2 still has items to show').to.exist;
    });
  });

  describe('when filtered', () => {
    const specs: ItemSpec[] = [
      {
        id: 'a',
        category: 'Thông báo',
        tags: ['Cải cách hành chính'],
        published: '2020-07-03T08:00:00+07:00',
      },
      {
        id: 'b',
        category: 'An toàn giao thông',
        tags: ['Giao thông'],
        published: '2020-07-02T08:00:00+07:00',
      },
      {
        id: 'c',
        category: 'thông báo',
        tags: ['Tuyển sinh', 'Giáo dục'],
        published: '2020-07-01T08:00:00+07:00',
      },
    ];
    const order = (el: CivicBulletinList) => titles(el).map((t) => t.replace('Tin ', ''));

    it('keeps the items of one category, ignoring case and surrounding spaces', async () => {
      const el = await withFeed(jsonFeed(specs), { category: '  THÔNG BÁO ' });
      expect(order(el)).to.deep.equal(['a', 'c']);
    });

    it('matches the whole category, not a part of it', async () => {
      const el = await withFeed(jsonFeed(specs), { category: 'Thông' });
      expect(text(shadow(el))).to.equal('Chưa có tin');
    });

    it('keeps the items with a tag; comma-separated tags match any, spaces stay inside a tag', async () => {
      const el = await withFeed(jsonFeed(specs), { tag: 'cải cách hành chính' });
      expect(order(el)).to.deep.equal(['a']);
      el.tag = 'Giao thông, giáo dục';
      await el.updateComplete;
      expect(order(el)).to.deep.equal(['b', 'c']);
    });

    it('needs both when both are given', async () => {
      const el = await withFeed(jsonFeed(specs), { category: 'Thông báo', tag: 'Giáo dục' });
      expect(order(el)).to.deep.equal(['c']);
    });

    it('says "Chưa có tin" when nothing passes, and passes axe', async () => {
      const el = await withFeed(jsonFeed(specs), { tag: 'Thể thao' });
      expect(text(shadow(el))).to.equal('Chưa có tin');
      absent(shadow(el).querySelector('ul'), 'the list');
      await expect(el).to.be.accessible();
    });

    it('starts paging over when the filter changes', async () => {
      const many = Array.from({ length: 6 }, (_, i) => ({
        id: `n${i}`,
        category: 'Thông báo',
        published: `2020-07-0${i + 1}T08:00:00+07:00`,
      }));
      const el = await withFeed(jsonFeed(many), { limit: 2 });
      moreButton(el)!.click();
      await waitUntil(() => items(el).length === 4);
      el.category = 'thông báo';
      await el.updateComplete;
      expect(items(el).length).to.equal(2);
    });
  });

  describe('when items are recent', () => {
    let clock: sinon.SinonFakeTimers;
    afterEach(() => clock?.restore());
    const specs: ItemSpec[] = [
      { id: 'today', published: '2020-07-16T08:00:00+07:00' },
      {
        id: 'two-days',
        published: '2020-07-14T09:00:00+07:00',
        modified: '2020-07-16T09:00:00+07:00',
      },
      {
        id: 'four-days',
        published: '2020-07-12T08:00:00+07:00',
        modified: '2020-07-16T07:00:00+07:00',
      },
      { id: 'undated' },
    ];
    const badged = (el: CivicBulletinList) =>
      items(el)
        .filter((li) => li.querySelector('[part=badge]'))
        .map((li) => li.querySelector('.title')!.textContent.replace('Tin ', ''));

    it('moves its badges and relative dates on as the clock does, with no new data', async () => {
      // The clock runs (waitUntil's polls), and can be moved on.
      clock = sinon.useFakeTimers({
        now: Date.parse('2020-07-16T12:00:00+07:00'),
        toFake: ['Date', 'setTimeout', 'clearTimeout'],
        shouldAdvanceTime: true,
      });
      const el = await withFeed(jsonFeed(specs), { dateFormat: 'relative' });
      const dates = () => items(el).map((li) => li.querySelector('time')?.textContent ?? '');
      await waitUntil(() => dates()[0] === '4 giờ trước', `dates: ${dates().join(', ')}`);
      expect(badged(el)).to.deep.equal(['today', 'two-days']);
      // A day later, the page left open: before, "4 giờ trước" and both badges stayed.
      await clock.tickAsync(24 * 3600_000);
      await el.updateComplete;
      await waitUntil(() => dates()[0] === 'Hôm qua', `dates: ${dates().join(', ')}`);
      expect(badged(el)).to.deep.equal(['today']);
    });

    it('badges items published less than 3 days ago, counting from publication, not update', async () => {
      clock = sinon.useFakeTimers({
        now: Date.parse('2020-07-16T12:00:00+07:00'),
        toFake: ['Date'],
      });
      const el = await withFeed(jsonFeed(specs));
      expect(badged(el)).to.deep.equal(['today', 'two-days']);
    });

    it('shows "Mới" and tells screen readers "Tin mới", and passes axe', async () => {
      clock = sinon.useFakeTimers({
        now: Date.parse('2020-07-16T12:00:00+07:00'),
        toFake: ['Date'],
      });
      const el = await withFeed(jsonFeed(specs));
      const badge = items(el)[0].querySelector('[part=badge]')!;
      expect(badge.querySelector('[aria-hidden=true]')!.textContent).to.equal('Mới');
      expect(badge.querySelector('.visually-hidden')!.textContent).to.equal('Tin mới');
      // The link's name stays the title: the badge sits beside it.
      expect(items(el)[0].querySelector('a')!.textContent).to.equal('Tin today');
      await expect(el).to.be.accessible();
    });

    it('follows new-days, and new-days="0" turns the badge off', async () => {
      clock = sinon.useFakeTimers({
        now: Date.parse('2020-07-16T12:00:00+07:00'),
        toFake: ['Date'],
      });
      const el = await withFeed(jsonFeed(specs), { newDays: 5 });
      expect(badged(el)).to.deep.equal(['today', 'two-days', 'four-days']);
      el.setAttribute('new-days', '0');
      await el.updateComplete;
      expect(badged(el)).to.deep.equal([]);
      // Taking the attribute away goes back to the default of 3 (it read as 0: no badges).
      el.removeAttribute('new-days');
      await el.updateComplete;
      expect(badged(el)).to.deep.equal(['today', 'two-days']);
    });

    it('keeps the badge a visible box, and featured items marked, in forced colours', async () => {
      clock = sinon.useFakeTimers({
        now: Date.parse('2020-07-16T12:00:00+07:00'),
        toFake: ['Date'],
      });
      await emulateMedia({ forcedColors: 'active' });
      try {
        const el = await withFeed(
          jsonFeed([{ id: 'today', published: '2020-07-16T08:00:00+07:00', featured: true }]),
        );
        const badge = getComputedStyle(shadow(el).querySelector('[part=badge]')!);
        expect(badge.borderTopStyle).to.equal('solid');
        expect(badge.borderTopColor).not.to.equal('rgba(0, 0, 0, 0)');
        expect(getComputedStyle(items(el)[0]).borderInlineStartWidth).to.equal('4px');
      } finally {
        await emulateMedia({ forcedColors: 'none' });
      }
    });

    it('drops the badge once the article is old enough', async () => {
      clock = sinon.useFakeTimers({
        now: Date.parse('2020-07-19T08:00:01+07:00'),
        toFake: ['Date'],
      });
      const el = await withFeed(jsonFeed(specs));
      expect(badged(el)).to.deep.equal([]);
    });
  });

  describe('when items are featured', () => {
    it('marks them with the featured class and part', async () => {
      const el = await withFeed(
        jsonFeed([
          { id: 'plain', published: '2020-07-02T08:00:00+07:00' },
          { id: 'star', published: '2020-07-01T08:00:00+07:00', featured: true },
        ]),
      );
      const [plain, star] = items(el);
      expect(plain.className).to.equal('item');
      expect(plain.getAttribute('part')).to.equal('item');
      expect(star.classList.contains('featured')).to.be.true;
      expect(star.getAttribute('part')).to.equal('item featured');
      expect(getComputedStyle(star).borderInlineStartWidth).not.to.equal(
        getComputedStyle(plain).borderInlineStartWidth,
      );
    });
  });

  describe('when a layout is chosen', () => {
    const specs: ItemSpec[] = [
      {
        id: 'pic',
        published: '2020-07-02T08:00:00+07:00',
        summary: 'Có ảnh.',
        image: '/tests/fixtures/bulletin-list/image.svg',
      },
      { id: 'nopic', published: '2020-07-01T08:00:00+07:00', summary: 'Không ảnh.', views: 2007 },
    ];

    for (const layout of ['list', 'compact', 'grid', 'ticker'] as const) {
      it(`${layout}: a real ul of li with title links and <time>, and passes axe`, async () => {
        const el = await withFeed(jsonFeed(specs), { layout });
        const ul = shadow(el).querySelector('ul')!;
        expect(ul.getAttribute('part')).to.equal('list');
        expect([...ul.children].map((c) => c.tagName)).to.deep.equal(['LI', 'LI']);
        for (const li of items(el)) {
          expect(li.querySelector('a[part=title]')!.getAttribute('target')).to.equal(null);
          expect(li.querySelector('[part=meta] time')).to.exist;
        }
        await expect(el).to.be.accessible();
      });
    }

    it('list and grid show the summary; compact and ticker do not', async () => {
      for (const [layout, has] of [
        ['list', true],
        ['grid', true],
        ['compact', false],
        ['ticker', false],
      ] as const) {
        const el = await withFeed(jsonFeed(specs), { layout });
        expect(!!shadow(el).querySelector('[part=summary]'), layout).to.equal(has);
      }
    });

    it('compact keeps title and date on one line', async () => {
      const el = await withFeed(jsonFeed(specs), { layout: 'compact' });
      const li = items(el)[0];
      const title = li.querySelector('.title')!.getBoundingClientRect();
      const time = li.querySelector('time')!.getBoundingClientRect();
      expect(Math.abs(title.top - time.top)).to.be.lessThan(title.height);
    });

    it('grid draws a picture box only for a card with a picture', async () => {
      const el = await withFeed(jsonFeed(specs), { layout: 'grid' });
      const [pic, nopic] = items(el);
      const img = pic.querySelector<HTMLImageElement>('[part=image] img')!;
      expect(img.getAttribute('alt')).to.equal('');
      const box = pic.querySelector('[part=image]')!.getBoundingClientRect();
      expect(box.height).to.be.closeTo((box.width * 9) / 16, 1);
      absent(nopic.querySelector('[part=image]'), 'an empty picture box');
      expect(getComputedStyle(shadow(el).querySelector('ul')!).display).to.equal('grid');
    });

    it('grid takes the picture box away when the picture cannot be loaded', async () => {
      const broken = specs.map((x, i) => (i === 0 ? { ...x, image: '/faults/404' } : x));
      const el = await withFeed(jsonFeed(broken), { layout: 'grid' });
      const box = items(el)[0].querySelector('[part=image]');
      await waitUntil(
        () => box?.getClientRects().length === 0,
        'the box of a missing picture stays, empty',
      );
      expect(items(el)[0].querySelector('.title')!.getClientRects().length).to.be.above(0);
    });

    it('ticker has no "Xem thêm", and a pause toggle that stops the motion', async () => {
      const many = Array.from({ length: 12 }, (_, i) => ({
        id: `t${i}`,
        published: '2020-07-01T08:00:00+07:00',
      }));
      const el = await withFeed(jsonFeed(many), { layout: 'ticker' });
      expect(items(el).length).to.equal(10);
      absent(moreButton(el), '"Xem thêm"');
      const pause = shadow(el).querySelector<HTMLButtonElement>('button[part=pause]')!;
      expect(pause.getAttribute('aria-pressed')).to.equal('false');
      expect(pause.textContent.trim()).to.equal('Tạm dừng');
      pause.click();
      await el.updateComplete;
      expect(pause.getAttribute('aria-pressed')).to.equal('true');
      // Paused, the headlines stand still as a wrapping list: each can be read whole.
      const ul = shadow(el).querySelector('ul')!;
      expect(getComputedStyle(ul).animationName).to.equal('none');
      expect(getComputedStyle(ul).flexWrap).to.equal('wrap');
      const viewport = shadow(el).querySelector('.ticker-viewport')!.getBoundingClientRect();
      for (const li of items(el)) {
        const box = li.getBoundingClientRect();
        expect(box.right, li.textContent).to.be.at.most(viewport.right + 1);
      }
    });

    it('ticker takes the width it is given, in a table cell, a flex item or an inline-block', async () => {
      const specs = Array.from({ length: 10 }, (_, i) => ({
        id: `w${i}`,
        title: `Tin số ${i}: thông báo lịch tiếp công dân`,
        published: '2020-07-01T08:00:00+07:00',
      }));
      const wrap = await fixture<HTMLElement>(html`
        <div style="width: 390px">
          <table style="width: 100%; border-collapse: collapse">
            <tr>
              <td style="width: 200px; padding: 0">
                <civic-bulletin-list layout="ticker" .feed=${jsonFeed(specs)}></civic-bulletin-list>
              </td>
              <td>Nội dung chính</td>
            </tr>
          </table>
          <div style="display: flex">
            <div style="flex: 1">
              <civic-bulletin-list layout="ticker" .feed=${jsonFeed(specs)}></civic-bulletin-list>
            </div>
          </div>
          <div style="display: inline-block; max-width: 100%">
            <civic-bulletin-list layout="ticker" .feed=${jsonFeed(specs)}></civic-bulletin-list>
          </div>
        </div>
      `);
      for (const el of wrap.querySelectorAll('civic-bulletin-list')) await settled(el);
      // Before: the line of headlines was each widget's minimum width, about 1,460 px.
      for (const el of wrap.querySelectorAll('civic-bulletin-list'))
        expect(el.getBoundingClientRect().width).to.be.at.most(390);
      expect(wrap.querySelector('td')!.getBoundingClientRect().width).to.be.at.most(210);
    });

    it('ticker moves at one readable pace, however many headlines it has', async () => {
      await emulateMedia({ reducedMotion: 'no-preference' });
      const headlines = (n: number) =>
        Array.from({ length: n }, (_, i) => ({
          id: `p${n}-${i}`,
          title: `Tin số ${i}: hướng dẫn đăng ký thường trú qua dịch vụ công trực tuyến`,
          published: '2020-07-01T08:00:00+07:00',
        }));
      const speedOf = async (n: number) => {
        const el = await withFeed(jsonFeed(headlines(n)), { layout: 'ticker', limit: n });
        const ul = shadow(el).querySelector('ul')!;
        await waitUntil(() => ul.style.animationDuration !== '', 'never paced');
        return ul.scrollWidth / Number.parseFloat(getComputedStyle(ul).animationDuration);
      };
      // Before: 40 s for any list, so ten headlines ran three times as fast as three.
      for (const n of [3, 10]) expect(await speedOf(n), `${n} headlines`).to.be.closeTo(60, 1);
      // A site's own duration wins.
      const el = await fixture<HTMLElement>(
        html`<civic-bulletin-list
          layout="ticker"
          .feed=${jsonFeed(headlines(5))}
          style="--civic-bulletin-list-ticker-duration: 99s"
        ></civic-bulletin-list>`,
      );
      const ul = (await settled(el as CivicBulletinList)).shadowRoot!.querySelector('ul')!;
      expect(getComputedStyle(ul).animationDuration).to.equal('99s');
    });

    it('ticker runs towards the start of the line, right to left in a right-to-left page', async () => {
      const many = Array.from({ length: 8 }, (_, i) => ({
        id: `t${i}`,
        published: '2020-07-01T08:00:00+07:00',
      }));
      const shiftAt = async (dir: 'ltr' | 'rtl') => {
        const wrap = await fixture<HTMLElement>(
          html`<div dir=${dir} style="width: 300px">
            <civic-bulletin-list layout="ticker" .feed=${jsonFeed(many)}></civic-bulletin-list>
          </div>`,
        );
        const el = await settled(wrap.querySelector('civic-bulletin-list')!);
        const ul = shadow(el).querySelector('ul')!;
        const viewport = shadow(el).querySelector('.ticker-viewport')!.getBoundingClientRect();
        const [motion] = ul.getAnimations();
        motion.pause();
        // A quarter of the way: a quarter of the list has gone by, and headlines still show.
        motion.currentTime = Number(motion.effect!.getComputedTiming().duration) / 4;
        const shown = items(el).filter((li) => {
          const box = li.getBoundingClientRect();
          return box.right > viewport.left && box.left < viewport.right;
        });
        expect(shown.length, `${dir}: headlines in view a quarter of the way`).to.be.at.least(1);
        return new DOMMatrix(getComputedStyle(ul).transform).m41;
      };
      expect(await shiftAt('ltr')).to.be.below(0);
      // Before: it ran left too, and after the first headline the box stayed empty.
      expect(await shiftAt('rtl')).to.be.above(0);
    });

    it('ticker shows every focused headline whole, even one wider than its box', async () => {
      await emulateMedia({ reducedMotion: 'no-preference' });
      const many = Array.from({ length: 6 }, (_, i) => ({
        id: `h${i}`,
        title: `Tin dài số ${i}: cảnh báo thủ đoạn lừa đảo qua mạng xã hội, tin nhắn giả danh cơ quan công an`,
        published: '2020-07-01T08:00:00+07:00',
      }));
      const wrap = await fixture<HTMLDivElement>(
        html`<div style="width: 320px">
          <button>before</button
          ><civic-bulletin-list layout="ticker" .feed=${jsonFeed(many)}></civic-bulletin-list>
        </div>`,
      );
      const el = await settled(wrap.querySelector('civic-bulletin-list')!);
      wrap.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      const viewport = shadow(el).querySelector('.ticker-viewport')!;
      for (let i = 0; i < 6; i++) {
        await sendKeys({ press: 'Tab' });
        const link = shadow(el).activeElement as HTMLAnchorElement;
        const box = viewport.getBoundingClientRect();
        const at = link.getBoundingClientRect();
        // Before: on one line, a headline wider than the box showed only its middle.
        expect(getComputedStyle(shadow(el).querySelector('ul')!).flexWrap).to.equal('wrap');
        expect(at.width, 'the headline fits the viewport').to.be.at.most(box.width + 1);
        expect(at.left, link.textContent).to.be.at.least(box.left - 1);
        expect(at.right, link.textContent).to.be.at.most(box.right + 1);
      }
    });

    it('ticker stops for the keyboard, shows the focused link, and rewinds when focus leaves', async () => {
      await emulateMedia({ reducedMotion: 'no-preference' });
      const many = Array.from({ length: 8 }, (_, i) => ({
        id: `headline-${i}`,
        published: '2020-07-01T08:00:00+07:00',
      }));
      const wrap = await fixture<HTMLDivElement>(
        html`<div>
          <button>before</button
          ><civic-bulletin-list layout="ticker" .feed=${jsonFeed(many)}></civic-bulletin-list>
        </div>`,
      );
      wrap.style.width = '360px';
      const el = await settled(wrap.querySelector('civic-bulletin-list')!);
      wrap.querySelector('button')!.focus();
      // Tạm dừng first, so the keyboard can stop the motion before meeting the links.
      await sendKeys({ press: 'Tab' });
      const first = shadow(el).activeElement;
      expect(first === shadow(el).querySelector('button[part=pause]'), 'pause first').to.be.true;
      for (let i = 0; i < 7; i++) await sendKeys({ press: 'Tab' });
      const link = shadow(el).activeElement as HTMLAnchorElement;
      expect(link.textContent).to.equal('Tin headline-6');
      const viewport = shadow(el).querySelector('.ticker-viewport')!;
      const box = viewport.getBoundingClientRect();
      const at = link.getBoundingClientRect();
      const ul = shadow(el).querySelector('ul')!;
      expect(getComputedStyle(ul).animationName).to.equal('none');
      expect(at.left).to.be.at.least(box.left - 1);
      expect(at.right).to.be.at.most(box.right + 1);
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(shadow(el).activeElement === null, 'focus left the ticker').to.be.true;
      // Focus gone, it is a moving line again, from its start.
      expect(getComputedStyle(ul).flexWrap).to.equal('nowrap');
      expect(getComputedStyle(ul).animationName).to.equal('civic-ticker');
      expect(viewport.scrollLeft).to.equal(0);
    });

    it('reads an unknown layout as list', async () => {
      const warn = sinon.stub(console, 'warn');
      try {
        const el = await withFeed(jsonFeed(specs), { layout: 'carousel' as 'list' });
        expect(shadow(el).querySelector('.layout-list')).to.exist;
        await waitUntil(
          () => warn.calledWithMatch('layout="carousel" is not one of list, compact, grid, ticker'),
          'the warning (its words come with the extras chunk)',
        );
      } finally {
        warn.restore();
      }
    });
  });

  describe('when printed', () => {
    afterEach(() => emulateMedia({ media: 'screen' }));

    it('prints the ticker as a still, wrapping list, and no buttons', async () => {
      await emulateMedia({ reducedMotion: 'no-preference' });
      const many = Array.from({ length: 12 }, (_, i) => ({
        id: `t${i}`,
        published: '2020-07-01T08:00:00+07:00',
      }));
      const ticker = await withFeed(jsonFeed(many), { layout: 'ticker' });
      const list = await withFeed(jsonFeed(many), { limit: 3 });
      await emulateMedia({ media: 'print' });
      const ul = shadow(ticker).querySelector('ul')!;
      // Before: one moving line, cut at the box's edge, with "Tạm dừng" and "Xem thêm".
      expect(getComputedStyle(ul).animationName).to.equal('none');
      expect(getComputedStyle(ul).flexWrap).to.equal('wrap');
      const pause = shadow(ticker).querySelector('button[part=pause]')!;
      expect(getComputedStyle(pause).display).to.equal('none');
      expect(getComputedStyle(moreButton(list)!).display).to.equal('none');
    });
  });

  describe('when the reader prefers reduced motion', () => {
    afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

    it('the ticker moves by CSS animation only when motion is fine', async () => {
      await emulateMedia({ reducedMotion: 'no-preference' });
      const el = await withFeed(jsonFeed([{ id: 'a', published: '2020-07-01T08:00:00+07:00' }]), {
        layout: 'ticker',
      });
      const ul = shadow(el).querySelector('ul')!;
      expect(getComputedStyle(ul).animationName).to.equal('civic-ticker');
      expect(getComputedStyle(ul).flexWrap).to.equal('nowrap');
    });

    it('the ticker becomes a static, wrapping list with no pause button', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const el = await withFeed(jsonFeed([{ id: 'a', published: '2020-07-01T08:00:00+07:00' }]), {
        layout: 'ticker',
      });
      const ul = shadow(el).querySelector('ul')!;
      expect(getComputedStyle(ul).animationName).to.equal('none');
      expect(getComputedStyle(ul).flexWrap).to.equal('wrap');
      expect(getComputedStyle(shadow(el).querySelector('button[part=pause]')!).display).to.equal(
        'none',
      );
      await expect(el).to.be.accessible();
    });
  });

  describe('when the page is dark', () => {
    afterEach(() => emulateMedia({ colorScheme: 'light' }));

    it('keeps every layout readable (axe contrast) on a dark page', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const clock = sinon.useFakeTimers({
        now: Date.parse('2020-07-02T12:00:00+07:00'),
        toFake: ['Date'],
      });
      try {
        for (const layout of ['list', 'grid'] as const) {
          const wrap = await fixture<HTMLDivElement>(
            html`<div class="dark-page">
              <civic-bulletin-list
                layout=${layout}
                show-views
                .feed=${jsonFeed([
                  {
                    id: 'a',
                    published: '2020-07-02T08:00:00+07:00',
                    summary: 'Mới đăng.',
                    featured: true,
                    views: 12,
                  },
                  { id: 'b', published: '2020-06-01T08:00:00+07:00', summary: 'Cũ hơn.' },
                ])}
              ></civic-bulletin-list>
            </div>`,
          );
          // The page declares its dark scheme: the widgets' light-dark() tokens follow it.
          wrap.style.colorScheme = 'dark';
          wrap.style.background = '#121212';
          wrap.style.color = '#eeeeee';
          const el = await settled(wrap.querySelector('civic-bulletin-list')!);
          expect(shadow(el).querySelector('[part=badge]')).to.exist;
          await expect(wrap).to.be.accessible();
        }
      } finally {
        clock.restore();
      }
    });
  });

  describe('when the language is English', () => {
    let clock: sinon.SinonFakeTimers;
    afterEach(() => clock?.restore());

    it('says More, New, and prints English dates', async () => {
      clock = sinon.useFakeTimers({
        now: Date.parse('2020-07-02T12:00:00+07:00'),
        toFake: ['Date'],
      });
      const el = await withFeed(
        jsonFeed([
          { id: 'a', published: '2020-07-02T08:00:00+07:00' },
          { id: 'b', published: '2020-06-01T08:00:00+07:00' },
        ]),
        { locale: 'en', limit: 1 },
      );
      expect(moreButton(el)!.textContent.trim()).to.equal('More');
      const badge = shadow(el).querySelector('[part=badge]')!;
      expect(badge.querySelector('[aria-hidden=true]')!.textContent).to.equal('New');
      expect(badge.querySelector('.visually-hidden')!.textContent).to.equal('New article');
      expect(items(el)[0].querySelector('time')!.textContent).to.equal('Jul 2, 2020');
      moreButton(el)!.click();
      await waitUntil(() => live(el) === 'Showing 2 articles');
    });

    it('says "No news yet" and "Try again"', async () => {
      const empty = await withFeed(jsonFeed([]), { locale: 'en' });
      expect(text(shadow(empty))).to.equal('No news yet');
      const failed = await settled(
        await fixture<CivicBulletinList>(
          html`<civic-bulletin-list locale="en" src=${NOT_FOUND}></civic-bulletin-list>`,
        ),
      );
      await waitUntil(() => shadow(failed).querySelector('button[part=retry]'));
      expect(shadow(failed).querySelector('button[part=retry]')!.textContent.trim()).to.equal(
        'Try again',
      );
    });
  });

  describe("when the feed's language is not the page's", () => {
    it('marks each headline and summary with it (WCAG 3.1.2), not the dates or the badge', async () => {
      const clock = sinon.useFakeTimers({
        now: Date.parse('2020-07-02T12:00:00+07:00'),
        toFake: ['Date'],
      });
      try {
        const doc = jsonFeed(
          [
            { id: 'a', published: '2020-07-02T08:00:00+07:00', summary: 'Road works on Main St.' },
            { id: 'b', published: '2020-06-02T08:00:00+07:00', url: null },
            { id: 'c', published: '2020-06-01T08:00:00+07:00' },
          ],
          { language: 'en-US' },
        ) as { items: Record<string, unknown>[] };
        // An item in a language of its own keeps it.
        doc.items[2].language = 'fr';
        const el = await withFeed(doc);
        const [a, b, c] = items(el);
        // The flat template (a link and a date), the general one (no link), an item's own.
        expect(a.querySelector('[part=title]')!.getAttribute('lang')).to.equal('en-US');
        expect(a.querySelector('[part=summary]')!.getAttribute('lang')).to.equal('en-US');
        expect(b.querySelector('[part=title]')!.getAttribute('lang')).to.equal('en-US');
        expect(c.querySelector('[part=title]')!.getAttribute('lang')).to.equal('fr');
        // The page's words stay in the page's language: nothing inside the item marks them.
        expect(a.querySelector('time')!.closest('[lang]')).to.equal(null);
        expect(a.querySelector('[part=badge]')!.closest('[lang]')).to.equal(null);
        await expect(el).to.be.accessible();
      } finally {
        clock.restore();
      }
    });

    it('marks nothing when the feed names no language', async () => {
      const el = await withFeed(jsonFeed([{ id: 'a', published: '2020-07-02T08:00:00+07:00' }]));
      expect(shadow(el).querySelector('[lang]')).to.equal(null);
    });
  });

  describe('when labelled and counting views', () => {
    it('names the list with label, and prints "Lượt xem: 2.007" with show-views', async () => {
      const el = await withFeed(
        jsonFeed([{ id: 'a', published: '2020-07-01T08:00:00+07:00', views: 2007 }]),
        {
          label: 'Tin mới nhất',
          showViews: true,
        },
      );
      expect(shadow(el).querySelector('ul')!.getAttribute('aria-label')).to.equal('Tin mới nhất');
      expect(text(items(el)[0].querySelector('[part=meta]')!)).to.equal(
        '01/07/2020 Lượt xem: 2.007',
      );
    });

    it('prints no view count by default', async () => {
      const el = await withFeed(
        jsonFeed([{ id: 'a', published: '2020-07-01T08:00:00+07:00', views: 2007 }]),
      );
      expect(text(items(el)[0])).not.to.contain('Lượt xem');
    });
  });

  describe('when an item has no link', () => {
    it('shows its title as text, and "Xem thêm" focuses the item itself', async () => {
      const el = await withFeed(
        jsonFeed(
          [
            { id: 'a', url: null, published: '2020-07-02T08:00:00+07:00' },
            { id: 'b', url: null, published: '2020-07-01T08:00:00+07:00' },
          ],
          { title: 'Thông báo' },
        ),
        { limit: 1 },
      );
      absent(items(el)[0].querySelector('a'), 'a link');
      expect(items(el)[0].querySelector('span[part=title]')!.textContent).to.equal('Tin a');
      moreButton(el)!.click();
      await waitUntil(() => items(el).length === 2);
      await waitUntil(() => shadow(el).activeElement === items(el)[1]);
      await expect(el).to.be.accessible();
    });
  });

  describe('when a time zone is set', () => {
    it('prints dates in time-zone rather than the feed zone', async () => {
      const el = await withFeed(jsonFeed([{ id: 'a', published: '2020-07-01T08:00:00+07:00' }]), {
        timeZone: 'America/New_York',
      });
      expect(items(el)[0].querySelector('time')!.textContent).to.equal('30/06/2020');
      el.dateFormat = 'datetime';
      await el.updateComplete;
      expect(items(el)[0].querySelector('time')!.textContent).to.equal('30/06/2020 21:00');
    });
  });

  describe('when date-format is set', () => {
    const doc = () => jsonFeed([{ id: 'a', published: '2020-07-16T11:05:42+07:00' }]);
    const printed = (el: CivicBulletinList) => items(el)[0].querySelector('time')!.textContent;

    it("date (default): 16/07/2020, in the publisher's zone", async () => {
      expect(printed(await withFeed(doc()))).to.equal('16/07/2020');
    });

    it('datetime: 16/07/2020 11:05, to the minute', async () => {
      const el = await withFeed(doc(), { dateFormat: 'datetime' });
      expect(printed(el)).to.equal('16/07/2020 11:05');
      expect(items(el)[0].querySelector('time')!.getAttribute('datetime')).to.equal(
        '2020-07-16T04:05:42.000Z',
      );
    });

    it('relative: "2 giờ trước" via Intl.RelativeTimeFormat, in the page language', async () => {
      const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000 - 60_000).toISOString();
      const fresh = jsonFeed([{ id: 'a', published: twoHoursAgo }]);
      expect(printed(await withFeed(fresh, { dateFormat: 'relative' }))).to.equal('2 giờ trước');
      const en = await withFeed(fresh, { dateFormat: 'relative', locale: 'en' });
      expect(printed(en)).to.equal('2 hours ago');
      const old = await withFeed(doc(), { dateFormat: 'relative' });
      expect(printed(old)).to.match(/năm trước$/);
    });

    it('reads an unknown value as date', async () => {
      expect(printed(await withFeed(doc(), { dateFormat: 'soon' as 'date' }))).to.equal(
        '16/07/2020',
      );
    });
  });

  describe('when the feed is long', () => {
    const thousand = () =>
      jsonFeed(
        Array.from({ length: 1000 }, (_, i) => ({
          id: `n${i}`,
          published: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString(),
          summary: `Tóm tắt ${i}.`,
          views: i,
        })),
      );

    it('limit="1000" renders 1,000 items', async () => {
      const el = await withFeed(thousand(), { limit: 1000 });
      expect(items(el).length).to.equal(1000);
      absent(moreButton(el), '"Xem thêm"');
      // Newest first: the last generated item is on top.
      expect(titles(el)[0]).to.equal('Tin n999');
    });

    it('the default limit shows 10 and offers more; a bad limit reads as 10', async () => {
      const el = await withFeed(thousand());
      expect(items(el).length).to.equal(10);
      expect(moreButton(el)).to.exist;
      el.setAttribute('limit', 'many');
      await el.updateComplete;
      expect(items(el).length).to.equal(10);
    });
  });

  describe('when it leaves the page while a page loads', () => {
    it('throws nothing and stops', async () => {
      const gate = key();
      const el = await withFeed(
        jsonFeed([{ id: 'x', published: '2020-07-01T08:00:00+07:00' }], {
          next_url: `/bulletin-list/hold/${gate}`,
        }),
        { limit: 1 },
      );
      moreButton(el)!.click();
      el.remove();
      await fetch(`/bulletin-list/release/${gate}`, { method: 'POST' });
      await aTimeout(0);
      expect(items(el).length).to.equal(1);
    });
  });
});

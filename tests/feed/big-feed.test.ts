/**
 * Issue #13, big feeds: a JSON Feed is sorted on a cheap read of its dates and read in
 * full only as far as a list shows it (parse-json.ts `readerOf`, order.ts
 * `firstArticles`); `feed.items` and `warnings` are still what a full read gives, and past
 * `maxItems` the newest items are kept. Behaviour only: how long it takes is measured by
 * `npm run bench`, never here.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import fc from 'fast-check';
import sinon from 'sinon';
import '../../src/components/bulletin-list/bulletin-list.define.js';
import type { CivicBulletinList } from '../../src/components/bulletin-list/bulletin-list.js';
import '../../src/components/article-card/article-card.define.js';
import type { CivicArticleCard } from '../../src/components/article-card/article-card.js';
import type { CivicFeedLoadEvent } from '../../src/components/shared/events.js';
import type { Article, FeedWarning, ItemReader } from '../../src/feed/model.js';
import {
  filterArticles,
  firstArticles,
  orderArticles,
  parseFilter,
  type SortKey,
} from '../../src/feed/order.js';
import { MAX_ITEMS, readItem, readJsonFeed, readerOf } from '../../src/feed/parse-json.js';
import { parseFeed, toFeed } from '../../src/feed/parse.js';
import { Warnings, parseRfc3339, usualRfc3339 } from '../../src/feed/values.js';

const VERSION = 'https://jsonfeed.org/version/1.1';
const HOUR = 3_600_000;
const NOW = Date.parse('2026-06-01T00:00:00Z');

const shadow = (el: CivicBulletinList) => el.shadowRoot!;
const titles = (el: CivicBulletinList) =>
  [...shadow(el).querySelectorAll('ul[part=list] > li .title')].map((t) => t.textContent.trim());
const moreButton = (el: CivicBulletinList) =>
  shadow(el).querySelector<HTMLButtonElement>('button[part=more]');
/** What the console was told, one line per warning. */
const said = (warn: sinon.SinonStub) => warn.getCalls().map((c) => String(c.args[0]));

type Raw = Record<string, unknown>;

/** An ordinary item: `hoursAgo` sets its publication date. */
const item = (i: number, hoursAgo: number, extra: Raw = {}): Raw => ({
  id: `t${i}`,
  url: `https://tinh.example/tin/${i}`,
  title: `Tin ${i}`,
  date_published: new Date(NOW - hoursAgo * HOUR).toISOString(),
  ...extra,
});

/**
 * The list every test here compares with: what a careful hand-written page shows from
 * `valid` items (index, hours ago, pinned), pinned first, then newest, ties in document
 * order.
 */
function expectedOrder(valid: { i: number; ago: number; pinned: boolean }[]): string[] {
  return [...valid]
    .sort((a, b) => Number(b.pinned) - Number(a.pinned) || a.ago - b.ago || a.i - b.i)
    .map((x) => `Tin ${x.i}`);
}

describe('big JSON feeds', function () {
  this.timeout(60_000);
  let idle: sinon.SinonStub;
  let warn: sinon.SinonStub;
  beforeEach(() => {
    // The warnings of items no one has shown come once the page is idle: the tests say when.
    idle = sinon.stub(window, 'requestIdleCallback').returns(0);
    warn = sinon.stub(console, 'warn');
  });
  afterEach(() => {
    idle.restore();
    warn.restore();
  });

  it('10,000 items as .feed, limit 10: the right ten; bad items where nothing is shown are read only once the page is idle, and those past the cap never', async () => {
    const N = 10_000;
    // Dates in no particular order (7919 is prime to 10,000: every hour from 0 to 9,999 once).
    const ago = (i: number) => (i * 7919) % N;
    const at = (rank: number) => (rank * 7679) % N; // 7679 · 7919 ≡ 1 (mod 10,000): ago(at(r)) = r
    const pinned = [4321, 8765];
    const items: unknown[] = [];
    for (let i = 0; i < N; i++)
      items.push(item(i, ago(i), pinned.includes(i) ? { _civic: { pinned: true } } : {}));
    const raw = (i: number) => items[i] as Raw;
    const read = new Set<number>();
    const countReads = (i: number) =>
      Object.defineProperty(raw(i), 'title', {
        enumerable: true,
        get: () => (read.add(i), `Tin ${i}`),
      });
    // Near the top: an item with nothing to show (skipped, and warned about as the list
    // reads past it), and a shown item with a bad image (its warning comes with it).
    const skipped = at(1);
    delete raw(skipped).title;
    delete raw(skipped).url;
    const badImage = at(2);
    raw(badImage).image = 'javascript:alert(1)';
    // Kept by the cap (the newest 1,000) but never shown: bad items, and items that count
    // every time something reads their title.
    const far = [500, 501, 502, 503, 504].map(at);
    raw(far[0]).url = 'javascript:alert(1)';
    delete raw(far[1]).title;
    raw(far[2])._civic = { views: -1 };
    countReads(far[3]);
    countReads(far[4]);
    // Past the cap: never read at all.
    const past = at(9000);
    countReads(past);
    const doc = { version: VERSION, title: 'Mười nghìn tin', items };

    const el = await fixture<CivicBulletinList>(
      html`<civic-bulletin-list .feed=${doc} limit="10"></civic-bulletin-list>`,
    );
    await el.updateComplete;

    // The right ten: both pinned items (newest first; far past the first 1,000 in the
    // document), then the newest, past the skipped one.
    const valid = items.flatMap((_, i) =>
      i === skipped || i === far[1] ? [] : [{ i, ago: ago(i), pinned: pinned.includes(i) }],
    );
    const ten = expectedOrder(valid).slice(0, 10);
    expect(titles(el)).to.deep.equal(ten);
    expect(ten.slice(0, 2).sort()).to.deep.equal(['Tin 4321', 'Tin 8765']);
    expect(ten).to.include(`Tin ${badImage}`);
    expect(moreButton(el) !== null, '"Xem thêm"').to.be.true;
    // Read in full: what is shown, and what the list passed on the way; not the rest.
    expect([...read], 'never-shown items read in full').to.deep.equal([]);
    const lines = said(warn);
    expect(lines).to.include(
      `civic-widgets: items[${skipped}]: has neither a title nor any content; skipped`,
    );
    expect(lines.some((l) => l.startsWith(`civic-widgets: items[${badImage}].image: `))).to.be.true;
    expect(lines).to.include(
      'civic-widgets: items: has 10000 items; only the newest 1000 are read',
    );
    for (const i of far)
      expect(
        lines.some((l) => l.includes(`items[${i}]`)),
        `items[${i}] not yet`,
      ).to.be.false;

    // Once the page is idle, the kept items are read and their warnings come, with paths.
    expect(idle.called).to.be.true;
    for (const call of idle.getCalls()) (call.args[0] as () => void)();
    const later = said(warn);
    expect(later.some((l) => l.startsWith(`civic-widgets: items[${far[0]}].url: `))).to.be.true;
    expect(later).to.include(
      `civic-widgets: items[${far[1]}]: has neither a title nor any content; skipped`,
    );
    expect(later).to.include(
      `civic-widgets: items[${far[2]}]._civic.views: -1 is not a non-negative integer`,
    );
    expect(read.has(far[3]) && read.has(far[4]), 'kept items read once idle').to.be.true;
    expect(read.has(past), 'an item past the cap read').to.be.false;
    expect(later.some((l) => l.includes(`items[${past}]`))).to.be.false;
    expect(titles(el)).to.deep.equal(ten);
  });

  it('an item "Xem thêm" reveals is read, and its warnings said, by the time it is shown, not before the list gets near it', async () => {
    const items = Array.from({ length: 40 }, (_, i) => item(i, i));
    // Ranks 1-20 are read at once (ten shown, ten for the next "Xem thêm"); rank 25 is
    // read when the first "Xem thêm" shows 20, and shown by the second.
    items[24].image = 'data:image/png,x';
    const el = await fixture<CivicBulletinList>(
      html`<civic-bulletin-list
        .feed=${{ version: VERSION, items }}
        limit="10"
      ></civic-bulletin-list>`,
    );
    await el.updateComplete;
    const warned = () => said(warn).filter((l) => l.includes('items[24]'));
    expect(titles(el)).to.have.length(10);
    expect(warned()).to.deep.equal([]);
    moreButton(el)!.click();
    await waitUntil(() => titles(el).length === 20, 'twenty shown');
    expect(warned()).to.have.length(1);
    expect(warned()[0]).to.match(/^civic-widgets: items\[24\]\.image: "data:image\/png,x" is not/);
    moreButton(el)!.click();
    await waitUntil(() => titles(el).length === 30, 'thirty shown');
    expect(titles(el)[24]).to.equal('Tin 24');
    expect(warned(), 'said once').to.have.length(1);
  });

  it('keeps the newest items past the cap (pinned first), in document order, and says so', () => {
    // Oldest first, as some CMS exports are; one old item is pinned.
    const items = Array.from({ length: 1500 }, (_, i) =>
      item(i, 1500 - i, i === 3 ? { _civic: { pinned: true } } : {}),
    );
    const { feed, warnings } = parseFeed(JSON.stringify({ version: VERSION, items }));
    expect(feed.items).to.have.length(MAX_ITEMS);
    expect(feed.items.map((a) => a.id)).to.deep.equal([
      't3',
      ...Array.from({ length: MAX_ITEMS - 1 }, (_, i) => `t${1500 - MAX_ITEMS + 1 + i}`),
    ]);
    expect(warnings).to.deep.equal([
      { path: 'items', message: `has 1500 items; only the newest ${MAX_ITEMS} are read` },
    ]);
    const five = parseFeed(JSON.stringify({ version: VERSION, items }), { maxItems: 5 });
    expect(five.feed.items.map((a) => a.id)).to.deep.equal([
      't3',
      't1496',
      't1497',
      't1498',
      't1499',
    ]);
  });

  it('a list of the capped feed shows the pinned item, then the newest', async () => {
    const items = Array.from({ length: 1500 }, (_, i) =>
      item(i, 1500 - i, i === 3 ? { _civic: { pinned: true } } : {}),
    );
    const el = await fixture<CivicBulletinList>(
      html`<civic-bulletin-list
        .feed=${{ version: VERSION, items }}
        limit="4"
      ></civic-bulletin-list>`,
    );
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Tin 3', 'Tin 1499', 'Tin 1498', 'Tin 1497']);
  });

  it('shows "Chưa có tin" for a big feed none of whose items can be shown', async () => {
    const items = Array.from({ length: 3000 }, (_, i) => ({ id: `x${i}` }));
    const el = await fixture<CivicBulletinList>(
      html`<civic-bulletin-list .feed=${{ version: VERSION, items }}></civic-bulletin-list>`,
    );
    await el.updateComplete;
    expect(shadow(el).querySelector('[part=status]')?.textContent).to.contain('Chưa có tin');
  });

  it('from src too: the items a list does not show are read (and warned about) once the page is idle; the event has all the warnings', async () => {
    // 2,000 items, newest last: the cap keeps 1000-1999, the list shows 1999-1990. Item
    // 1500 is kept but not shown, 1995 is shown; both have a javascript: URL. (The query's
    // `run` only makes the URL this test's own: no remembered copy of it exists.)
    const path = `/faults/hostile/many.json?n=2000&bad=1500,1995&run=${Date.now()}`;
    const url = new URL(path, location.href).href;
    const loads: CivicFeedLoadEvent[] = [];
    const el = await fixture<CivicBulletinList>(
      html`<civic-bulletin-list
        src=${path}
        limit="10"
        @civic-feed-load=${(e: CivicFeedLoadEvent) => loads.push(e)}
      ></civic-bulletin-list>`,
    );
    await waitUntil(() => titles(el).length === 10, 'the list drawn', { timeout: 20_000 });
    expect(titles(el)).to.deep.equal(Array.from({ length: 10 }, (_, k) => `Tin ${1999 - k}`));
    // Until the page is idle, nothing has read the items it does not show.
    expect(said(warn).filter((l) => l.includes('items[1500]'))).to.deep.equal([]);
    expect(loads).to.have.length(1);
    const { detail } = loads[0];
    expect(detail.url).to.equal(url);
    // A listener that asks gets every warning, each with its feed's URL.
    const paths = detail.warnings.map((w) => `${w.url} ${w.path}`);
    expect(paths).to.include.members([
      `${url} items`,
      `${url} items[1500].url`,
      `${url} items[1995].url`,
    ]);
    // Once idle, the console has each line once, with the URL.
    await waitUntil(() => idle.called, 'an idle callback asked for');
    for (const call of idle.getCalls()) (call.args[0] as () => void)();
    const lines = said(warn).filter((l) => /items\[(1500|1995)\]\.url/.test(l));
    expect(
      lines.map((l) => l.slice(0, `civic-widgets: ${url}: items[1500].url`.length)).sort(),
    ).to.deep.equal([
      `civic-widgets: ${url}: items[1500].url`,
      `civic-widgets: ${url}: items[1995].url`,
    ]);
  });

  it('a card reads items only as far as the one it shows: the first, or the one item-id names (id before url)', async () => {
    // 3,000 items, newest first: the cap keeps 0-999. Every item counts the reads of its title.
    const items = Array.from({ length: 3000 }, (_, i) => item(i, i));
    const read = new Set<number>();
    items.forEach((it, i) =>
      Object.defineProperty(it, 'title', {
        enumerable: true,
        get: () => (read.add(i), `Tin ${i}`),
      }),
    );
    // Item 7's url is what item 400 has as its id: the id wins, wherever it is.
    items[7].url = 't400';
    const doc = { version: VERSION, items };
    const card = async (itemId?: string) => {
      read.clear();
      const el = await fixture<CivicArticleCard>(
        html`<civic-article-card .feed=${doc} item-id=${ifDefined(itemId)}></civic-article-card>`,
      );
      await el.updateComplete;
      return el.shadowRoot!.querySelector('[part=title]')?.textContent.trim();
    };
    expect(await card()).to.equal('Tin 0');
    expect([...read].sort((a, b) => a - b)).to.deep.equal([0]);
    expect(await card('t400')).to.equal('Tin 400');
    expect(Math.max(...read), 'read past item 400').to.equal(400);
    // Only a url matches: every kept item is read for the ids first, none past the cap.
    expect(await card('https://tinh.example/tin/900')).to.equal('Tin 900');
    expect(read.has(999) && !read.has(1000)).to.be.true;
  });

  describe('what is read on demand is what a full read gives', () => {
    // Items whose sort fields and contents are anything a feed may hold.
    const when = fc.oneof(
      fc.integer({ min: 0, max: 40 }).map((h) => new Date(NOW - h * HOUR).toISOString()),
      fc.constantFrom(
        '2020-02-30T00:00:00Z',
        '2016-12-31T23:59:60Z',
        '2020-07-16t04:05:00.2504z',
        '2020-03-20 03:57:36+07:00',
        '20/03/2020',
        '',
        null,
        7,
      ),
    );
    const anyItem = fc.oneof(
      fc.record(
        {
          id: fc.oneof(fc.constantFrom('a', 'b', 'c', 'd', ''), fc.integer({ min: 0, max: 9 })),
          url: fc.constantFrom('https://tinh.example/x', 'javascript:x', '/y', 5),
          title: fc.constantFrom('T', '', '  ', 3),
          summary: fc.constantFrom('S', ''),
          date_published: when,
          date_modified: when,
          image: fc.constantFrom('https://tinh.example/i.jpg', 'data:x'),
          tags: fc.oneof(
            fc.array(fc.constantFrom('An ninh', 'Giao thông', '', 1)),
            fc.constant('x'),
          ),
          _civic: fc.oneof(
            fc.record(
              {
                pinned: fc.constantFrom(true, false, 'true', 1),
                views: fc.constantFrom(0, 7, 2007, -1, 1.5, '12'),
                category: fc.constantFrom('Thông báo', 'Cảnh báo', '', 9),
              },
              { requiredKeys: [] },
            ),
            fc.constantFrom(null, 'x', [1]),
          ),
        },
        { requiredKeys: [] },
      ),
      fc.constantFrom(null, 1, 'x', [] as unknown[]),
    );
    const docs = fc.array(anyItem, { maxLength: 30 });

    it('feed.items and warnings equal a plain read of every item in document order', () => {
      fc.assert(
        fc.property(docs, fc.array(fc.nat(), { maxLength: 8 }), (items, peeks) => {
          const base = 'https://tinh.example/feed.json';
          const parsed = readJsonFeed({ version: VERSION, items }, { url: base });
          // Some items read first (as a list would), in any order: it must not matter.
          const reader = readerOf(parsed.feed)!;
          for (const p of peeks)
            if (reader.items.length) reader.read(reader.items[p % reader.items.length]);
          const w = new Warnings();
          const plain = items.flatMap((raw, i) => readItem(raw, `items[${i}]`, w, base) ?? []);
          expect(parsed.feed.items).to.deep.equal(plain);
          expect(parsed.warnings).to.deep.equal(w.list);
        }),
        { numRuns: 300 },
      );
    });

    it('firstArticles gives the first of what ordering and filtering all the items gives', () => {
      const sorts: SortKey[] = ['published', 'updated', 'views'];
      fc.assert(
        fc.property(
          docs,
          fc.constantFrom(...sorts),
          fc.constantFrom('', 'Thông báo', 'cảnh báo, thông báo'),
          fc.constantFrom('', 'An ninh'),
          fc.integer({ min: 1, max: 12 }),
          (items, sort, category, tag, count) => {
            const doc = { version: VERSION, items };
            const filter = { categories: parseFilter(category), tags: parseFilter(tag) };
            // Two readings of the same document: one read on demand, one read in full.
            const lazy = readJsonFeed(doc).feed;
            const all = readJsonFeed(doc).feed.items;
            const shown = firstArticles(readerOf(lazy) as ItemReader, sort, filter, count);
            const expected = orderArticles(filterArticles(all, filter), sort).slice(0, count);
            expect(shown).to.deep.equal(expected);
            // An array of articles is its own reader.
            const same = firstArticles(
              { items: all, read: (a: Article) => a },
              sort,
              filter,
              count,
            );
            expect(same).to.deep.equal(expected);
          },
        ),
        { numRuns: 300 },
      );
    });

    // Dates in one of the forms a feed writes them, some items in another form or offset:
    // a feed is sorted by its dates' texts only when they all sort as their instants.
    const FORMS = [
      (t: number) => new Date(t).toISOString(),
      (t: number) => new Date(t).toISOString().replace('.000Z', 'Z'),
      (t: number, offset: number) => {
        const local = new Date(t + offset * 60_000).toISOString().slice(0, 19);
        const abs = Math.abs(offset);
        const hh = String(Math.floor(abs / 60)).padStart(2, '0');
        return `${local}${offset < 0 ? '-' : '+'}${hh}:${String(abs % 60).padStart(2, '0')}`;
      },
    ];
    const written = fc
      .tuple(
        // Whole seconds over a month, so that month ends (days 29 to 31) and fractions come
        // up; or over a day, so that items a few hours apart in other offsets do.
        fc
          .oneof(fc.integer({ min: 0, max: 3_000_000 }), fc.integer({ min: 0, max: 90_000 }))
          .map((s) => NOW - s * 997),
        fc.constantFrom(0, 1, 2),
        fc.constantFrom(420, 0, -300, 345),
      )
      .map(([t, form, offset]) => ({ t, form, offset }));
    const datedDocs = fc
      .tuple(
        fc.constantFrom(0, 1, 2),
        fc.constantFrom(420, -300),
        fc.array(fc.tuple(written, fc.boolean(), fc.integer({ min: 0, max: 9 }), fc.boolean()), {
          maxLength: 40,
        }),
      )
      .map(([form, offset, rows]) =>
        rows.map(([w, odd, kind, pinned], i) => ({
          id: `t${i}`,
          title: `Tin ${i}`,
          // Most items in the feed's own form; some in another, some undated or invalid.
          date_published:
            kind === 0
              ? undefined
              : kind === 1
                ? '2021-02-29T00:00:00Z'
                : odd && kind === 2
                  ? FORMS[w.form](w.t, w.offset)
                  : FORMS[form](w.t, offset),
          ...(pinned && kind === 3 ? { _civic: { pinned: true } } : {}),
        })),
      );

    it("orderArticles keeps the feed's order among ties, for lists long enough to merge runs", () => {
      // The sort has no index tie-break: it relies on Array.prototype.sort being stable.
      const items = Array.from({ length: 2500 }, (_, i) => ({
        id: `t${i}`,
        pinned: i % 97 === 0,
        // A handful of dates and counts, so that most items tie with hundreds of others.
        published: i % 11 === 0 ? undefined : new Date(NOW - (i % 7) * HOUR),
        views: i % 13 === 0 ? undefined : (i * 7) % 5,
      })) as unknown as Article[];
      for (const sort of ['published', 'views'] as SortKey[]) {
        const key = (a: Article) => (sort === 'views' ? a.views : a.published?.getTime());
        const reference = items
          .map((a, i) => ({ a, i }))
          .sort((x, y) => {
            const px = sort !== 'views' && x.a.pinned ? 1 : 0;
            const py = sort !== 'views' && y.a.pinned ? 1 : 0;
            const kx = key(x.a);
            const ky = key(y.a);
            if (px !== py) return py - px;
            if (kx !== ky) return kx === undefined ? 1 : ky === undefined ? -1 : ky - kx;
            return x.i - y.i;
          })
          .map((x) => x.a.id);
        expect(
          orderArticles(items, sort).map((a) => a.id),
          sort,
        ).to.deep.equal(reference);
      }
    });

    it('a feed sorted by the texts of its dates is in the order of their instants', () => {
      fc.assert(
        fc.property(datedDocs, fc.integer({ min: 1, max: 45 }), (items, count) => {
          const doc = { version: VERSION, items };
          const all = readJsonFeed(doc).feed.items;
          const none = { categories: [], tags: [] };
          const shown = firstArticles(readerOf(readJsonFeed(doc).feed)!, 'published', none, count);
          expect(shown.map((a) => a.id)).to.deep.equal(
            orderArticles(all, 'published')
              .slice(0, count)
              .map((a) => a.id),
          );
          // Past the cap: the newest `count`, pinned first, in document order.
          const capped = readJsonFeed(doc, { maxItems: count }).feed.items;
          expect(capped.map((a) => a.id)).to.deep.equal(
            orderArticles(all, 'published')
              .slice(0, count)
              .sort((a, b) => all.indexOf(a) - all.indexOf(b))
              .map((a) => a.id),
          );
        }),
        { numRuns: 500 },
      );
    });

    it('a .feed object hands its reader to every widget, and reads each item once', () => {
      const doc = { version: VERSION, items: Array.from({ length: 50 }, (_, i) => item(i, i)) };
      const first = toFeed(doc);
      expect(toFeed(doc)).to.equal(first);
      const reader = readerOf(first.feed)!;
      const a = reader.read(reader.items[0]);
      expect(reader.read(reader.items[0])).to.equal(a);
      expect(first.feed.items[0]).to.equal(a);
      const warnings: FeedWarning[] = first.warnings;
      expect(warnings).to.deep.equal([]);
    });
  });

  describe('RFC 3339 dates, read through Date.parse', () => {
    /** The field-by-field reading parseRfc3339 had before it used Date.parse: the reference. */
    function reference(text: string): number | undefined {
      const m =
        /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/.exec(
          text.trim(),
        );
      if (!m) return undefined;
      const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
      // News dates start in the year 1000 (values.ts): earlier ones are typos.
      if (year < 1000) return undefined;
      let offset = 0;
      if (!m[8]) {
        const oh = Number(m[10]);
        const om = Number(m[11]);
        if (oh > 23 || om > 59) return undefined;
        offset = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
      }
      if (hour > 23 || minute > 59 || second > 60) return undefined;
      const date = new Date(0);
      date.setUTCFullYear(year, month - 1, day);
      if (date.getUTCMonth() !== month - 1) return undefined;
      date.setUTCHours(
        hour,
        minute,
        Math.min(second, 59),
        Math.round(Number(`0${m[7] ?? ''}`) * 1000),
      );
      const time = date.getTime() - offset * 60_000;
      return Number.isNaN(time) ? undefined : time;
    }
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));

    it('reads every string as the field-by-field reading did', () => {
      const text = fc
        .tuple(
          fc.oneof(
            fc.integer({ min: 0, max: 9999 }),
            fc.constantFrom(0, 99, 100, 1900, 2000, 2020, 2021),
          ),
          two(13),
          two(32),
          fc.constantFrom('T', 't', ' ', 'x'),
          two(25),
          two(61),
          two(61),
          fc.oneof(fc.constant(''), fc.stringMatching(/^\.\d{1,6}$/)),
          fc.oneof(
            fc.constantFrom('Z', 'z', '', '+07:00'),
            fc
              .tuple(fc.constantFrom('+', '-'), two(25), two(61))
              .map(([s, h, m]) => `${s}${h}:${m}`),
          ),
          fc.constantFrom('', ' ', '\n'),
        )
        .map(
          ([y, mo, d, t, h, mi, s, f, z, pad]) =>
            `${pad}${String(y).padStart(4, '0')}-${mo}-${d}${t}${h}:${mi}:${s}${f}${z}${pad}`,
        );
      fc.assert(
        fc.property(text, (s) => {
          expect(parseRfc3339(s)?.getTime(), s).to.equal(reference(s));
        }),
        { numRuns: 5000 },
      );
      // What is read as it is (`usualRfc3339`) reads as the reference does too.
      fc.assert(
        fc.property(text, (s) => {
          if (usualRfc3339(s)) expect(Date.parse(s), s).to.equal(reference(s));
        }),
        { numRuns: 5000 },
      );
      // The edges: leap day, leap second, a carry from the fraction, years below 1000.
      for (const s of [
        '2020-02-29T00:00:00Z',
        '2021-02-29T00:00:00Z',
        '0000-02-29T00:00:00Z',
        '0100-02-29T12:00:00+01:00',
        '0999-12-31T23:59:59Z',
        '1000-01-01T00:00:00+07:00',
        '2016-12-31T23:59:60.9996Z',
        '2020-04-31T00:00:00Z',
        '2020-01-01T24:00:00Z',
        '2020-12-31T23:59:59.9995-23:59',
      ])
        expect(parseRfc3339(s)?.getTime(), s).to.equal(reference(s));
    });
  });
});

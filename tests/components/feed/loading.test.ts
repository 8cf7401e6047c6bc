/**
 * Loading without layout shift (issue #8): a remembered feed is drawn within a frame of
 * upgrade and revalidated in the background; a first visit shows a skeleton that the
 * content replaces with little movement; `.feed`, `.item` and inline feeds never show a
 * skeleton. Layout shift is measured by Chromium itself (PerformanceObserver).
 */
import type { JsonFeed } from '../../../src/feed/json-feed.js';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../../src/components/feed/feed.define.js';
import '../../../src/components/bulletin-list/bulletin-list.define.js';
import '../../../src/components/article-card/article-card.define.js';
import type { CivicBulletinList } from '../../../src/components/bulletin-list/bulletin-list.js';
import type { CivicFeedLoadEvent } from '../../../src/components/shared/events.js';
import type { FeedState } from '../../../src/components/shared/feed-context.js';
import { remember } from '../../../src/feed/memory-write.js';
import { watchShifts } from '../../helpers/layout-shift.js';

const SEED = '/tests/fixtures/vi-cong-an-tinh.json';
const key = (name: string) =>
  `${name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
const seedText = async () => (await fetch(SEED)).text();

/** A feed URL whose body arrives `ms` late, every time. */
function slowFeed(ms: number): { src: string; url: string } {
  const src = `/loading/late?key=${key('late')}&ms=${ms}`;
  return { src, url: new URL(src, location.href).href };
}

/**
 * A page around a widget: a heading above and a column of text below, all in the
 * viewport, so a widget that grows moves what follows it.
 */
function page(widget: HTMLElement): HTMLElement {
  const wrap = document.createElement('main');
  wrap.className = 'loading-test-page';
  const h = document.createElement('h1');
  h.textContent = 'Tin tức';
  wrap.append(h, widget);
  for (let i = 0; i < 6; i++) {
    const p = document.createElement('p');
    p.textContent = 'Nội dung trang tiếp theo: đoạn văn bản mẫu để đo độ dịch chuyển bố cục.';
    wrap.append(p);
  }
  return wrap;
}

const shadow = (el: Element) => el.shadowRoot!;
const skeleton = (el: Element) => shadow(el).querySelector('.skeleton, .placeholder');
const listItems = (el: Element) => shadow(el).querySelectorAll('li');

describe('loading', () => {
  // Tall enough that the text under a loaded 10-item list is still in view: a shift
  // below the fold would not count.
  before(() => setViewport({ width: 1024, height: 2000 }));
  afterEach(() => document.querySelectorAll('main.loading-test-page').forEach((m) => m.remove()));

  describe('on a repeat visit (the feed is remembered)', () => {
    it('draws the copy within a frame of upgrade, with no skeleton, while a slow feed revalidates; layout shift ≤ 0.01', async () => {
      const { src, url } = slowFeed(800);
      remember({ url, text: await seedText(), fetchedAt: new Date(Date.now() - 3600_000) });
      const list = document.createElement('civic-bulletin-list');
      list.src = src;
      const loaded = oneEvent<CivicFeedLoadEvent>(list, 'civic-feed-load');
      const shifts = watchShifts();
      document.body.append(page(list));
      // The first frame after upgrade: what is painted first.
      await frame();
      expect(skeleton(list) === null, 'no skeleton').to.be.true;
      expect(listItems(list).length, 'the remembered items').to.equal(10);
      const ul = shadow(list).querySelector('ul');
      const started = performance.now();
      const { detail } = await loaded;
      expect(performance.now() - started, 'the feed really was slow').to.be.above(300);
      // The same document: not drawn again, and the event is the fresh load's.
      expect(detail.stale).to.equal(undefined);
      expect(detail.fetchedAt!.getTime()).to.be.closeTo(Date.now(), 5000);
      expect(shadow(list).querySelector('ul') === ul, 'the list was kept').to.be.true;
      expect(await shifts.stop()).to.be.at.most(0.01);
    });

    it('fires civic-feed-load once, for the fresh feed, and draws nothing new when it did not change', async () => {
      const { src, url } = slowFeed(300);
      remember({ url, text: await seedText(), fetchedAt: new Date() });
      const list = document.createElement('civic-bulletin-list');
      list.src = src;
      const events: CivicFeedLoadEvent[] = [];
      list.addEventListener('civic-feed-load', (e) => events.push(e));
      let renders = 0;
      const updated = list.updateComplete;
      document.body.append(page(list));
      await updated;
      await frame();
      const shown = (list as unknown as { source: { state: FeedState } }).source.state.feed;
      // Count updates from here on: a redraw would be one.
      const proto = Object.getPrototypeOf(list) as { updated: (c: unknown) => void };
      const own = (c: unknown) => {
        renders++;
        proto.updated.call(list, c);
      };
      (list as unknown as { updated: typeof own }).updated = own;
      await waitUntil(() => events.length === 1, 'no load event', { timeout: 4000 });
      await frame();
      expect(events[0].detail.feed === shown, 'the Feed on screen').to.be.true;
      expect(renders, 'no update for an unchanged feed').to.equal(0);
      expect(events).to.have.length(1);
    });

    it('replaces the copy when the feed changed', async () => {
      const { src, url } = slowFeed(200);
      const old = await (await fetch('/tests/fixtures/en-city-news.json')).text();
      remember({ url, text: old, fetchedAt: new Date() });
      const list = document.createElement('civic-bulletin-list');
      list.src = src;
      list.limit = 20;
      const loaded = oneEvent(list, 'civic-feed-load');
      document.body.append(page(list));
      await frame();
      expect(listItems(list).length).to.equal(6);
      await loaded;
      await list.updateComplete;
      expect(listItems(list).length).to.equal(10);
    });

    it('shows the error, not the copy, when the feed answers 404', async () => {
      const src = `/loading/sequence?key=${key('gone')}&codes=404`;
      remember({
        url: new URL(src, location.href).href,
        text: await seedText(),
        fetchedAt: new Date(),
      });
      const list = await fixture<CivicBulletinList>(
        html`<civic-bulletin-list src=${src}></civic-bulletin-list>`,
      );
      await waitUntil(() => shadow(list).querySelector('.error'), 'no error state', {
        timeout: 4000,
      });
      expect(listItems(list).length).to.equal(0);
    });
  });

  describe('on a first visit', () => {
    // The skeleton's size is an estimate (limit × a typical item); its exact rules are the
    // visual layer's. This measures whatever skeleton the list draws today.
    it('a 10-item list arriving 600 ms late shifts the page by at most 0.05', async () => {
      const { src } = slowFeed(600);
      const list = document.createElement('civic-bulletin-list');
      list.src = src;
      const loaded = oneEvent(list, 'civic-feed-load');
      const shifts = watchShifts();
      document.body.append(page(list));
      await frame();
      expect(skeleton(list) !== null, 'a skeleton while loading').to.be.true;
      await loaded;
      await list.updateComplete;
      expect(listItems(list).length).to.equal(10);
      const score = await shifts.stop();
      expect(score).to.be.at.most(0.05);
    });
  });

  describe('when the data needs no request', () => {
    it('draws an inline feed on the first frame, with no skeleton', async () => {
      const wrap = document.createElement('civic-feed');
      const script = document.createElement('script');
      script.type = 'application/feed+json';
      script.textContent = await seedText();
      const list = document.createElement('civic-bulletin-list');
      const card = document.createElement('civic-article-card');
      wrap.append(script, list, card);
      document.body.append(page(wrap));
      await frame();
      expect(skeleton(list) === null, 'no skeleton in the list').to.be.true;
      expect(listItems(list).length).to.equal(10);
      expect(skeleton(card) === null, 'no skeleton in the card').to.be.true;
      expect(shadow(card).querySelector('a') !== null, 'the article link').to.be.true;
    });

    it('draws .feed and .item on the first frame, with no skeleton', async () => {
      const doc = JSON.parse(await seedText()) as JsonFeed;
      const list = document.createElement('civic-bulletin-list');
      list.feed = doc;
      const card = document.createElement('civic-article-card');
      card.item = doc.items[0];
      const holder = document.createElement('div');
      holder.append(list, card);
      document.body.append(page(holder));
      await frame();
      expect(skeleton(list) === null, 'no skeleton in the list').to.be.true;
      expect(listItems(list).length).to.equal(10);
      expect(skeleton(card) === null, 'no skeleton in the card').to.be.true;
      expect(shadow(card).querySelector('a') !== null, 'the article link').to.be.true;
    });
  });
});

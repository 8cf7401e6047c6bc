import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { LitElement, type TemplateResult } from 'lit';
import sinon from 'sinon';
import { property } from 'lit/decorators.js';
import '../../../src/components/feed/feed.define.js';
import { CivicFeed } from '../../../src/components/feed/feed.js';
import type {
  CivicFeedErrorEvent,
  CivicFeedLoadEvent,
} from '../../../src/components/shared/events.js';
import { FeedSource } from '../../../src/components/shared/feed-source.js';
import type { FeedStatus } from '../../../src/components/shared/feed-context.js';

/** A stand-in widget: it gets its data exactly as the real ones do. */
class FeedProbe extends LitElement {
  @property() src?: string | null;
  @property({ attribute: false }) feed?: unknown;
  readonly source = new FeedSource(this);
  override render(): TemplateResult {
    const { feed } = this.source.state;
    return html`<ul>
      ${(feed?.items ?? []).map((i) => html`<li>${i.title}</li>`)}
    </ul>`;
  }
}
if (!customElements.get('feed-probe')) customElements.define('feed-probe', FeedProbe);

declare global {
  interface HTMLElementTagNameMap {
    'feed-probe': FeedProbe;
  }
}

type FeedEvents = {
  'civic-feed-load': CivicFeedLoadEvent;
  'civic-feed-error': CivicFeedErrorEvent;
};

/** `oneEvent`, typed by the event name. */
function once<E extends keyof FeedEvents>(el: EventTarget, name: E): Promise<FeedEvents[E]> {
  return oneEvent<FeedEvents[E]>(el, name);
}

const key = (name: string) =>
  `${name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
const SEED = '/tests/fixtures/vi-cong-an-tinh.json';

async function counts(k: string): Promise<{ hits: number }> {
  return (await (await fetch(`/faults/count?key=${k}`)).json()) as { hits: number };
}

function statusOf(probe: FeedProbe, status: FeedStatus, timeout = 4000): Promise<unknown> {
  return waitUntil(() => probe.source.state.status === status, `status never became ${status}`, {
    timeout,
  });
}

/** Creates a <civic-feed> with `src`, waiting for the event it fires. */
async function provider<E extends keyof FeedEvents>(src: string, event: E) {
  const el = document.createElement('civic-feed');
  el.src = src;
  el.append(document.createElement('feed-probe'));
  const fired = once(el, event);
  document.body.append(el);
  const ev = await fired;
  return { el, ev, probe: el.querySelector('feed-probe')! };
}

describe('civic-feed', () => {
  afterEach(() => document.querySelectorAll('civic-feed').forEach((el) => el.remove()));

  it('is defined', () => {
    expect(document.createElement('civic-feed')).to.be.instanceOf(CivicFeed);
    // Loading the define module again (a second script tag) must not throw.
    expect(() => {
      if (!customElements.get('civic-feed')) customElements.define('civic-feed', CivicFeed);
    }).not.to.throw();
  });

  it('renders the defaults', async () => {
    const el = await fixture<CivicFeed>(html`<civic-feed><p>Tin tức</p></civic-feed>`);
    expect(el.shadowRoot!.innerHTML).to.contain('<slot>');
    expect(getComputedStyle(el).display).to.equal('contents');
    expect(el.src).to.equal(undefined);
    expect(el.refresh).to.equal(undefined);
  });

  it('is accessible', async () => {
    const el = await fixture<CivicFeed>(
      html`<civic-feed src=${SEED}><feed-probe></feed-probe></civic-feed>`,
    );
    await statusOf(el.querySelector('feed-probe')!, 'ready');
    await expect(el).to.be.accessible();
  });

  describe('when it has a src', () => {
    it('fires civic-feed-load and hands the feed to the widgets inside', async () => {
      const { ev, probe } = await provider(`${SEED}?k=${key('load')}`, 'civic-feed-load');
      expect(ev.bubbles && ev.composed).to.equal(true);
      expect(ev.detail.feed.items).to.have.length(10);
      expect(ev.detail.warnings).to.deep.equal([]);
      expect(ev.detail.url).to.match(/\/tests\/fixtures\/vi-cong-an-tinh\.json\?k=/);
      await statusOf(probe, 'ready');
      expect(probe.source.state.feed).to.equal(ev.detail.feed);
      await probe.updateComplete;
      expect(probe.shadowRoot!.querySelectorAll('li')).to.have.length(10);
    });

    it('lists RSS and Atom items newest first', async () => {
      for (const file of ['vi-cong-an-tinh.rss.xml', 'vi-cong-an-tinh.atom.xml']) {
        const { ev } = await provider(
          `/tests/fixtures/${file}?k=${key('order')}`,
          'civic-feed-load',
        );
        const times = ev.detail.feed.items.map((i) => i.published!.getTime());
        expect(times.length).to.be.at.least(6);
        expect(
          [...times].sort((a, b) => b - a),
          file,
        ).to.deep.equal(times);
      }
    });

    it('merges several space-separated URLs', async () => {
      const k = key('merge');
      const { ev } = await provider(
        `/tests/fixtures/en-city-news.json?k=${k} /tests/fixtures/vi-cong-an-tinh.atom.xml?k=${k}`,
        'civic-feed-load',
      );
      expect(ev.detail.feed.format).to.equal('merged');
      const times = ev.detail.feed.items.map((i) => (i.published ?? i.modified)!.getTime());
      expect([...times].sort((a, b) => b - a)).to.deep.equal(times);
    });

    it('an empty item list leaves the widgets empty', async () => {
      const { ev, probe } = await provider(
        `/tests/fixtures/empty.json?k=${key('empty')}`,
        'civic-feed-load',
      );
      expect(ev.detail.feed.items).to.deep.equal([]);
      await statusOf(probe, 'empty');
    });
  });

  describe('when 8 widgets show the same feed', () => {
    it('makes one request, inside one provider or each with its own src', async () => {
      const k = key('eight');
      const url = `/faults/counted?key=${k}&delay=200`;
      const page = await fixture<HTMLDivElement>(
        html`<div>
          <civic-feed src=${url}
            >${Array.from({ length: 4 }, () => html`<feed-probe></feed-probe>`)}</civic-feed
          >
          <civic-feed src=${url}
            >${Array.from({ length: 2 }, () => html`<feed-probe></feed-probe>`)}</civic-feed
          >
          <feed-probe src=${url}></feed-probe>
          <feed-probe src=${url}></feed-probe>
        </div>`,
      );
      const probes = [...page.querySelectorAll('feed-probe')];
      expect(probes).to.have.length(8);
      for (const probe of probes) await statusOf(probe, 'ready');
      expect((await counts(k)).hits).to.equal(1);
      expect(new Set(probes.map((p) => p.source.state.feed)).size).to.equal(1);
    });
  });

  describe('when 8 real widgets show the seed feed', () => {
    it('the page makes one request', async () => {
      await import('../../../src/components/article-card/article-card.define.js');
      const k = key('cards');
      const url = `/faults/counted?key=${k}&delay=200`;
      const page = await fixture<HTMLDivElement>(
        html`<div>
          <civic-feed src=${url}>
            ${Array.from({ length: 4 }, () => html`<civic-article-card></civic-article-card>`)}
          </civic-feed>
          ${Array.from({ length: 4 }, () => html`<civic-article-card src=${url}></civic-article-card>`)}
        </div>`,
      );
      const cards = [...page.querySelectorAll('civic-article-card')];
      expect(cards).to.have.length(8);
      await waitUntil(
        () => cards.every((c) => c.shadowRoot?.textContent?.includes('Lượt xem: 2.007')),
        'not every card showed the seed article',
        { timeout: 4000 },
      );
      expect((await counts(k)).hits).to.equal(1);
    });
  });

  describe('when the feed is inline', () => {
    it('reads the script child and makes no request', async () => {
      const doc = {
        version: 'https://jsonfeed.org/version/1.1',
        _civic: { time_zone: 'Asia/Ho_Chi_Minh' },
        items: [
          { id: 'a', title: 'Tin nhúng trong trang', date_published: '2020-07-16T08:00:00+07:00' },
        ],
      };
      // The default buffer (250 entries) fills up with the test's own modules.
      performance.setResourceTimingBufferSize(10_000);
      const requestsBefore = performance.getEntriesByType('resource').length;
      const el = document.createElement('civic-feed');
      el.innerHTML = `<script type="application/feed+json">${JSON.stringify(doc)}</script><feed-probe></feed-probe>`;
      const loaded = once(el, 'civic-feed-load');
      document.body.append(el);
      const ev = await loaded;
      expect(ev.detail.url).to.equal(undefined);
      const probe = el.querySelector('feed-probe')!;
      await statusOf(probe, 'ready');
      expect(probe.source.state.feed!.items[0].title).to.equal('Tin nhúng trong trang');
      expect(performance.getEntriesByType('resource').length, 'a request was made').to.equal(
        requestsBefore,
      );
    });

    it('notices a script added after the element is upgraded', async () => {
      const el = await fixture<CivicFeed>(html`<civic-feed><feed-probe></feed-probe></civic-feed>`);
      const probe = el.querySelector('feed-probe')!;
      expect(probe.source.state.status).to.equal('idle');
      const script = document.createElement('script');
      script.type = 'application/feed+json';
      script.textContent =
        '{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","title":"Muộn"}]}';
      el.prepend(script);
      await statusOf(probe, 'ready');
    });

    it('reports a broken inline feed with its position', async () => {
      const el = document.createElement('civic-feed');
      el.innerHTML = `<script type="application/feed+json">{"items": [</script>`;
      const failed = once(el, 'civic-feed-error');
      document.body.append(el);
      expect((await failed).detail.error.message).to.equal(
        'not JSON: unexpected end of input at byte 11',
      );
    });
  });

  describe('when the feed property is set', () => {
    it('wins over src and the inline script', async () => {
      const k = key('prop');
      const el = await fixture<CivicFeed>(
        html`<civic-feed
          src=${`/faults/counted?key=${k}`}
          .feed=${{ version: 'https://jsonfeed.org/version/1.1', items: [{ id: 'p', title: 'Từ thuộc tính' }] }}
          ><script type="application/feed+json">
            {
              "version": "https://jsonfeed.org/version/1.1",
              "items": [{ "id": "i", "title": "Nhúng" }]
            }
          </script>
          <feed-probe></feed-probe
        ></civic-feed>`,
      );
      const probe = el.querySelector('feed-probe')!;
      await statusOf(probe, 'ready');
      expect(probe.source.state.feed!.items[0].title).to.equal('Từ thuộc tính');
      await new Promise((r) => setTimeout(r, 150));
      expect((await counts(k)).hits).to.equal(0);
    });

    it('says why an unusable one fails: civic-feed-error and one console line', async () => {
      const warn = sinon.stub(console, 'warn');
      try {
        const el = document.createElement('civic-feed');
        el.append(document.createElement('feed-probe'));
        const failed = once(el, 'civic-feed-error');
        el.feed = { items: 'nope' } as unknown as CivicFeed['feed'];
        document.body.append(el);
        // Before: the error state, but no event and nothing on the console.
        const { detail } = await failed;
        expect(detail.error.message).to.equal('not a JSON Feed: "items" must be an array');
        expect(warn.calledWith('civic-widgets: not a JSON Feed: "items" must be an array')).to.be
          .true;
        await statusOf(el.querySelector('feed-probe')!, 'error');
      } finally {
        warn.restore();
      }
    });
  });

  describe('when a widget leaves it', () => {
    it('no longer shows its feed once moved where no <civic-feed> is', async () => {
      const { el, probe } = await provider(SEED, 'civic-feed-load');
      await statusOf(probe, 'ready');
      // Moved inside the provider: still its feed.
      const inner = document.createElement('div');
      el.append(inner);
      inner.append(probe);
      await probe.updateComplete;
      expect(probe.source.state.status).to.equal('ready');
      // Moved out: before, it kept drawing the feed, no longer updated.
      document.body.append(probe);
      try {
        await statusOf(probe, 'idle');
        expect(probe.source.state.feed).to.equal(undefined);
        // And back in: the feed again.
        el.append(probe);
        await statusOf(probe, 'ready');
      } finally {
        probe.remove();
      }
    });
  });

  describe('when it has no feed of its own, inside another', () => {
    it("passes on the outer one's feed with its own locale and zone", async () => {
      const outer = document.createElement('civic-feed');
      outer.src = SEED;
      outer.innerHTML =
        '<section><civic-feed locale="en" time-zone="UTC"><feed-probe></feed-probe></civic-feed></section>';
      document.body.append(outer);
      const probe = outer.querySelector('feed-probe')!;
      // Before: the inner one published "idle", and the widgets inside showed nothing.
      await statusOf(probe, 'ready');
      const state = probe.source.state;
      expect(state.feed!.items.length).to.be.greaterThan(0);
      expect(state.locale).to.equal('en');
      expect(state.timeZone).to.equal('UTC');
      // Its retry is the outer one's: one more request for the outer feed.
      const again = once(outer, 'civic-feed-load');
      state.retry();
      await again;
    });
  });

  describe('when the feed is unusable', () => {
    const cases: [string, (k: string) => string, (k: string) => string][] = [
      [
        '404',
        (k) => `/faults/status/404?key=${k}`,
        (k) => `HTTP 404 for /faults/status/404?key=${k}`,
      ],
      [
        '503 twice',
        (k) => `/faults/flaky?key=${k}&fails=2&code=503`,
        (k) => `HTTP 503 for /faults/flaky?key=${k}&fails=2&code=503`,
      ],
      [
        'an HTML page',
        (k) => `/faults/html?key=${k}`,
        () => 'not a feed: got an HTML page, not JSON Feed, RSS or Atom',
      ],
      [
        'truncated JSON',
        (k) => `/faults/truncated?bytes=800&key=${k}`,
        () => 'not JSON: unexpected end of input at byte 800',
      ],
      [
        'not a feed',
        (k) => `/tests/fixtures/items-not-array.json?k=${k}`,
        () => 'not a JSON Feed: "items" must be an array',
      ],
      [
        'a dropped connection',
        (k) => `/faults/reset?key=${k}`,
        (k) => `network error loading /faults/reset?key=${k}: the server could not be reached`,
      ],
    ];
    for (const [name, url, message] of cases) {
      it(`says so plainly for ${name}`, async () => {
        const k = key('fault');
        const { ev, probe } = await provider(url(k), 'civic-feed-error');
        expect(ev.detail.error.message).to.equal(message(k));
        expect(ev.detail.url).to.equal(new URL(url(k), location.href).href);
        await statusOf(probe, 'error');
        expect(probe.source.state.error!.message).to.equal(message(k));
      });
    }

    it('retries a 503 once and then shows the feed', async () => {
      const k = key('503');
      const { ev } = await provider(`/faults/flaky?key=${k}&fails=1&code=503`, 'civic-feed-load');
      expect(ev.detail.feed.items).to.have.length(10);
      expect((await counts(k)).hits).to.equal(2);
    });
  });

  describe('when the feed has bad parts', () => {
    it('reports each warning in the event and once on the console', async () => {
      const logged: string[] = [];
      const original = console.warn;
      console.warn = (...args: unknown[]) => logged.push(args.map(String).join(' '));
      try {
        const src = `/tests/fixtures/bad-parts.json?k=${key('warn')}`;
        const first = await provider(src, 'civic-feed-load');
        await provider(src, 'civic-feed-load');
        expect(first.ev.detail.warnings).to.have.length(16);
        expect(first.ev.detail.feed.items).to.have.length(4);
        // The console hears of them after the first paint, once the page is idle (reading
        // all of a feed's warnings reads every item), and once per page.
        await waitUntil(() => logged.length >= 16, 'the warnings on the console');
        await new Promise((r) => requestIdleCallback(r, { timeout: 1000 }));
        const dated = logged.filter((l) =>
          l.endsWith('items[1].date_published: "20/03/2020" is not an RFC 3339 date'),
        );
        expect(dated).to.have.length(1);
        expect(dated[0]).to.contain('/tests/fixtures/bad-parts.json');
        expect(logged).to.have.length(16);
      } finally {
        console.warn = original;
      }
    });
  });

  describe('when refresh is set', () => {
    // The reload timer runs on a fake clock; requests, and the waits for them, are real.
    const realTimeout = window.setTimeout.bind(window);
    const pause = (ms: number) => new Promise((r) => realTimeout(r, ms));
    async function hitsBecome(k: string, n: number, what: string): Promise<void> {
      // Up to 10 s of real time: a loaded shared machine is slow to answer.
      for (let i = 0; i < 250; i++) {
        if ((await counts(k)).hits >= n) return;
        await pause(40);
      }
      throw new Error(`${what}: ${(await counts(k)).hits} requests, not ${n}`);
    }
    let clock: sinon.SinonFakeTimers | undefined;
    afterEach(() => {
      clock?.restore();
      clock = undefined;
    });
    const fake = () =>
      (clock = sinon.useFakeTimers({
        now: Date.now(),
        toFake: ['setTimeout', 'clearTimeout', 'Date'],
      }));

    it('reloads on the interval and pauses while the page is hidden', async () => {
      // As below: the timer's lazy chunk is here before the fake clock ticks.
      await import('../../../src/components/feed/refresh.js');
      const k = key('refresh');
      const c = fake();
      const el = await fixture<CivicFeed>(
        html`<civic-feed refresh="60" src=${`/faults/counted?key=${k}&delay=0`}></civic-feed>`,
      );
      await hitsBecome(k, 1, 'first load');
      await pause(100);
      c.tick(59_000);
      await pause(200);
      expect((await counts(k)).hits, 'not before 60 s').to.equal(1);
      c.tick(1_100);
      await hitsBecome(k, 2, 'reload after 60 s');
      const hidden = Object.getOwnPropertyDescriptor(Document.prototype, 'hidden')!;
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      document.dispatchEvent(new Event('visibilitychange'));
      try {
        c.tick(300_000);
        await pause(200);
        expect((await counts(k)).hits, 'polled while hidden').to.equal(2);
      } finally {
        Object.defineProperty(document, 'hidden', hidden);
        delete (document as { hidden?: boolean }).hidden;
        document.dispatchEvent(new Event('visibilitychange'));
      }
      // Coming back after a reload fell due catches up at once.
      c.tick(10);
      await hitsBecome(k, 3, 'did not resume');
      el.refresh = undefined;
    });

    it('never reloads more often than every 30 s, and says so once', async () => {
      const warn = sinon.stub(console, 'warn');
      try {
        const k = key('floor');
        const c = fake();
        const el = await fixture<CivicFeed>(
          html`<civic-feed refresh="0.01" src=${`/faults/counted?key=${k}&delay=0`}></civic-feed>`,
        );
        await hitsBecome(k, 1, 'first load');
        await pause(100);
        c.tick(29_000);
        await pause(200);
        expect((await counts(k)).hits, 'not before 30 s').to.equal(1);
        c.tick(1_100);
        await hitsBecome(k, 2, 'reload after 30 s');
        const about = warn.getCalls().filter((call) => String(call.args[0]).includes('refresh'));
        expect(about.map((call) => String(call.args[0]))).to.deep.equal([
          'civic-feed: refresh="0.01" is below the 30-second minimum; reloading every 30 s',
        ]);
        el.refresh = undefined;
      } finally {
        warn.restore();
      }
    });

    it('sends one request in 2 s of real time with refresh="0.01"', async () => {
      const warn = sinon.stub(console, 'warn');
      try {
        const k = key('floor-real');
        const el = await fixture<CivicFeed>(
          html`<civic-feed refresh="0.01" src=${`/faults/counted?key=${k}&delay=0`}></civic-feed>`,
        );
        await hitsBecome(k, 1, 'first load');
        await pause(2000);
        expect((await counts(k)).hits).to.equal(1);
        el.refresh = undefined;
      } finally {
        warn.restore();
      }
    });

    it('holds no page listener while it is off the page, and polls again when put back', async () => {
      // The reload timer is a lazy chunk: have it here first, so on a slow machine it does not
      // arrive (and arm its timer on the fake clock) after the ticks below.
      await import('../../../src/components/feed/refresh.js');
      const k = key('refresh-off');
      const c = fake();
      const el = await fixture<CivicFeed>(
        html`<civic-feed refresh="30" src=${`/faults/counted?key=${k}&delay=0`}></civic-feed>`,
      );
      await hitsBecome(k, 1, 'first load');
      await pause(100);
      const parent = el.parentElement!;
      el.remove();
      const added = sinon.spy(document, 'addEventListener');
      try {
        el.refresh = 40;
        await el.updateComplete;
        await pause(50);
        expect(added.calledWith('visibilitychange'), 'listener added off the page').to.be.false;
      } finally {
        added.restore();
      }
      c.tick(120_000);
      await pause(200);
      expect((await counts(k)).hits, 'polled off the page').to.equal(1);
      parent.append(el);
      // Put back long after a reload fell due: it polls at once.
      c.tick(10);
      await hitsBecome(k, 2, 'did not poll when put back');
      el.refresh = undefined;
    });
  });

  describe('when the feed goes down after one good load', () => {
    it('keeps showing its items, with when they were fetched', async () => {
      const k = key('down');
      const el = document.createElement('civic-feed');
      el.src = `/faults/once?key=${k}`;
      el.innerHTML = '<feed-probe></feed-probe>';
      const first = once(el, 'civic-feed-load');
      document.body.append(el);
      const good = await first;
      const probe = el.querySelector('feed-probe')!;
      await statusOf(probe, 'ready');
      // A reload, as `refresh` makes one.
      el.reload();
      await statusOf(probe, 'stale', 4500);
      expect(probe.source.state.feed!.items).to.have.length(10);
      expect(probe.source.state.fetchedAt!.getTime()).to.equal(good.detail.fetchedAt!.getTime());
      expect(probe.source.state.error!.message).to.equal(`HTTP 500 for /faults/once?key=${k}`);
      await probe.updateComplete;
      expect(probe.shadowRoot!.querySelectorAll('li')).to.have.length(10);
    });
  });

  describe('when the feed comes back, or is withdrawn', () => {
    it('drops the stale note once a refresh succeeds, even with the same document', async () => {
      const k = key('back');
      const el = document.createElement('civic-feed');
      // Good; down for a reload and its one retry; good again, the same bytes.
      el.src = `/faults/script?key=${k}&codes=200,500,500,200`;
      el.innerHTML = '<feed-probe></feed-probe>';
      const first = once(el, 'civic-feed-load');
      document.body.append(el);
      await first;
      const probe = el.querySelector('feed-probe')!;
      await statusOf(probe, 'ready');
      try {
        el.reload();
        await statusOf(probe, 'stale', 4500);
        const back = once(el, 'civic-feed-load');
        el.reload();
        expect((await back).detail.stale).to.equal(undefined);
        // Before: the widgets kept "chưa cập nhật được tin mới" for good.
        await statusOf(probe, 'ready');
        expect(probe.source.state.error).to.equal(undefined);
        expect((await counts(k)).hits).to.equal(4);
      } finally {
        el.remove();
      }
    });

    it('after a 4xx, a widget added later asks again instead of drawing the withdrawn feed', async () => {
      const k = key('gone');
      const src = `/faults/script?key=${k}&codes=200,410`;
      const first = document.createElement('civic-feed');
      first.src = src;
      first.innerHTML = '<feed-probe></feed-probe>';
      document.body.append(first);
      const probe = first.querySelector('feed-probe')!;
      const later = document.createElement('civic-feed');
      try {
        await statusOf(probe, 'ready');
        first.reload();
        await statusOf(probe, 'error');
        later.src = src;
        later.innerHTML = '<feed-probe></feed-probe>';
        document.body.append(later);
        await statusOf(later.querySelector('feed-probe')!, 'error');
        expect((await counts(k)).hits).to.equal(3);
      } finally {
        first.remove();
        later.remove();
      }
    });
  });

  describe('when it is moved while a refresh is under way', () => {
    it('refreshes where it lands, instead of announcing the feed it had', async () => {
      const k = key('moved');
      const el = document.createElement('civic-feed');
      // The seed feed, then the English one, a moment late: the refresh is still under way
      // when the element moves.
      el.src = `/faults/script?key=${k}&files=vi-cong-an-tinh.json,en-city-news.json&delays=0,300`;
      el.innerHTML = '<feed-probe></feed-probe>';
      const first = once(el, 'civic-feed-load');
      document.body.append(el);
      const seed = (await first).detail.feed;
      const probe = el.querySelector('feed-probe')!;
      await statusOf(probe, 'ready');
      const elsewhere = document.createElement('section');
      document.body.append(elsewhere);
      try {
        el.reload();
        const next = once(el, 'civic-feed-load');
        // A CMS script or a framework moves it: disconnected and connected in one task.
        elsewhere.append(el);
        const moved = (await next).detail.feed;
        // Before: the request was dropped, and the old feed announced as if it were new.
        expect(moved).not.to.equal(seed);
        expect(moved.language).to.equal('en-US');
        await waitUntil(() => probe.source.state.feed === moved, 'the widget never drew it');
        expect((await counts(k)).hits).to.be.at.least(2);
      } finally {
        elsewhere.remove();
      }
    });
  });

  describe('when locale and time-zone are set', () => {
    it('hands them to the widgets inside', async () => {
      const el = await fixture<CivicFeed>(
        html`<civic-feed locale="en" time-zone="America/New_York" src=${SEED}
          ><feed-probe></feed-probe
        ></civic-feed>`,
      );
      const probe = el.querySelector('feed-probe')!;
      await statusOf(probe, 'ready');
      expect(el.getAttribute('lang')).to.equal('en');
      expect(probe.source.state.locale).to.equal('en');
      expect(probe.source.state.timeZone).to.equal('America/New_York');
      expect(probe.source.state.feed!.timeZone).to.equal('America/New_York');
      el.locale = undefined;
      await el.updateComplete;
      expect(el.hasAttribute('lang')).to.equal(false);
    });
  });
});

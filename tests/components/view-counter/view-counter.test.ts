import { sendKeys } from '@web/test-runner-commands';
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../../src/components/view-counter/view-counter.define.js';
import '../../../src/components/feed/feed.define.js';
import { CivicViewCounter } from '../../../src/components/view-counter/view-counter.js';
import { loadCount } from '../../../src/counter/load-count.js';
import { loadFeed } from '../../../src/feed/load.js';
import { formatCount } from '../../../src/format/numbers.js';

const VI_FEED = '/tests/fixtures/vi-cong-an-tinh.json';
const EN_FEED = '/tests/fixtures/en-city-news.json';
const SEED_ID = '2019-antq-ket-qua';

/** Everything the shadow root says, spaces collapsed (screen-reader-only text included). */
const text = (el: Element) => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ').trim();
const part = (el: Element, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
/** Waits generously: the bound is for a stuck test, not a speed requirement. */
const until = (check: () => boolean, what: string) => waitUntil(check, what, { timeout: 4000 });

interface Seen {
  method: string;
  id: string | null;
  cookie: string | null;
  referer: string | null;
  body: string | null;
}

/** A fresh bucket of the test endpoint (tests/server/view-counter.mjs). */
function endpoint() {
  const root = `/counter-api/${crypto.randomUUID()}`;
  return {
    url: (mode = 'ok') => `${root}/${mode}`,
    log: async (): Promise<Seen[]> => (await fetch(`${root}/log`)).json() as Promise<Seen[]>,
    seed: (id: string, views: number) =>
      fetch(`${root}/seed`, { method: 'POST', body: JSON.stringify({ id, views }) }),
    release: () => fetch(`${root}/release`, { method: 'POST' }),
  };
}

function setNavigator(name: string, value: unknown): () => void {
  Object.defineProperty(navigator, name, { value, configurable: true });
  return () => {
    delete (navigator as unknown as Record<string, unknown>)[name];
  };
}

/** Never NaN, undefined, [object Object] or Invalid Date, whatever the state. */
function expectClean(el: Element) {
  expect(text(el)).not.to.match(/NaN|undefined|\[object|Invalid Date/);
}

describe('civic-view-counter', () => {
  let warn: sinon.SinonStub;
  beforeEach(() => {
    warn = sinon.stub(console, 'warn');
  });
  afterEach(() => {
    warn.restore();
  });

  it('is defined', () => {
    expect(customElements.get('civic-view-counter')).to.equal(CivicViewCounter);
    expect(document.createElement('civic-view-counter')).to.be.instanceOf(CivicViewCounter);
  });

  it('renders the defaults: nothing visible but the light-DOM fallback, inline', async () => {
    const el = await fixture<CivicViewCounter>(
      html`<civic-view-counter><a href="/tin-tuc">Xem tin</a></civic-view-counter>`,
    );
    expect(text(el)).to.equal('');
    const slot = el.shadowRoot!.querySelector('slot')!;
    expect(slot.assignedElements()[0].textContent).to.equal('Xem tin');
    expect(getComputedStyle(el).display).to.equal('inline-block');
    expect(el.views).to.be.undefined;
    expect(el.notation).to.equal('standard');
    expect(el.hit).to.be.false;
    expect(warn.called).to.be.false;
  });

  it('passes axe', async () => {
    const el = await fixture<CivicViewCounter>(
      html`<civic-view-counter count="2007"></civic-view-counter>`,
    );
    await expect(el).to.be.accessible();
  });

  describe('when a count is given', () => {
    it('prints "Lượt xem: 2.007" in vi, with a machine-readable <data value>', async () => {
      const el = await fixture<CivicViewCounter>(
        html`<civic-view-counter count="2007"></civic-view-counter>`,
      );
      expect(text(el)).to.equal('Lượt xem: 2.007');
      const count = part(el, 'count')!;
      expect(count.localName).to.equal('data');
      expect(count.getAttribute('value')).to.equal('2007');
      expect(count.textContent.trim()).to.equal('2.007');
      expect(part(el, 'label')!.textContent.trim()).to.equal('Lượt xem:');
      expect(el.views).to.equal(2007);
      expect(el.shadowRoot!.querySelector('slot')).to.be.null;
    });

    it('prints "Views: 2,007" in en, from locale or the nearest lang', async () => {
      const el = await fixture<CivicViewCounter>(
        html`<civic-view-counter locale="en" count="2007"></civic-view-counter>`,
      );
      expect(text(el)).to.equal('Views: 2,007');
      const wrap = await fixture(
        html`<p lang="en-GB"><civic-view-counter count="2007"></civic-view-counter></p>`,
      );
      const inner = wrap.querySelector('civic-view-counter')!;
      await inner.updateComplete;
      expect(text(inner)).to.equal('Views: 2,007');
    });

    it('prints compact counts ("15 N", "16K") and gives screen readers the exact number', async () => {
      const vi = await fixture<CivicViewCounter>(
        html`<civic-view-counter count="15000" notation="compact"></civic-view-counter>`,
      );
      const visible = part(vi, 'count')!.querySelector('[aria-hidden="true"]')!;
      expect(visible.textContent).to.match(/^15\sN$/);
      expect(part(vi, 'count')!.querySelector('.visually-hidden')!.textContent).to.equal('15.000');
      expect(part(vi, 'count')!.getAttribute('value')).to.equal('15000');
      await expect(vi).to.be.accessible();

      const en = await fixture<CivicViewCounter>(
        html`<civic-view-counter
          locale="en"
          count="16000"
          notation="compact"
        ></civic-view-counter>`,
      );
      expect(part(en, 'count')!.querySelector('[aria-hidden="true"]')!.textContent).to.equal('16K');
      expect(part(en, 'count')!.querySelector('.visually-hidden')!.textContent).to.equal('16,000');
    });

    it('prints a small count once in compact notation (nothing to abbreviate)', async () => {
      const el = await fixture<CivicViewCounter>(
        html`<civic-view-counter count="987" notation="compact"></civic-view-counter>`,
      );
      expect(text(el)).to.equal('Lượt xem: 987');
      expect(part(el, 'count')!.querySelector('[aria-hidden]')).to.be.null;
    });

    it('treats an unknown notation as standard', async () => {
      const el = await fixture<CivicViewCounter>(
        html`<civic-view-counter count="2007" notation="short"></civic-view-counter>`,
      );
      expect(text(el)).to.equal('Lượt xem: 2.007');
    });

    it('updates when the count changes', async () => {
      const el = await fixture<CivicViewCounter>(
        html`<civic-view-counter count="2007"></civic-view-counter>`,
      );
      el.setAttribute('count', '2008');
      await el.updateComplete;
      expect(text(el)).to.equal('Lượt xem: 2.008');
      el.count = 0;
      await el.updateComplete;
      expect(text(el)).to.equal('Lượt xem: 0');
    });

    for (const bad of ['2.007', '-1', 'abc', '', '1e3', '99999999999999999999']) {
      it(`ignores count="${bad}" with one warning and shows the fallback, never NaN`, async () => {
        const el = await fixture<CivicViewCounter>(
          html`<civic-view-counter count=${bad}><span>Lượt xem</span></civic-view-counter>`,
        );
        expectClean(el);
        expect(text(el)).to.equal('');
        expect(el.shadowRoot!.querySelector('slot')).to.exist;
        // The words come with a lazy chunk: the line follows within a moment.
        await until(() => warn.called, 'the warning');
        el.requestUpdate();
        await el.updateComplete;
        await aTimeout(50);
        expect(warn.callCount).to.equal(1);
        expect(warn.firstCall.args[0]).to.equal(
          `civic-view-counter: count="${bad}" is not a non-negative whole number such as 2007; ignoring it`,
        );
      });
    }
  });

  describe('when the label is hidden', () => {
    it('keeps the label for screen readers only', async () => {
      const el = await fixture<CivicViewCounter>(
        html`<civic-view-counter count="2007" hide-label></civic-view-counter>`,
      );
      const label = part(el, 'label')!;
      expect(label.classList.contains('visually-hidden')).to.be.true;
      expect(label.getBoundingClientRect().width).to.be.at.most(1);
      expect(text(el)).to.equal('Lượt xem: 2.007');
      await expect(el).to.be.accessible();
    });
  });

  describe('when the count comes from a feed', () => {
    it('shows the seed article’s views: "Lượt xem: 2.007"', async () => {
      const el = await fixture<CivicViewCounter>(
        html`<civic-view-counter src=${VI_FEED} item-id=${SEED_ID}></civic-view-counter>`,
      );
      await until(() => el.views !== undefined, 'the feed to load');
      expect(text(el)).to.equal('Lượt xem: 2.007');
      await expect(el).to.be.accessible();
    });

    it('shows the item named by item-id', async () => {
      const el = await fixture<CivicViewCounter>(
        html`<civic-view-counter
          src=${VI_FEED}
          item-id="2020-lua-dao-mang-xa-hoi"
        ></civic-view-counter>`,
      );
      await until(() => el.views !== undefined, 'the feed to load');
      expect(text(el)).to.equal('Lượt xem: 15.890');
    });

    it('finds the item by its url too, like the card', async () => {
      const el = await fixture<CivicViewCounter>(
        html`<civic-view-counter
          src=${VI_FEED}
          item-id=" https://congan.tinh.example/tin-tuc/canh-bao-thu-doan-lua-dao-qua-mang-xa-hoi "
        ></civic-view-counter>`,
      );
      await until(() => el.views !== undefined, 'the feed to load');
      expect(text(el)).to.equal('Lượt xem: 15.890');
    });

    it('shows the first item without item-id', async () => {
      const el = await fixture<CivicViewCounter>(
        html`<civic-view-counter src=${VI_FEED}></civic-view-counter>`,
      );
      await until(() => el.views !== undefined, 'the feed to load');
      expect(text(el)).to.equal('Lượt xem: 2.007');
    });

    it('takes the nearest <civic-feed>', async () => {
      const wrap = await fixture(
        html`<civic-feed src=${EN_FEED}>
          <civic-view-counter locale="en" item-id="snow-emergency"></civic-view-counter>
        </civic-feed>`,
      );
      const el = wrap.querySelector('civic-view-counter')!;
      await until(() => el.views !== undefined, 'the feed to load');
      expect(text(el)).to.equal('Views: 20,411');
    });

    it('takes a JSON Feed document in .feed', async () => {
      const doc: unknown = await (await fetch(EN_FEED)).json();
      const el = await fixture<CivicViewCounter>(
        html`<civic-view-counter
          locale="en"
          item-id="recycling-schedule"
          .feed=${doc}
        ></civic-view-counter>`,
      );
      await until(() => el.views !== undefined, 'the feed to be read');
      expect(text(el)).to.equal('Views: 987');
    });

    it('lets count win over the feed', async () => {
      const el = await fixture<CivicViewCounter>(
        html`<civic-view-counter src=${VI_FEED} item-id=${SEED_ID} count="5"></civic-view-counter>`,
      );
      await el.updateComplete;
      expect(text(el)).to.equal('Lượt xem: 5');
    });

    it('shows the fallback, and says so once, for an id the feed does not have', async () => {
      const el = await fixture<CivicViewCounter>(
        html`<civic-view-counter src=${VI_FEED} item-id="no-such-item"
          ><i>—</i></civic-view-counter
        >`,
      );
      await until(() => warn.called, 'the warning');
      expect(text(el)).to.equal('');
      expect(el.shadowRoot!.querySelector('slot')).to.exist;
      el.requestUpdate();
      await el.updateComplete;
      expect(warn.callCount).to.equal(1);
      expect(warn.firstCall.args[0]).to.match(
        /^civic-view-counter: no item with id "no-such-item" in the feed/,
      );
      await expect(el).to.be.accessible();
    });
  });

  describe('when given .item', () => {
    it('shows a raw JSON Feed item’s views', async () => {
      const doc = (await (await fetch(VI_FEED)).json()) as { items: unknown[] };
      const el = await fixture<CivicViewCounter>(
        html`<civic-view-counter .item=${doc.items[0]}></civic-view-counter>`,
      );
      expect(text(el)).to.equal('Lượt xem: 2.007');
    });

    it('shows an Article’s views, over the feed around it', async () => {
      const { feed } = await loadFeed(new URL(EN_FEED, location.href).href);
      const el = await fixture<CivicViewCounter>(
        html`<civic-view-counter
          locale="en"
          src=${VI_FEED}
          .item=${feed.items[0]}
        ></civic-view-counter>`,
      );
      expect(text(el)).to.equal('Views: 12,873');
    });

    it('shows the fallback for an item without views, and warns about one that is not an item', async () => {
      const el = await fixture<CivicViewCounter>(
        html`<civic-view-counter .item=${{ id: 'x', title: 'Không có lượt xem' }}
          >–</civic-view-counter
        >`,
      );
      expect(text(el)).to.equal('');
      expect(warn.called).to.be.false;
      // A script without types can set anything; the element must cope.
      el.item = 'not an item' as unknown as CivicViewCounter['item'];
      await el.updateComplete;
      expectClean(el);
      expect(el.shadowRoot!.querySelector('slot')).to.exist;
      await until(() => warn.called, 'the warning');
      expect(
        warn.calledOnceWith(
          'civic-view-counter: .item is neither a JSON Feed item nor an Article; ignoring it',
        ),
      ).to.be.true;
    });
  });

  describe('when loading', () => {
    it('shows a labelled bar that keeps the final size: no layout shift', async () => {
      const api = endpoint();
      await api.seed('a', 2006);
      const wrap = await fixture(
        html`<div>
          <p><civic-view-counter endpoint=${api.url('gate')} item-id="a"></civic-view-counter></p>
          <p id="below">Tin khác</p>
        </div>`,
      );
      const el = wrap.querySelector('civic-view-counter')!;
      await el.updateComplete;
      const status = part(el, 'status')!;
      expect(status.getAttribute('role')).to.equal('status');
      expect(text(el)).to.equal('Lượt xem: Đang tải…');
      await expect(el).to.be.accessible();
      const before = el.getBoundingClientRect();
      const belowBefore = wrap.querySelector('#below')!.getBoundingClientRect().top;

      // The live client is a lazy chunk: let its request reach the gate before opening it.
      await waitUntil(async () => (await api.log()).length > 0, 'the request was not sent', {
        timeout: 4000,
      });
      await api.release();
      await until(() => el.views === 2006, 'the answer');
      expect(text(el)).to.equal('Lượt xem: 2.006');
      const after = el.getBoundingClientRect();
      expect(after.width).to.be.closeTo(before.width, 0.5);
      expect(after.height).to.be.closeTo(before.height, 0.5);
      expect(wrap.querySelector('#below')!.getBoundingClientRect().top).to.be.closeTo(
        belowBefore,
        0.5,
      );
    });

    it('shows the bar while its feed loads', async () => {
      const el = await fixture<CivicViewCounter>(
        html`<civic-view-counter
          src=${`/faults/hang?key=${crypto.randomUUID()}&ms=3000`}
        ></civic-view-counter>`,
      );
      await el.updateComplete;
      expect(part(el, 'status')!.getAttribute('role')).to.equal('status');
      await expect(el).to.be.accessible();
      el.remove();
    });
  });

  describe('when the feed fails', () => {
    it('shows a short message, "Thử lại" and the fallback', async () => {
      const el = await fixture<CivicViewCounter>(
        html`<civic-view-counter src="/faults/404"
          ><a href="/tin-tuc">Tin tức</a></civic-view-counter
        >`,
      );
      await until(() => el.shadowRoot!.querySelector('button') !== null, 'the error state');
      expect(part(el, 'status')!.textContent).to.equal('Không tải được lượt xem');
      // Said when it appears (the loading state's status region is gone by then).
      expect(part(el, 'status')!.getAttribute('role')).to.equal('alert');
      expect(part(el, 'retry')!.textContent).to.equal('Thử lại');
      expect(el.shadowRoot!.querySelector('slot')!.assignedElements()).to.have.length(1);
      expectClean(el);
      await expect(el).to.be.accessible();
    });

    it('stays in the line of text it sits in', async () => {
      const line = await fixture<HTMLParagraphElement>(
        html`<p style="width: 800px; line-height: 20px">
          Ngày đăng: 01/01/2020 | <civic-view-counter src="/faults/404"></civic-view-counter> | Tác
          giả
        </p>`,
      );
      const el = line.querySelector('civic-view-counter')!;
      await until(() => el.shadowRoot!.querySelector('button') !== null, 'the error state');
      // Before: the button took a line of its own, and the paragraph grew to 59 px.
      expect(line.getBoundingClientRect().height).to.be.below(25);
    });

    it('asks again on "Thử lại"', async () => {
      const key = crypto.randomUUID();
      const el = await fixture<CivicViewCounter>(
        html`<civic-view-counter
          src=${`/faults/flaky?key=${key}&fails=1&code=404`}
          item-id=${SEED_ID}
        ></civic-view-counter>`,
      );
      await until(() => el.shadowRoot!.querySelector('button') !== null, 'the error state');
      // By keyboard: focus stays on the counter while the button gives way to the bar.
      part(el, 'retry')!.focus();
      await sendKeys({ press: 'Enter' });
      expect(document.activeElement, 'focus kept on the widget').to.equal(el);
      await until(() => el.views === 2007, 'the count after the retry');
      expect(text(el)).to.equal('Lượt xem: 2.007');
      expect(document.activeElement === el, 'focus still on the widget').to.be.true;
    });

    it('keeps the remembered count, with its date in a tooltip, when a reload fails', async () => {
      const key = crypto.randomUUID();
      const el = await fixture<CivicViewCounter>(
        html`<civic-view-counter
          src=${`/faults/once?key=${key}`}
          item-id=${SEED_ID}
        ></civic-view-counter>`,
      );
      await until(() => el.views === 2007, 'the first load');
      expect(part(el, 'count')!.hasAttribute('title')).to.be.false;
      // The provider's retry is what a refresh of the feed does.
      (el as unknown as { source: { state: { retry(): void } } }).source.state.retry();
      await until(() => part(el, 'count')!.hasAttribute('title'), 'the stale state');
      expect(text(el)).to.equal('Lượt xem: 2.007');
      expect(part(el, 'count')!.title).to.match(
        /^Lượt xem tính đến \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/,
      );
      await expect(el).to.be.accessible();
    });
  });

  describe('when live from an endpoint', () => {
    afterEach(() => {
      document.cookie = 'civic-counter-test=; path=/; max-age=0';
    });

    it('asks GET {endpoint}?id= and shows the answer, over the attribute', async () => {
      const api = endpoint();
      await api.seed(SEED_ID, 2010);
      const el = await fixture<CivicViewCounter>(
        html`<civic-view-counter
          count="2007"
          endpoint=${api.url()}
          item-id=${SEED_ID}
        ></civic-view-counter>`,
      );
      // The known number shows at once: no loading flash while the endpoint is asked.
      expect(text(el)).to.equal('Lượt xem: 2.007');
      await until(() => el.views === 2010, 'the answer');
      expect(text(el)).to.equal('Lượt xem: 2.010');
      expect((await api.log()).map((r) => `${r.method} ${r.id}`)).to.deep.equal([`GET ${SEED_ID}`]);
      await expect(el).to.be.accessible();
    });

    it('sends the feed item’s id when there is no item-id', async () => {
      const api = endpoint();
      const el = await fixture<CivicViewCounter>(
        html`<civic-view-counter src=${VI_FEED} endpoint=${api.url()}></civic-view-counter>`,
      );
      await until(() => el.views === 2006, 'the answer');
      expect((await api.log()).map((r) => r.id)).to.deep.equal([SEED_ID]);
    });

    it('sends no cookie and no Referer', async () => {
      document.cookie = 'civic-counter-test=1; path=/';
      const api = endpoint();
      const el = await fixture<CivicViewCounter>(
        html`<civic-view-counter endpoint=${api.url()} item-id="a" hit></civic-view-counter>`,
      );
      await until(() => el.views === 2007, 'the answer');
      // The same endpoint fetched plainly does get the cookie: the check can fail.
      await fetch(`${api.url()}?id=probe`);
      const log = await api.log();
      expect(log.map((r) => [r.method, r.cookie, r.referer])).to.deep.equal([
        ['POST', null, null],
        ['GET', 'civic-counter-test=1', log[1].referer],
      ]);
      expect(log[1].referer).to.be.a('string');
    });

    it('records the view with hit: one POST per session, shown from its answer', async () => {
      const api = endpoint();
      await api.seed('a', 2006);
      const first = await fixture<CivicViewCounter>(
        html`<civic-view-counter endpoint=${api.url()} item-id="a" hit></civic-view-counter>`,
      );
      await until(() => first.views === 2007, 'the POST answer');
      expect(text(first)).to.equal('Lượt xem: 2.007');
      const second = await fixture<CivicViewCounter>(
        html`<civic-view-counter endpoint=${api.url()} item-id="a" hit></civic-view-counter>`,
      );
      await until(() => second.views === 2007, 'the GET answer');
      const log = await api.log();
      expect(log.map((r) => r.method)).to.deep.equal(['POST', 'GET']);
      expect(JSON.parse(log[0].body!)).to.deep.equal({ id: 'a' });
    });

    it('sends one POST for two counters of one item on one page', async () => {
      const api = endpoint();
      const wrap = await fixture(
        html`<div>
          <civic-view-counter endpoint=${api.url()} item-id="a" hit></civic-view-counter>
          <civic-view-counter
            endpoint=${api.url()}
            item-id="a"
            hit
            notation="compact"
          ></civic-view-counter>
        </div>`,
      );
      const [one, two] = [...wrap.querySelectorAll('civic-view-counter')];
      await until(() => one.views === 2007 && two.views === 2007, 'both answers');
      expect((await api.log()).map((r) => r.method)).to.deep.equal(['POST']);
    });

    it('records nothing under Global Privacy Control: GET only', async () => {
      const undo = setNavigator('globalPrivacyControl', true);
      try {
        const api = endpoint();
        const el = await fixture<CivicViewCounter>(
          html`<civic-view-counter endpoint=${api.url()} item-id="a" hit></civic-view-counter>`,
        );
        await until(() => el.views === 2006, 'the answer');
        expect((await api.log()).map((r) => r.method)).to.deep.equal(['GET']);
      } finally {
        undo();
      }
    });

    it('records nothing under Do Not Track: GET only', async () => {
      const undo = setNavigator('doNotTrack', '1');
      try {
        const api = endpoint();
        const el = await fixture<CivicViewCounter>(
          html`<civic-view-counter endpoint=${api.url()} item-id="a" hit></civic-view-counter>`,
        );
        await until(() => el.views === 2006, 'the answer');
        expect((await api.log()).map((r) => r.method)).to.deep.equal(['GET']);
      } finally {
        undo();
      }
    });

    it('refresh() asks again and shows the new count, without recording another view', async () => {
      const api = endpoint();
      const el = await fixture<CivicViewCounter>(
        html`<civic-view-counter endpoint=${api.url()} item-id="a" hit></civic-view-counter>`,
      );
      await until(() => el.views === 2007, 'the POST answer');
      await api.seed('a', 3000);
      await el.refresh();
      expect(text(el)).to.equal('Lượt xem: 3.000');
      expect((await api.log()).map((r) => r.method)).to.deep.equal(['POST', 'GET']);
    });

    for (const mode of ['500', 'bad-json', 'negative', 'string-views', 'wrong-id']) {
      it(`keeps the last known number when the endpoint answers ${mode}, with one warning naming the URL`, async () => {
        const api = endpoint();
        const el = await fixture<CivicViewCounter>(
          html`<civic-view-counter
            src=${VI_FEED}
            item-id=${SEED_ID}
            endpoint=${api.url(mode)}
          ></civic-view-counter>`,
        );
        await until(() => warn.called, 'the warning');
        await el.updateComplete;
        expect(text(el)).to.equal('Lượt xem: 2.007');
        expectClean(el);
        expect(warn.callCount).to.equal(1);
        const message = String(warn.firstCall.args[0]);
        expect(message).to.contain(`${api.url(mode)}?id=${SEED_ID}`);
        expect(message).to.match(/^civic-view-counter: .+; keeping the last known count \(2007\)$/);
      });
    }

    it('keeps an earlier answer when a later endpoint fails', async () => {
      const api = endpoint();
      await api.seed('a', 4321);
      const el = await fixture<CivicViewCounter>(
        html`<civic-view-counter endpoint=${api.url()} item-id="a"></civic-view-counter>`,
      );
      await until(() => el.views === 4321, 'the first answer');
      el.endpoint = api.url('500');
      await until(() => warn.called, 'the warning');
      expect(text(el)).to.equal('Lượt xem: 4.321');
      expect(String(warn.firstCall.args[0])).to.contain('HTTP 500');
    });

    it('shows the fallback, and warns, when the endpoint fails with nothing known', async () => {
      const api = endpoint();
      const el = await fixture<CivicViewCounter>(
        html`<civic-view-counter endpoint=${api.url('500')} item-id="a"
          ><a href="/tin-tuc">Tin tức</a></civic-view-counter
        >`,
      );
      await until(() => warn.called, 'the warning');
      await el.updateComplete;
      expect(text(el)).to.equal('');
      expect(el.shadowRoot!.querySelector('slot')!.assignedElements()).to.have.length(1);
      expect(String(warn.firstCall.args[0])).to.match(
        /HTTP 500 for .+; showing the fallback content$/,
      );
      await expect(el).to.be.accessible();
    });

    it('shows the fallback when the endpoint cannot be reached', async () => {
      const el = await fixture<CivicViewCounter>(
        html`<civic-view-counter endpoint="http://127.0.0.1:9/views" item-id="a"
          >–</civic-view-counter
        >`,
      );
      await until(() => warn.called, 'the warning');
      expect(String(warn.firstCall.args[0])).to.contain(
        'network error loading http://127.0.0.1:9/views?id=a',
      );
      expectClean(el);
    });

    it('asks nothing while no item id is known', async () => {
      const api = endpoint();
      const el = await fixture<CivicViewCounter>(
        html`<civic-view-counter endpoint=${api.url()}>–</civic-view-counter>`,
      );
      await el.updateComplete;
      expect(text(el)).to.equal('');
      expect(await api.log()).to.deep.equal([]);
    });

    it('ignores an answer that arrives after the element left the page', async () => {
      const api = endpoint();
      const el = await fixture<CivicViewCounter>(
        html`<civic-view-counter endpoint=${api.url('gate')} item-id="a"></civic-view-counter>`,
      );
      // The live client is a lazy chunk: wait until the element's own request is held at
      // the gate (not a guess at how long that takes), so the answer really comes late.
      await waitUntil(async () => (await api.log()).length === 1, 'the request was not sent', {
        timeout: 4000,
      });
      el.remove();
      // Joins the element's request (one request per URL in flight), so once this
      // resolves the element has had the answer too.
      const shared = loadCount({ endpoint: api.url('gate'), id: 'a' });
      await api.release();
      expect((await shared).views).to.equal(2006);
      await el.updateComplete;
      expect((await api.log()).length).to.equal(1);
      expect(el.views).to.be.undefined;
      expect(warn.called).to.be.false;
    });

    it('prints counts with formatCount, like the rest of the widgets', async () => {
      const api = endpoint();
      await api.seed('a', 1234567);
      const el = await fixture<CivicViewCounter>(
        html`<civic-view-counter
          locale="en"
          notation="compact"
          endpoint=${api.url()}
          item-id="a"
        ></civic-view-counter>`,
      );
      await until(() => el.views === 1234567, 'the answer');
      expect(part(el, 'count')!.querySelector('[aria-hidden="true"]')!.textContent).to.equal(
        formatCount(1234567, 'en', 'compact'),
      );
    });
  });
});

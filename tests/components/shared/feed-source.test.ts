import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { LitElement, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import '../../../src/components/feed/feed.define.js';
import type { CivicFeed } from '../../../src/components/feed/feed.js';
import { FeedSource } from '../../../src/components/shared/feed-source.js';
import type { FeedStatus } from '../../../src/components/shared/feed-context.js';
import type {
  CivicFeedErrorEvent,
  CivicFeedLoadEvent,
} from '../../../src/components/shared/events.js';

/** The smallest widget: what every real widget does to get its data. */
class TestFeedWidget extends LitElement {
  @property() src?: string | null;
  @property({ attribute: false }) feed?: unknown;
  readonly source = new FeedSource(this);
  override render(): TemplateResult {
    const { status, feed } = this.source.state;
    return html`<p data-status=${status}>${feed?.items[0]?.title ?? ''}</p>`;
  }
}
if (!customElements.get('test-feed-widget'))
  customElements.define('test-feed-widget', TestFeedWidget);

const key = (name: string) =>
  `${name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
const SEED = '/tests/fixtures/vi-cong-an-tinh.json';
const SEED_TITLE = 'Kết quả phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2019';

async function hits(k: string): Promise<{ hits: number; aborted: number }> {
  return (await (await fetch(`/faults/count?key=${k}`)).json()) as {
    hits: number;
    aborted: number;
  };
}

function settled(el: TestFeedWidget, status: FeedStatus = 'ready'): Promise<unknown> {
  return waitUntil(() => el.source.state.status === status, `status never became ${status}`, {
    timeout: 4000,
  });
}

describe('FeedSource', () => {
  describe('when nothing names a feed', () => {
    it('is idle', async () => {
      const el = await fixture<TestFeedWidget>(html`<test-feed-widget></test-feed-widget>`);
      expect(el.source.state.status).to.equal('idle');
    });
  });

  describe('when the widget has its own src', () => {
    it('loads it and fires civic-feed-load from the widget', async () => {
      const url = `${SEED}?k=${key('own')}`;
      const el = document.createElement('test-feed-widget') as TestFeedWidget;
      el.src = url;
      const loaded = oneEvent<CivicFeedLoadEvent>(el, 'civic-feed-load');
      document.body.append(el);
      const event = await loaded;
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail.url).to.equal(new URL(url, location.href).href);
      expect(event.detail.feed.items).to.have.length(10);
      expect(el.source.state).to.include({ status: 'ready', url: event.detail.url });
      expect(el.source.state.fetchedAt).to.be.instanceOf(Date);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal(SEED_TITLE);
      el.remove();
    });

    it('fires civic-feed-error with the plain message, and retry() asks again', async () => {
      const k = key('retry');
      const el = document.createElement('test-feed-widget') as TestFeedWidget;
      el.src = `/faults/flaky?key=${k}&fails=1&code=404`;
      const failed = oneEvent<CivicFeedErrorEvent>(el, 'civic-feed-error');
      document.body.append(el);
      const event = await failed;
      expect(event.detail.error.message).to.equal(
        `HTTP 404 for /faults/flaky?key=${k}&fails=1&code=404`,
      );
      expect(el.source.state.status).to.equal('error');
      el.source.state.retry();
      await settled(el);
      expect((await hits(k)).hits).to.equal(2);
      el.remove();
    });

    it('re-resolves when src changes', async () => {
      const el = await fixture<TestFeedWidget>(
        html`<test-feed-widget src=${`${SEED}?k=${key('a')}`}></test-feed-widget>`,
      );
      await settled(el);
      el.src = `/tests/fixtures/vi-cong-an-tinh.atom.xml?k=${key('b')}`;
      await waitUntil(() => el.source.state.feed?.format === 'atom');
      expect(el.source.state.status).to.equal('ready');
    });

    it('shows an empty feed as empty', async () => {
      const el = await fixture<TestFeedWidget>(
        html`<test-feed-widget src="/tests/fixtures/empty.json"></test-feed-widget>`,
      );
      await settled(el, 'empty');
      expect(el.source.state.feed!.items).to.deep.equal([]);
    });
  });

  describe('when the widget leaves the page', () => {
    it('lets go of the request, which is aborted when nobody else wants it', async () => {
      const k = key('leave');
      const el = await fixture<TestFeedWidget>(
        html`<test-feed-widget src=${`/faults/hang?key=${k}&ms=4000`}></test-feed-widget>`,
      );
      await waitUntil(async () => (await hits(k)).hits === 1);
      el.remove();
      await waitUntil(async () => (await hits(k)).aborted === 1, 'request was not aborted', {
        timeout: 2000,
      });
    });

    it('keeps the request when the widget is only moved', async () => {
      const k = key('move');
      const el = await fixture<TestFeedWidget>(
        html`<test-feed-widget src=${`/faults/counted?key=${k}&delay=300`}></test-feed-widget>`,
      );
      const other = document.createElement('div');
      document.body.append(other);
      other.append(el);
      await settled(el);
      expect((await hits(k)).hits).to.equal(1);
      other.remove();
    });
  });

  describe('when the feed property is set', () => {
    it('wins over src and makes no request', async () => {
      const k = key('prop');
      const doc = {
        version: 'https://jsonfeed.org/version/1.1',
        items: [{ id: '1', title: 'Tin từ thuộc tính' }],
      };
      const el = await fixture<TestFeedWidget>(
        html`<test-feed-widget .feed=${doc} src=${`/faults/counted?key=${k}`}></test-feed-widget>`,
      );
      expect(el.source.state.status).to.equal('ready');
      expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('Tin từ thuộc tính');
      await new Promise((r) => setTimeout(r, 200));
      expect((await hits(k)).hits).to.equal(0);
      el.feed = undefined;
      await settled(el);
      expect((await hits(k)).hits).to.equal(1);
    });

    it('shows a value that is not a feed as an error', async () => {
      const el = await fixture<TestFeedWidget>(
        html`<test-feed-widget .feed=${'not a feed'}></test-feed-widget>`,
      );
      expect(el.source.state.status).to.equal('error');
      expect(el.source.state.error!.message).to.equal(
        'not a feed: expected a JSON Feed object or a Feed from loadFeed',
      );
    });
  });

  describe('when a <civic-feed> encloses the widget', () => {
    it("uses the provider's feed unless it has its own", async () => {
      const parent = await fixture<CivicFeed>(
        html`<civic-feed src=${`${SEED}?k=${key('ctx')}`}>
          <test-feed-widget id="inherits"></test-feed-widget>
          <test-feed-widget
            id="own"
            src="/tests/fixtures/vi-cong-an-tinh.rss.xml"
          ></test-feed-widget>
        </civic-feed>`,
      );
      const inherits = parent.querySelector<TestFeedWidget>('#inherits')!;
      const own = parent.querySelector<TestFeedWidget>('#own')!;
      await settled(inherits);
      await settled(own);
      expect(inherits.source.state.feed!.format).to.equal('json');
      expect(own.source.state.feed!.format).to.equal('rss');
      // Dropping its own src falls back to the provider.
      own.src = null;
      await waitUntil(() => own.source.state.feed?.format === 'json');
    });

    it('finds a provider defined after the widget asked', async () => {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      host.innerHTML = `<civic-feed-late src="${SEED}?k=${key('late')}"><test-feed-widget></test-feed-widget></civic-feed-late>`;
      const widget = host.querySelector<TestFeedWidget>('test-feed-widget')!;
      await widget.updateComplete;
      expect(widget.source.state.status).to.equal('idle');
      const { CivicFeed: Provider } = await import('../../../src/components/feed/feed.js');
      customElements.define('civic-feed-late', class extends Provider {});
      await settled(widget);
    });
  });
});

/**
 * What screen readers hear, and what visitors read, across widgets: one assertive
 * announcement per failing feed, one status region per widget, the empty state announced,
 * the ticker's pause first, and an error state in plain words (the technical reason on
 * the console, in the event and in a closed "Chi tiết").
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import sinon from 'sinon';
import type { LitElement } from 'lit';
import '../../../src/define.js';
import { feedContext } from '../../../src/components/shared/feed-context.js';
import type { CivicFeedErrorEvent } from '../../../src/components/shared/events.js';

const widgets = (host: Element) =>
  Array.from(host.querySelectorAll<LitElement>('*')).filter((e) =>
    e.localName.startsWith('civic-'),
  );
const inShadows = (host: Element, selector: string) =>
  widgets(host).flatMap((w) => Array.from(w.shadowRoot?.querySelectorAll(selector) ?? []));
const key = () => `${Date.now()}-${Math.random().toString(36).slice(2)}`;

describe('announcements and visitor messages', function () {
  // Whole pages of widgets, lazy chunks and axe on a shared, busy machine.
  this.timeout(20_000);
  let warn: sinon.SinonSpy;
  beforeEach(() => {
    warn = sinon.spy(console, 'warn');
  });
  afterEach(() => warn.restore());

  it('four widgets on one failing feed raise one alert; the others are status; one console.warn', async () => {
    const src = `/faults/404?key=${key()}`;
    const errors: CivicFeedErrorEvent[] = [];
    const host = await fixture<HTMLDivElement>(
      html`<div lang="vi" @civic-feed-error=${(e: CivicFeedErrorEvent) => errors.push(e)}>
        <civic-article-card src=${src}></civic-article-card>
        <civic-article-card src=${src} variant="compact"></civic-article-card>
        <civic-bulletin-list src=${src}></civic-bulletin-list>
        <civic-bulletin-list src=${src} layout="compact"></civic-bulletin-list>
      </div>`,
    );
    await waitUntil(() => inShadows(host, '.error').length === 4, 'not all in the error state', {
      timeout: 4000,
    });
    expect(inShadows(host, '[role=alert]')).to.have.length(1);
    expect(inShadows(host, '.error[role=status]')).to.have.length(3);
    // The reason, for the site's developer: once on the console, in every event.
    const lines = warn.getCalls().filter((c) => String(c.args[0]).includes('HTTP 404'));
    expect(lines, 'one console.warn for the feed').to.have.length(1);
    expect(errors.length).to.be.greaterThan(0);
    for (const e of errors) expect(e.detail.error.message).to.match(/^HTTP 404 for /);
    await expect(host).to.be.accessible();
  });

  it('tells visitors what happened in the page language, with no HTTP status or URL', async () => {
    for (const [lang, said, retry, details] of [
      ['vi', 'Không tải được tin.', 'Thử lại', 'Chi tiết'],
      ['en', 'Could not load the news.', 'Try again', 'Details'],
    ]) {
      const host = await fixture<HTMLDivElement>(
        html`<div lang=${lang}>
          <civic-article-card src=${`/faults/404?key=${key()}`}></civic-article-card>
          <civic-bulletin-list src=${`/faults/status/503?key=${key()}`}></civic-bulletin-list>
        </div>`,
      );
      await waitUntil(() => inShadows(host, '.error').length === 2, 'no error state', {
        timeout: 4000,
      });
      for (const box of inShadows(host, '.error') as HTMLElement[]) {
        const visible = box.innerText;
        expect(visible).to.contain(said);
        expect(visible).to.contain(retry);
        expect(visible).to.contain(details);
        expect(visible, 'no technical detail in sight').not.to.match(
          /HTTP|\d{3}|\/faults\/|https?:|CORS|Access-Control/i,
        );
        const disclosure = box.querySelector('details')!;
        expect(disclosure.open, 'the disclosure starts closed').to.be.false;
      }
    }
  });

  it('announces the empty state through one status region', async () => {
    const empty = { version: 'https://jsonfeed.org/version/1.1', title: 'Trống', items: [] };
    const host = await fixture<HTMLDivElement>(
      html`<div>
        <civic-bulletin-list .feed=${empty}></civic-bulletin-list>
        <civic-article-card .feed=${empty}></civic-article-card>
      </div>`,
    );
    for (const w of widgets(host)) {
      await w.updateComplete;
      const regions = w.shadowRoot!.querySelectorAll('[role=status], [role=alert], [aria-live]');
      expect(regions, w.localName).to.have.length(1);
      expect(regions[0].textContent.trim()).to.equal('Chưa có tin');
    }
  });

  it('has one status region in every loading widget', async () => {
    const wrap = document.createElement('div');
    new ContextProvider(wrap, {
      context: feedContext,
      initialValue: { status: 'loading', retry: () => {} },
    });
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.append(wrap);
    await fixture(
      html`<div>
        <civic-article-card></civic-article-card>
        <civic-article-card variant="full" actions="print share"></civic-article-card>
        <civic-article-card variant="compact"></civic-article-card>
        <civic-bulletin-list></civic-bulletin-list>
        <civic-bulletin-list layout="grid"></civic-bulletin-list>
        <civic-view-counter></civic-view-counter>
      </div>`,
      { parentNode: wrap },
    );
    for (const w of widgets(host)) {
      await w.updateComplete;
      const regions = w.shadowRoot!.querySelectorAll('[role=status], [role=alert], [aria-live]');
      expect(regions, `${w.localName} ${w.getAttribute('variant') ?? ''}`).to.have.length(1);
    }
  });
});

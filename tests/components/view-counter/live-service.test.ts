// End to end: <civic-view-counter endpoint hit> in Chromium against the real counter
// service (server/, Redis-backed, cross-origin with CORS), started by
// tests/server/counter-service.mjs.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/components/view-counter/view-counter.define.js';
import type { CivicViewCounter } from '../../../src/components/view-counter/view-counter.js';

const text = (el: Element) => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ').trim();

async function service(): Promise<string> {
  const answer = (await (await fetch('/counter-service/endpoint')).json()) as { endpoint: string };
  return answer.endpoint;
}

async function count(endpoint: string, id: string): Promise<number> {
  const answer = await fetch(`${endpoint}?id=${encodeURIComponent(id)}`);
  return ((await answer.json()) as { views: number }).views;
}

describe('civic-view-counter against civic-counter', function () {
  // The first test starts redis-server and the service: generous on a loaded machine.
  this.timeout(30_000);

  it('counts the seed article once per session and shows the service’s number', async () => {
    const endpoint = await service();
    expect(new URL(endpoint).origin).not.to.equal(location.origin);
    // Seeded from the sample feed by `civic-counter import`: 2007 views.
    expect(await count(endpoint, '2019-antq-ket-qua')).to.equal(2007);
    const first = await fixture<CivicViewCounter>(
      html`<civic-view-counter
        endpoint=${endpoint}
        item-id="2019-antq-ket-qua"
        hit
      ></civic-view-counter>`,
    );
    await waitUntil(() => first.views === 2008, 'the POST answer', { timeout: 10_000 });
    expect(text(first)).to.equal('Lượt xem: 2.008');
    expect(await count(endpoint, '2019-antq-ket-qua')).to.equal(2008);
    // A second counter in the same session asks, without counting again.
    const second = await fixture<CivicViewCounter>(
      html`<civic-view-counter
        endpoint=${endpoint}
        item-id="2019-antq-ket-qua"
        hit
      ></civic-view-counter>`,
    );
    await waitUntil(() => second.views === 2008, 'the GET answer', { timeout: 10_000 });
    expect(await count(endpoint, '2019-antq-ket-qua')).to.equal(2008);
    await expect(second).to.be.accessible();
  });

  it('shows 0 for an item the service has never counted, without hit', async () => {
    const endpoint = await service();
    const id = `moi-${crypto.randomUUID()}`;
    const el = await fixture<CivicViewCounter>(
      html`<civic-view-counter endpoint=${endpoint} item-id=${id}></civic-view-counter>`,
    );
    await waitUntil(() => el.views === 0, 'the GET answer', { timeout: 10_000 });
    expect(text(el)).to.equal('Lượt xem: 0');
    expect(await count(endpoint, id)).to.equal(0);
  });
});

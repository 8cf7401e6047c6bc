/**
 * Issue #10, item 8: feed data never meets a lookup through the prototype chain.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/bulletin-list/bulletin-list.define.js';
import type { CivicBulletinList } from '../../src/components/bulletin-list/bulletin-list.js';
import { attachmentMeta, fileTypeLabel } from '../../src/format/attachments.js';
import { messagesFor } from '../../src/format/messages.js';
import { parseFeed, toFeed } from '../../src/feed/parse.js';

const proto = Object.prototype as Record<string, unknown>;

/** Runs `test` with Object.prototype polluted by `values`, and always cleans up. */
async function polluted(values: Record<string, unknown>, test: () => Promise<void>) {
  for (const [k, v] of Object.entries(values))
    Object.defineProperty(proto, k, { value: v, configurable: true, writable: true });
  try {
    await test();
  } finally {
    for (const k of Object.keys(values)) delete proto[k];
  }
  for (const k of Object.keys(values)) expect(k in {}, `${k} cleaned up`).to.be.false;
}

const jsonFeed = (items: unknown[]) =>
  JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'P', items });

describe('prototype keys in feed data', () => {
  it('a mime_type of "constructor" or "__proto__" names no type', () => {
    const m = messagesFor('vi');
    for (const mime of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(fileTypeLabel(mime, 'https://x.example/file')).to.be.undefined;
      const meta = attachmentMeta({ url: 'https://x.example/a.pdf', mimeType: mime }, 'vi', m);
      expect(meta).to.equal('PDF');
    }
    const { feed } = parseFeed(
      jsonFeed([
        {
          id: 'a',
          title: 'A',
          attachments: [{ url: 'https://x.example/f', mime_type: 'constructor', size_in_bytes: 1 }],
        },
      ]),
    );
    const meta = attachmentMeta(feed.items[0].attachments[0], 'vi', m);
    expect(meta).not.to.match(/function|native|\[object/);
  });

  it('__proto__ keys in a JSON Feed are plain, unused data', () => {
    const { feed } = parseFeed(
      `{"version":"https://jsonfeed.org/version/1.1","__proto__":{"title":"Bị chèn"},
        "items":[{"id":"p","title":"T","__proto__":{"url":"javascript:alert(1)","pinned":true,"image":"javascript:x"}},
                 {"__proto__":{"id":"q","title":"Q"}}]}`,
    );
    expect(feed.title).to.be.undefined;
    expect(feed.items).to.have.length(1);
    const [item] = feed.items;
    expect(item.url).to.be.undefined;
    expect(item.pinned).to.be.false;
    expect(item.image).to.be.undefined;
    expect('url' in {}, 'Object.prototype untouched').to.be.false;
  });

  it('a polluted Object.prototype.url (and image, pinned, title) never reaches a link', async () => {
    const items = [
      { id: 'no-url', title: 'Không có liên kết', date_published: '2020-03-19T09:20:00Z' },
    ];
    await polluted(
      { url: 'javascript:parent.__protoPwned=1', image: 'javascript:x', pinned: true },
      async () => {
        const { feed } = parseFeed(jsonFeed(items));
        const [item] = feed.items;
        expect(Object.hasOwn(item, 'url')).to.be.false;
        expect(Object.hasOwn(item, 'pinned') && item.pinned === false).to.be.true;
        // A hand-built feed object too (the `.feed` property path).
        const checked = toFeed({ version: 'https://jsonfeed.org/version/1.1', items });
        expect(Object.hasOwn(checked.feed.items[0], 'url')).to.be.false;
        for (const layout of ['list', 'compact', 'grid']) {
          const list = await fixture<CivicBulletinList>(
            html`<civic-bulletin-list .feed=${feed} layout=${layout}></civic-bulletin-list>`,
          );
          await waitUntil(() => list.shadowRoot?.querySelector('ul[part=list] > li'), 'no items');
          const root = list.shadowRoot!;
          expect(root.querySelector('a[href^="javascript:" i]'), `${layout}: link`).to.be.null;
          expect(root.querySelector('img[src^="javascript:" i]'), `${layout}: image`).to.be.null;
          expect(root.querySelector('.title')!.textContent.trim()).to.equal('Không có liên kết');
        }
      },
    );
    expect((window as { __protoPwned?: number }).__protoPwned).to.be.undefined;
  });
});

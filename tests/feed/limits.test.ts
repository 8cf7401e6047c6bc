/**
 * Issue #10, item 6, the parser's side: how many items a document may make the reader
 * check, and nesting that must not overflow the stack. (The feed's byte cap is checked
 * while streaming, in load.ts.)
 */
import { expect } from '@open-wc/testing';
import { FeedError } from '../../src/feed/errors.js';
import { loadFeed } from '../../src/feed/load.js';
import { MAX_ITEMS } from '../../src/feed/parse-json.js';
import { parseFeed } from '../../src/feed/parse.js';

describe('limits while reading a feed', function () {
  this.timeout(60000);

  it(`reads ${MAX_ITEMS} of 100,000 items (JSON Feed and RSS over HTTP), with one warning: the newest of a JSON Feed, the first of RSS`, async () => {
    for (const format of ['json', 'rss']) {
      const { feed, warnings } = await loadFeed(`/faults/hostile/many.${format}?n=100000`, {
        remember: false,
        // 100,000 JSON items are about 7 MB: this test is about the item cap, not the byte cap.
        maxBytes: 64 * 1024 * 1024,
      });
      expect(feed.items, format).to.have.length(MAX_ITEMS);
      expect(
        warnings.map(({ path, message }) => ({ path, message })),
        format,
      ).to.deep.equal([
        {
          path: format === 'json' ? 'items' : 'channel.item',
          message: `has 100000 items; only the ${format === 'json' ? 'newest' : 'first'} ${MAX_ITEMS} are read`,
        },
      ]);
      // The items are dated oldest first (item i at 2020-01-01 plus i minutes). A JSON Feed
      // keeps the newest 1,000, in document order; RSS the first 1,000.
      const ids = feed.items.map((a) => a.id);
      const first = format === 'json' ? 100_000 - MAX_ITEMS : 0;
      if (format === 'json')
        expect(ids).to.deep.equal(Array.from({ length: MAX_ITEMS }, (_, i) => `i${first + i}`));
      const set = new Set(ids);
      expect(set.has(`i${first}`) && set.has(`i${first + MAX_ITEMS - 1}`), format).to.be.true;
      expect(set.has(`i${first - 1}`) || set.has(`i${first + MAX_ITEMS}`), format).to.be.false;
    }
  });

  it('takes maxItems from the caller; a value that is not a positive integer means the default', async () => {
    const text = await (await fetch('/faults/hostile/many.json?n=1500')).text();
    expect(parseFeed(text, { maxItems: 5 }).feed.items).to.have.length(5);
    expect(parseFeed(text, { maxItems: 2000 }).feed.items).to.have.length(1500);
    for (const maxItems of [0, -1, 1.5, Number.NaN])
      expect(parseFeed(text, { maxItems }).feed.items).to.have.length(MAX_ITEMS);
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>${Array.from(
      { length: 12 },
      (_, i) => `<entry><id>e${i}</id><title>E${i}</title></entry>`,
    ).join('')}</feed>`;
    const read = parseFeed(atom, { maxItems: 10 });
    expect(read.feed.items).to.have.length(10);
    expect(read.warnings[0]).to.deep.equal({
      path: 'feed.entry',
      message: 'has 12 items; only the first 10 are read',
    });
  });

  it('deeply nested JSON is a feed error or a skipped item, never a stack overflow', () => {
    const depth = 1_000_000;
    expect(() => parseFeed('['.repeat(depth))).to.throw(FeedError, /^not JSON: /);
    expect(() => parseFeed(`{"items":${'['.repeat(depth)}`)).to.throw(FeedError, /^not JSON: /);
    const valid = `{"version":"https://jsonfeed.org/version/1.1","items":[${'['.repeat(100_000)}${']'.repeat(100_000)},{"id":"ok","title":"OK"}]}`;
    const { feed, warnings } = parseFeed(valid);
    expect(feed.items.map((a) => a.id)).to.deep.equal(['ok']);
    expect(warnings[0]).to.deep.equal({
      path: 'items[0]',
      message: '[…] is not an object; skipped',
    });
  });
});

import { expect, waitUntil } from '@open-wc/testing';
import { FeedError } from '../../src/feed/errors.js';
import { loadFeed, peekFeed, type LoadFeedOptions } from '../../src/feed/load.js';
import { recall } from '../../src/feed/memory.js';

/** A key no other test (or earlier run in this browser profile) has used. */
const key = (name: string) =>
  `${name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

interface Counts {
  hits: number;
  notModified: number;
  aborted: number;
  ifNoneMatch: string | null;
  ifModifiedSince: string | null;
}

async function counts(k: string): Promise<Counts> {
  const response = await fetch(`/faults/count?key=${k}`);
  return (await response.json()) as Counts;
}

async function failure(url: string, options: LoadFeedOptions = {}): Promise<FeedError> {
  try {
    await loadFeed(url, { retryDelay: 20, remember: false, ...options });
  } catch (e) {
    expect(e, String(e)).to.be.instanceOf(FeedError);
    return e as FeedError;
  }
  throw new Error(`${url} loaded`);
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('loadFeed', () => {
  describe('when the feed is good', () => {
    it('loads each fixture format over HTTP', async () => {
      for (const [file, format, first] of [
        ['vi-cong-an-tinh.json', 'json', '2019-antq-ket-qua'],
        [
          'vi-cong-an-tinh.rss.xml',
          'rss',
          'https://congan.tinh.example/tin-tuc/triet-pha-duong-day-mua-ban-trai-phep-chat-ma-tuy',
        ],
        [
          'vi-cong-an-tinh.atom.xml',
          'atom',
          'tag:congan.tinh.example,2020:2020-bat-doi-tuong-ma-tuy',
        ],
      ] as const) {
        const result = await loadFeed(`/tests/fixtures/${file}?k=${key('fmt')}`);
        expect(result.feed.format).to.equal(format);
        expect(result.feed.items[0].id).to.equal(first);
        expect(result.url).to.match(/^http:\/\/[^/]+\/tests\/fixtures\//);
        expect(result.fetchedAt).to.be.instanceOf(Date);
        expect(result).not.to.have.property('stale');
      }
    });

    it('tells RSS from its body when served as text/plain', async () => {
      const result = await loadFeed(
        `/faults/as?file=vi-cong-an-tinh.rss.xml&type=text/plain&k=${key('as')}`,
      );
      expect(result.feed.format).to.equal('rss');
      expect(result.feed.items).to.have.length(7);
    });

    it('resolves relative URLs inside against the feed URL', async () => {
      const result = await loadFeed(`/tests/fixtures/bad-parts.json?k=${key('rel')}`);
      const item = result.feed.items.find((i) => i.id === 'ngay-sai')!;
      expect(item.image).to.equal(`${location.origin}/anh/ngay-sai.jpg`);
      expect(result.warnings[0]).to.include({ path: '_civic.time_zone', url: result.url });
    });

    it('keeps an empty item list as a usable feed', async () => {
      const result = await loadFeed(`/tests/fixtures/empty.json?k=${key('empty')}`);
      expect(result.feed.items).to.deep.equal([]);
    });
  });

  describe('when the feed is unusable', () => {
    it('says the HTTP status and the URL', async () => {
      const k = key('404');
      expect((await failure(`/faults/status/404?key=${k}`)).message).to.equal(
        `HTTP 404 for /faults/status/404?key=${k}`,
      );
      const error = await failure('/faults/404');
      expect(error.message).to.equal('HTTP 404 for /faults/404');
      expect(error.status).to.equal(404);
      expect((await counts(k)).hits, 'a 404 is not retried').to.equal(1);
    });

    it('retries a 5xx once, then says so', async () => {
      const k = key('500');
      expect((await failure(`/faults/status/500?key=${k}`)).message).to.equal(
        `HTTP 500 for /faults/status/500?key=${k}`,
      );
      expect((await counts(k)).hits).to.equal(2);
    });

    it('recovers from a 503 with one retry', async () => {
      const k = key('flaky');
      const result = await loadFeed(`/faults/flaky?key=${k}&fails=1&code=503`, { retryDelay: 20 });
      expect(result.feed.items).to.have.length(10);
      expect((await counts(k)).hits).to.equal(2);
    });

    it('retries a dropped connection once, then calls it a network error', async () => {
      const k = key('reset');
      expect((await failure(`/faults/reset?key=${k}`)).message).to.equal(
        `network error loading /faults/reset?key=${k}: the server could not be reached`,
      );
      // Chromium itself re-sends a GET whose connection was reset, so only a lower bound is exact.
      expect((await counts(k)).hits).to.be.at.least(2);
    });

    it('says when the server sends an HTML page', async () => {
      expect((await failure(`/faults/html?key=${key('html')}`)).message).to.equal(
        'not a feed: got an HTML page, not JSON Feed, RSS or Atom',
      );
    });

    it('says where truncated JSON ends', async () => {
      expect((await failure(`/faults/truncated?bytes=800&k=${key('trunc')}`)).message).to.equal(
        'not JSON: unexpected end of input at byte 800',
      );
    });

    it('says when JSON is not a feed', async () => {
      expect(
        (await failure(`/tests/fixtures/items-not-array.json?k=${key('na')}`)).message,
      ).to.equal('not a JSON Feed: "items" must be an array');
    });

    it('gives up on a body slower than the timeout', async () => {
      const k = key('slow');
      const started = performance.now();
      const error = await failure(`/faults/slow?key=${k}&ms=3000`, { timeout: 300 });
      expect(error.message).to.equal(`timed out after 0.3 s loading /faults/slow?key=${k}&ms=3000`);
      expect(performance.now() - started).to.be.below(2000);
    });

    it('says a cross-origin feed is blocked by CORS, and how to fix it', async () => {
      const other = location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
      const url = `${location.protocol}//${other}:${location.port}/faults/cors?key=${key('cors')}`;
      expect((await failure(url)).message).to.equal(
        `blocked by CORS: ${url} is on another site and does not allow this page to read it; ` +
          'serve the feed from the same site or with an Access-Control-Allow-Origin header',
      );
      const allowed = await loadFeed(`${url}&allow=1`, { remember: false });
      expect(allowed.feed.items).to.have.length(10);
    });

    it('refuses a URL that is not http(s)', async () => {
      expect((await failure('javascript:alert(1)')).message).to.equal(
        'not a feed URL: "javascript:alert(1)"',
      );
      expect((await failure('  ')).message).to.equal('no feed URL given');
    });
  });

  describe('when several callers want the same URL', () => {
    it('makes one request for all of them and shares its result', async () => {
      const k = key('shared');
      const url = `/faults/counted?key=${k}`;
      const results = await Promise.all(Array.from({ length: 8 }, () => loadFeed(url)));
      expect((await counts(k)).hits).to.equal(1);
      expect(new Set(results.map((r) => r.feed)).size).to.equal(1);
      // A later caller on this page gets the same result with no request.
      expect(peekFeed(url)).to.equal(results[0]);
      await loadFeed(url);
      expect((await counts(k)).hits).to.equal(1);
    });

    it('does not cache a failure: the next caller tries again', async () => {
      const k = key('nocache');
      const url = `/faults/flaky?key=${k}&fails=2&code=500`;
      await failure(url);
      const result = await loadFeed(url, { retryDelay: 20 });
      expect(result.feed.items).to.have.length(10);
      expect((await counts(k)).hits).to.equal(3);
    });

    it('aborts the request when the last caller lets go, not before', async () => {
      const k = key('abort');
      const url = `/faults/hang?key=${k}&ms=4000`;
      const a = new AbortController();
      const b = new AbortController();
      const pa = loadFeed(url, { signal: a.signal });
      const pb = loadFeed(url, { signal: b.signal });
      await wait(150);
      a.abort();
      await pa.then(
        () => expect.fail('an aborted caller resolved'),
        (e: unknown) => expect((e as DOMException).name).to.equal('AbortError'),
      );
      await wait(150);
      expect((await counts(k)).aborted, 'b still holds it').to.equal(0);
      b.abort();
      await pb.catch(() => undefined);
      await wait(300);
      expect(await counts(k)).to.include({ hits: 1, aborted: 1 });
    });
  });

  describe('when the server sends validators', () => {
    it('revalidates with If-None-Match and reuses the copy on 304', async () => {
      const k = key('etag');
      const url = `/faults/etag?key=${k}`;
      const first = await loadFeed(url);
      const again = await loadFeed(url, { revalidate: true });
      const c = await counts(k);
      expect(c).to.include({ hits: 1, notModified: 1, ifNoneMatch: `"v1-${k}"` });
      expect(again.feed.items.map((i) => i.id)).to.deep.equal(first.feed.items.map((i) => i.id));
      expect(again).not.to.have.property('stale');
      expect(again.fetchedAt.getTime()).to.be.at.least(first.fetchedAt.getTime());
    });

    it('revalidates with If-Modified-Since', async () => {
      const k = key('lm');
      const url = `/faults/last-modified?key=${k}`;
      await loadFeed(url);
      await loadFeed(url, { revalidate: true });
      expect(await counts(k)).to.include({
        hits: 1,
        notModified: 1,
        ifModifiedSince: 'Thu, 16 Jul 2020 04:05:00 GMT',
      });
    });
  });

  describe('when a feed goes down after a good load', () => {
    it('returns the remembered copy, with when it was fetched and why the load failed', async () => {
      const k = key('down');
      const url = `/faults/once?key=${k}`;
      const good = await loadFeed(url);
      // The copy is written from a lazy chunk, after the load resolved.
      await waitUntil(() => recall(good.url) !== undefined, 'nothing was remembered');
      expect(recall(good.url)?.fetchedAt.getTime()).to.equal(good.fetchedAt.getTime());
      const later = await loadFeed(url, { revalidate: true, retryDelay: 20 });
      expect(later.stale?.message).to.equal(`HTTP 500 for /faults/once?key=${k}`);
      expect(later.fetchedAt.getTime()).to.equal(good.fetchedAt.getTime());
      expect(later.feed.items.map((i) => i.id)).to.deep.equal(good.feed.items.map((i) => i.id));
      expect(later.feed.items[0].published).to.be.instanceOf(Date);
    });
  });

  describe('when several URLs are given', () => {
    it('merges them newest first and drops duplicates', async () => {
      const k = key('merge');
      const result = await loadFeed(
        `/tests/fixtures/vi-cong-an-tinh.json?k=${k} /tests/fixtures/vi-cong-an-tinh.rss.xml?k=${k}`,
      );
      expect(result.feed.format).to.equal('merged');
      // Every RSS item repeats a JSON one, by id or by url: 10 + 7 items make 10.
      expect(result.feed.items).to.have.length(10);
      const times = result.feed.items.map((i) => (i.published ?? i.modified)!.getTime());
      expect([...times].sort((a, b) => b - a)).to.deep.equal(times);
      expect(result.url.split(' ')).to.have.length(2);
      // A widget that joins later draws the merged list at once.
      expect(peekFeed(result.url)).to.equal(result);
    });

    it('keeps the feeds that load and warns about the one that does not', async () => {
      const k = key('partial');
      const result = await loadFeed(`/tests/fixtures/vi-cong-an-tinh.atom.xml?k=${k} /faults/404`, {
        remember: false,
      });
      expect(result.feed.items).to.have.length(6);
      expect(result.warnings).to.deep.include({
        path: '/faults/404',
        message: "HTTP 404 for /faults/404; this feed's items are missing from the merged list",
        url: `${location.origin}/faults/404`,
      });
      // A partial list is not kept: the next widget asks again.
      expect(peekFeed(result.url)).to.equal(undefined);
    });
  });
});

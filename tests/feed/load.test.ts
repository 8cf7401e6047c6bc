import { expect, waitUntil } from '@open-wc/testing';
import { FeedError } from '../../src/feed/errors.js';
import { loadFeed, peekFeed, recallFeed, type LoadFeedOptions } from '../../src/feed/load.js';
import { loadFeed as publicLoadFeed } from '../../src/index.js';
import { recall } from '../../src/feed/memory.js';
import { remember } from '../../src/feed/memory-write.js';

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

  describe('when a page refreshes one unchanged feed for hours', () => {
    it('keeps one entry for it, only stamped again: no chain that grows with every refresh', async () => {
      const url = new URL(`/faults/counted?key=${key('chain')}&delay=0`, location.href).href;
      await loadFeed(url, { remember: false });
      const kept = recallFeed(url);
      let last = await loadFeed(url, { revalidate: true, remember: false });
      for (let i = 0; i < 40; i++)
        last = await loadFeed(url, { revalidate: true, remember: false });
      // Before: each refresh wrapped the last entry in a new one, which held it through its
      // warnings (a page refreshing every 30 s kept 1 MB more a day; 15,000 refreshes
      // overflowed the stack when the warnings were read).
      expect(recallFeed(url)).to.equal(kept);
      expect((recallFeed(url) as { fetchedAt: Date }).fetchedAt).to.equal(last.fetchedAt);
      expect(last.warnings).to.deep.equal([]);
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

  describe('when a load fails after a good one (remembered copies)', () => {
    const DAY = 24 * 3600_000;
    /** A URL whose n-th request answers the n-th of `codes`; absolute, as loadFeed keys it. */
    const sequence = (codes: string) =>
      new URL(`/loading/sequence?key=${key('seq')}&codes=${codes}`, location.href).href;

    async function loadedOnce(url: string): Promise<void> {
      await loadFeed(url, { retryDelay: 20 });
      // Written after first paint, off the way to the screen.
      await waitUntil(() => recall(url) !== undefined, 'nothing was remembered', {
        timeout: 4000,
      });
    }

    for (const [code, why] of [
      ['503', 'HTTP 503 for'],
      ['reset', 'network error loading'],
      ['bad', 'not JSON: unexpected end of input'],
    ]) {
      it(`stands in for ${code === 'bad' ? 'an unreadable body' : code}`, async () => {
        const url = sequence(`200,${code}`);
        await loadedOnce(url);
        const later = await loadFeed(url, { revalidate: true, retryDelay: 20 });
        expect(later.stale?.message).to.include(why);
        expect(later.feed.items).to.have.length(10);
      });
    }

    for (const code of ['404', '403', '400']) {
      it(`does not stand in for a ${code}: the error shows, the copy is kept`, async () => {
        const url = sequence(`200,${code}`);
        await loadedOnce(url);
        const error = await failure(url, { revalidate: true, remember: true });
        expect(error.status).to.equal(Number(code));
        expect(recall(url), 'kept for a server that comes back').not.to.equal(undefined);
      });
    }

    it('forgets the copy on 410 Gone', async () => {
      const url = sequence('200,410');
      await loadedOnce(url);
      const error = await failure(url, { revalidate: true, remember: true });
      expect(error.status).to.equal(410);
      expect(recall(url)).to.equal(undefined);
      expect(recallFeed(url), 'nor drawn on the next visit').to.equal(undefined);
    });

    it('does not use a copy older than 30 days, or than maxAge', async () => {
      const text = await (await fetch('/tests/fixtures/vi-cong-an-tinh.json')).text();
      const old = sequence('503');
      remember({ url: old, text, fetchedAt: new Date(Date.now() - 31 * DAY) });
      expect((await failure(old, { remember: true })).message).to.match(/^HTTP 503/);

      const recent = sequence('503');
      remember({ url: recent, text, fetchedAt: new Date(Date.now() - 29 * DAY) });
      const shown = await loadFeed(recent, { retryDelay: 20 });
      expect(shown.stale?.status).to.equal(503);
      expect(shown.fetchedAt.getTime()).to.be.closeTo(Date.now() - 29 * DAY, 60_000);

      const hour = sequence('503');
      remember({ url: hour, text, fetchedAt: new Date(Date.now() - 2 * 3600_000) });
      const tooOld = await failure(hour, { remember: { maxAge: 3600_000 } });
      expect(tooOld.status).to.equal(503);
    });

    it('never shows a copy whose fetchedAt is no time or in the future', async () => {
      const text = await (await fetch('/tests/fixtures/vi-cong-an-tinh.json')).text();
      for (const fetchedAt of [1e20, Date.now() + 3 * DAY, 'soon']) {
        const url = sequence('503');
        localStorage.setItem(
          `civic-widgets:feed:${url}`,
          JSON.stringify({ url, text, contentType: 'application/feed+json', fetchedAt }),
        );
        expect(recallFeed(url), String(fetchedAt)).to.equal(undefined);
        expect((await failure(url, { remember: true })).status).to.equal(503);
      }
    });
  });

  describe('when a copy is remembered from an earlier visit', () => {
    it('reads it at once, synchronously, and keeps the same Feed when the network says the same', async () => {
      const url = new URL(`/loading/late?key=${key('same')}&ms=300`, location.href).href;
      const text = await (await fetch('/tests/fixtures/vi-cong-an-tinh.json')).text();
      remember({ url, text, contentType: 'application/feed+json', fetchedAt: new Date() });
      const copy = recallFeed(url);
      expect(copy).not.to.be.instanceOf(Promise);
      const early = copy as Exclude<typeof copy, Promise<unknown> | undefined>;
      expect(early.feed.items).to.have.length(10);
      expect(early.stale).to.equal(undefined);
      const fresh = await loadFeed(url);
      expect(fresh.feed, 'unchanged: not read again').to.equal(early.feed);
      expect(fresh.fetchedAt.getTime()).to.be.at.least(early.fetchedAt.getTime());
    });

    it('replaces it when the feed changed', async () => {
      const url = new URL(`/loading/late?key=${key('changed')}&ms=50`, location.href).href;
      const text = await (await fetch('/tests/fixtures/en-city-news.json')).text();
      remember({ url, text, contentType: 'application/feed+json', fetchedAt: new Date() });
      const early = recallFeed(url) as Awaited<ReturnType<typeof loadFeed>>;
      expect(early.feed.items).to.have.length(6);
      const fresh = await loadFeed(url);
      expect(fresh.feed).not.to.equal(early.feed);
      expect(fresh.feed.items).to.have.length(10);
    });

    it('reads an RSS copy once the XML reader is there', async () => {
      const url = new URL(`/loading/late?key=${key('rss')}&ms=50`, location.href).href;
      const text = await (await fetch('/tests/fixtures/vi-cong-an-tinh.rss.xml')).text();
      remember({ url, text, contentType: 'application/rss+xml', fetchedAt: new Date() });
      const copy = await recallFeed(url);
      expect(copy?.feed.format).to.equal('rss');
    });
  });

  describe('when a feed is too large', () => {
    async function seen(k: string) {
      return (await (await fetch(`/loading/count?key=${k}`)).json()) as {
        sent: number;
        closedEarly: boolean;
        finished: boolean;
      };
    }

    it('stops reading a streamed body at maxBytes and hangs up', async () => {
      const k = key('drip');
      // 10 MB at 64 KB every 50 ms would take 8 s to send.
      const url = `/loading/drip?key=${k}&total=10000000&chunk=65536&every=50`;
      const started = performance.now();
      const error = await failure(url, { maxBytes: 256 * 1024 });
      expect(error.message).to.equal(`feed too large: ${url} is over 0.25 MB (the maxBytes limit)`);
      expect(performance.now() - started, 'long before the whole body').to.be.below(5000);
      await waitUntil(async () => (await seen(k)).closedEarly, 'the server saw no hang-up');
      const after = await seen(k);
      expect(after.finished).to.equal(false);
      expect(after.sent).to.be.below(5_000_000);
    });

    it('shares a request only with callers under the same cap, and names a small cap in bytes', async () => {
      const url = `/faults/counted?key=${key('cap')}&delay=200`;
      const [small, plain] = await Promise.allSettled([
        loadFeed(url, { maxBytes: 100, remember: false }),
        loadFeed(url, { remember: false }),
      ]);
      // Before: one request under the first caller's cap, and both failed ("over 0 MB").
      expect(small.status).to.equal('rejected');
      expect(((small as PromiseRejectedResult).reason as Error).message).to.equal(
        `feed too large: ${url} is over 100 bytes (the maxBytes limit)`,
      );
      expect(plain.status, String((plain as PromiseRejectedResult).reason)).to.equal('fulfilled');
    });

    it('refuses more than 5 MB by default', async () => {
      const k = key('drip5');
      // 20 MB at 256 KB every 40 ms: 3 s for all of it, 5 MB after about 0.8 s.
      const url = `/loading/drip?key=${k}&total=20000000&chunk=262144&every=40`;
      const error = await failure(url, { timeout: 30_000 });
      expect(error.message).to.equal(`feed too large: ${url} is over 5 MB (the maxBytes limit)`);
      await waitUntil(async () => (await seen(k)).closedEarly, 'the server saw no hang-up');
      expect((await seen(k)).sent).to.be.below(20_000_000);
    });

    it('fails at once when Content-Length is over the cap', async () => {
      const k = key('declared');
      // 1 KB per second: reading up to the cap would take 17 minutes.
      const url = `/loading/drip?key=${k}&total=1048577&declare=1&chunk=1024&every=1000`;
      const started = performance.now();
      const error = await failure(url, { maxBytes: 1048576 });
      expect(error.message).to.equal(`feed too large: ${url} is over 1 MB (the maxBytes limit)`);
      expect(performance.now() - started).to.be.below(3000);
      await waitUntil(async () => (await seen(k)).closedEarly, 'the server saw no hang-up');
      expect((await seen(k)).sent).to.be.below(10_000);
    });

    it('reads a body just under the cap', async () => {
      const k = key('under');
      const url = `/loading/drip?key=${k}&total=200000&chunk=65536&every=10`;
      const result = await loadFeed(url, { maxBytes: 200_000, remember: false });
      expect(result.feed.title).to.have.length.above(199_000);
    });
  });
});

describe('loadFeed as the package exports it', () => {
  const SEED = '/tests/fixtures/vi-cong-an-tinh.json';
  const refused = async (call: () => Promise<unknown>): Promise<string> => {
    try {
      await call();
    } catch (e) {
      expect(e).to.be.instanceOf(FeedError);
      return (e as Error).message;
    }
    throw new Error('it did not refuse');
  };

  it('says which argument is wrong (it threw TypeErrors from inside, or dropped the size cap)', async () => {
    expect(await refused(() => publicLoadFeed(SEED, { timeout: -1 }))).to.equal(
      'loadFeed: timeout must be a number above 0, got -1',
    );
    expect(await refused(() => publicLoadFeed(SEED, { timeout: Infinity }))).to.contain(
      'timeout must be',
    );
    expect(await refused(() => publicLoadFeed(SEED, { maxBytes: NaN }))).to.equal(
      'loadFeed: maxBytes must be a number above 0, got NaN',
    );
    expect(await refused(() => publicLoadFeed(SEED, { retryDelay: -5 }))).to.equal(
      'loadFeed: retryDelay must be a number from 0, got -5',
    );
    expect(await refused(() => publicLoadFeed(42 as unknown as string))).to.equal(
      'loadFeed: the feed URL must be a string or a URL, got 42',
    );
    expect(await refused(() => publicLoadFeed(undefined as unknown as string))).to.equal(
      'loadFeed: the feed URL must be a string or a URL, got undefined',
    );
    expect(
      await refused(() => publicLoadFeed(SEED, { signal: 'stop' as unknown as AbortSignal })),
    ).to.equal('loadFeed: signal must be an AbortSignal, got "stop"');
  });

  it('takes URL objects, alone or in a list', async () => {
    const url = new URL(SEED, location.href);
    const { feed } = await publicLoadFeed(url);
    expect(feed.items.length).to.be.greaterThan(0);
    const merged = await publicLoadFeed([url, '/tests/fixtures/en-city-news.json']);
    expect(merged.feed.format).to.equal('merged');
  });
});

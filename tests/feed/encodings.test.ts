/**
 * Issue #9, encodings: a feed in UTF-16, UTF-32 or a legacy charset (declared in the XML
 * declaration or the HTTP Content-Type) reads as the text it is, not as "��". The bodies
 * come over real HTTP from tests/server/faults.mjs (`/faults/encoded/…`), which re-encodes
 * the UTF-8 files of tests/fixtures/encodings/ and serves them under the Content-Type a
 * test names.
 */
import { expect } from '@open-wc/testing';
import { decodeFeed } from '../../src/feed/encoding.js';
import { FeedError } from '../../src/feed/errors.js';
import { loadFeed } from '../../src/feed/load.js';

const TITLE_VI = 'Thông báo - Ủy ban nhân dân xã Đức Hòa';
const ITEM_VI = 'Lịch tiếp công dân tháng Bảy';
const SUMMARY_VI =
  'Chủ tịch Ủy ban tiếp công dân vào sáng thứ Năm hằng tuần – “đúng giờ, đúng hẹn”.';

let n = 0;
/** A fixture re-encoded by the test server; each URL is new, so no load is shared or remembered. */
function url(file: string, query: Record<string, string>): string {
  const q = new URLSearchParams({ ...query, n: String(n++) });
  return `/faults/encoded/${file}?${q}`;
}

const load = (file: string, query: Record<string, string>, maxBytes?: number) =>
  loadFeed(url(file, query), { remember: false, maxBytes });

/** Script modules this page has fetched whose path ends so. */
const fetched = (path: string) =>
  performance.getEntriesByType('resource').filter((e) => e.name.split('?')[0].endsWith(path));

describe('feed encodings', () => {
  // First, before any XML feed of this file has loaded the XML chunk.
  it('reads a UTF-8 feed at once, without loading the decoder (the XML chunk)', async () => {
    const { feed } = await load('vi-feed.json', {
      type: 'application/feed+json; charset=utf-8',
    });
    expect(feed.title).to.equal(TITLE_VI);
    // (This file imports the decoder itself, for the unit tests below, and not parse.ts,
    // which imports the XML readers; the loader imports neither.)
    expect(fetched('/src/feed/parse-xml.ts'), 'the XML chunk').to.have.length(0);
  });

  it('reads windows-1258 (older Vietnamese sites) declared in the XML declaration, composed', async () => {
    const { feed, warnings } = await load('vi-1258.rss.xml', {
      to: 'windows-1258',
      type: 'application/rss+xml',
    });
    expect(warnings).to.deep.equal([]);
    expect(feed.title).to.equal(TITLE_VI);
    expect(feed.items.map((a) => a.title)).to.deep.equal([
      ITEM_VI,
      'Hướng dẫn đặt lịch làm căn cước trực tuyến',
    ]);
    expect(feed.items[0].summary).to.equal(SUMMARY_VI);
    // windows-1258 writes tone marks as combining characters; the text is composed (NFC),
    // so it compares equal to the same words from a UTF-8 feed.
    expect(feed.items[1].title!.length).to.equal(
      'Hướng dẫn đặt lịch làm căn cước trực tuyến'.length,
    );
  });

  it('reads windows-1258 declared only by the HTTP charset', async () => {
    const { feed } = await load('vi-undeclared.rss.xml', {
      to: 'windows-1258',
      type: 'application/rss+xml; charset=windows-1258',
    });
    expect(feed.title).to.equal(TITLE_VI);
    expect(feed.items[0].summary).to.equal(SUMMARY_VI);
  });

  it('passes over a header saying UTF-8 when the bytes are not, for what the document declares', async () => {
    const { feed } = await load('vi-1258.rss.xml', {
      to: 'windows-1258',
      type: 'text/xml; charset=UTF-8',
    });
    expect(feed.title).to.equal(TITLE_VI);
  });

  it('reads a document that declares UTF-8 and is, under a header naming ISO-8859-1', async () => {
    const { feed } = await load('vi-utf8.rss.xml', {
      type: 'text/xml; charset=ISO-8859-1',
    });
    expect(feed.title).to.equal(TITLE_VI);
    expect(feed.items[0].summary).to.equal(SUMMARY_VI);
  });

  it("reads a document's own windows-1258 under a server's default charset=iso-8859-1", async () => {
    for (const type of ['text/xml; charset=iso-8859-1', 'text/html; charset=US-ASCII']) {
      const { feed } = await load('vi-1258.rss.xml', { to: 'windows-1258', type });
      // Before: "Liòch tiêìp công dân tháng BaÒy", with no warning.
      expect(feed.items[0].title, type).to.equal(ITEM_VI);
      expect(feed.items[0].summary, type).to.equal(SUMMARY_VI);
    }
    // A header naming another legacy charset still wins over the declaration (RFC 7303).
    expect(
      decodeFeed(
        new TextEncoder().encode('<?xml version="1.0" encoding="windows-1258"?><rss/>'),
        'text/xml; charset=koi8-r',
      ),
    ).to.contain('<rss/>');
  });

  it('keeps UTF-8 with one damaged byte as UTF-8 (one U+FFFD, not a page of mojibake)', async () => {
    const { feed } = await load('vi-utf8.rss.xml', { bad: '1', type: 'application/rss+xml' });
    expect(feed.title).to.equal(TITLE_VI);
    expect(feed.description).to.equal('\ufffdTin tức, thông báo và lịch làm việc của xã');
    expect(feed.items[0].summary).to.equal(SUMMARY_VI);
  });

  it('reads ISO-8859-1 as windows-1252, as browsers do (€, curly quotes)', async () => {
    const { feed } = await load('fr-latin1.rss.xml', {
      to: 'windows-1252',
      type: 'application/rss+xml',
    });
    expect(feed.title).to.equal('Mairie de Saint-Étienne-du-Bois – actualités');
    expect(feed.items[0].title).to.equal('Fête de l’été : « Café-crème » sur la place');
    expect(feed.items[0].summary).to.equal(
      'Entrée libre, participation de 2 € pour la tombola. Ouverture à 18 h précises.',
    );
  });

  it('reads an unlabelled legacy file that is not UTF-8 at all as windows-1252', async () => {
    const { feed } = await load('fr-undeclared.rss.xml', {
      to: 'windows-1252',
      type: 'application/xml',
    });
    expect(feed.title).to.equal('Mairie de Saint-Étienne-du-Bois – actualités');
  });

  it('reads EUC-KR named by a quoted HTTP charset', async () => {
    const { feed } = await load('ko-euckr.atom.xml', {
      to: 'euc-kr',
      type: 'application/atom+xml; charset="EUC-KR"',
    });
    expect(feed.title).to.equal('구청 공지사항');
    expect(feed.items[0].summary).to.equal('평일 오전 9시부터 오후 6시까지 운영합니다.');
  });

  for (const [to, bom] of [
    ['utf-16le', '1'],
    ['utf-16be', '1'],
    ['utf-16le', '0'],
    ['utf-16be', '0'],
    ['utf-32le', '1'],
    ['utf-32be', '1'],
    ['utf-32le', '0'],
    ['utf-32be', '0'],
  ]) {
    it(`reads ${to.toUpperCase()} ${bom === '1' ? 'with' : 'without'} a byte order mark, whatever the header says`, async () => {
      const { feed, warnings } = await load('vi-utf16.atom.xml', {
        to,
        bom,
        // A wrong charset must not win over the bytes' own pattern (XML 1.0 Appendix F).
        type: 'application/atom+xml; charset=iso-8859-1',
      });
      expect(warnings).to.deep.equal([]);
      expect(feed.title).to.equal(TITLE_VI);
      expect(feed.language).to.equal('vi');
      // Past the Basic Multilingual Plane too: a surrogate pair in UTF-16, one unit in UTF-32.
      expect(feed.items[0].summary).to.equal(`${SUMMARY_VI} 📅`);
    });
  }

  it('reads JSON as UTF-8 whatever charset the header names (RFC 8259)', async () => {
    const { feed } = await load('vi-feed.json', {
      type: 'application/json; charset=iso-8859-1',
    });
    expect(feed.title).to.equal(TITLE_VI);
    expect(feed.items[0].title).to.equal(ITEM_VI);
  });

  it('keeps the size cap in bytes, streamed, for a body in UTF-32', async () => {
    const ok = await load('vi-utf16.atom.xml', { to: 'utf-32be', bom: '1' }, 10_000);
    expect(ok.feed.title).to.equal(TITLE_VI);
    // The file is about 900 characters: about 3.6 KB in UTF-32.
    let error: unknown;
    try {
      await load('vi-utf16.atom.xml', { to: 'utf-32be', bom: '1' }, 2_000);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(FeedError);
    expect((error as FeedError).message).to.match(/too large/i);
  });

  describe('decodeFeed, on bytes built here', () => {
    const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
    const latin = (text: string, tail: number[]) => new Uint8Array([...ascii(text), ...tail]);

    it('reads a single-quoted declaration, and ignores a label it does not know or one for UTF-16 on bytes that are not', () => {
      // "é" in windows-1252 is 0xE9; in UTF-8 it would be two bytes.
      const body = (decl: string) => latin(`<?xml version='1.0' ${decl}?><r>caf`, [0xe9]);
      expect(decodeFeed(body("encoding='windows-1252'"))).to.match(/café$/);
      expect(decodeFeed(body("encoding='x-no-such-charset'"))).to.match(/café$/);
      expect(decodeFeed(body("encoding='UTF-16'"))).to.match(/café$/);
      // A charset the Encoding Standard maps to "replacement" is no charset to read with.
      expect(decodeFeed(body("encoding='ISO-2022-KR'"))).to.match(/café$/);
    });

    it('reads a UTF-8 byte order mark as UTF-8, over any header', () => {
      const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<r>Đức</r>')]);
      expect(decodeFeed(bytes, 'text/xml; charset=windows-1252')).to.equal('<r>Đức</r>');
    });

    it('reads a UTF-32 code unit out of range, and a cut-off one, as U+FFFD', () => {
      const bytes = new Uint8Array([0, 0, 0xfe, 0xff, 0, 0, 0, 0x3c, 0, 0x11, 0, 0, 0, 0, 0]);
      expect(decodeFeed(bytes)).to.equal('<\ufffd\ufffd');
    });

    it('is fast on a 5 MB body (no quadratic step)', () => {
      const big = new TextEncoder().encode(
        `<?xml version="1.0" encoding="utf-8"?><r>${'Đức Hòa '.repeat(500_000)}</r>`,
      );
      const started = performance.now();
      expect(decodeFeed(big, 'text/xml; charset=iso-8859-1').length).to.be.above(4_000_000);
      expect(performance.now() - started).to.be.below(2000);
    });
  });
});

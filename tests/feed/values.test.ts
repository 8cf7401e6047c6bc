import { expect } from '@open-wc/testing';
import { findJsonError } from '../../src/feed/json-error.js';
import { mergeFeeds } from '../../src/feed/merge.js';
import type { Article, Feed } from '../../src/feed/model.js';
import { parseDate } from '../../src/feed/dates.js';
import { checkUrl, isTimeZone, parseRfc3339, toCount } from '../../src/feed/values.js';

const iso = (d: Date | undefined) => d?.toISOString();
/** RSS dates as the XML readers read them: rewritten as RFC 3339 and read by `parseRfc3339`. */
const parseRfc822 = (text: string) => parseDate(text, parseRfc3339);

describe('values', () => {
  describe('when reading RFC 3339 dates', () => {
    it('reads offsets, Z, fractions and a leap second as instants', () => {
      expect(iso(parseRfc3339('2020-03-20T03:57:36+07:00'))).to.equal('2020-03-19T20:57:36.000Z');
      expect(iso(parseRfc3339('2020-12-08T19:42:00-05:00'))).to.equal('2020-12-09T00:42:00.000Z');
      expect(iso(parseRfc3339('2020-07-16t04:05:00.250z'))).to.equal('2020-07-16T04:05:00.250Z');
      expect(iso(parseRfc3339('2016-12-31T23:59:60Z'))).to.equal('2016-12-31T23:59:59.000Z');
      expect(iso(parseRfc3339('2020-02-29T00:00:00Z'))).to.equal('2020-02-29T00:00:00.000Z');
      // The first year read: 1000 (see below), that year, as written.
      expect(iso(parseRfc3339('1000-12-31T23:00:00-02:00'))).to.equal('1001-01-01T01:00:00.000Z');
    });

    it('refuses what is not one, instead of making an Invalid Date', () => {
      for (const bad of [
        '20/03/2020',
        '2020-03-20',
        '2020-03-20T03:57:36',
        '2019-02-29T00:00:00Z',
        '2020-13-01T00:00:00Z',
        '2020-04-31T00:00:00Z',
        '2020-00-10T00:00:00Z',
        '2020-01-00T00:00:00Z',
        '1900-02-29T00:00:00Z',
        '2020-01-01T24:00:00Z',
        '2020-01-01T00:00:00+25:00',
        // Before the year 1000 (a typo in news: 0050 read as 1950, 0000 printed "00-1").
        '0000-01-01T00:00:00Z',
        '0050-06-01T00:00:00+07:00',
        '0999-12-31T23:59:59Z',
        '',
      ]) {
        expect(parseRfc3339(bad), bad).to.equal(undefined);
      }
      expect(iso(parseRfc3339('1000-01-01T00:00:00Z'))).to.equal('1000-01-01T00:00:00.000Z');
      expect(parseRfc822('0050-06-01T00:00:00 Asia/Ho_Chi_Minh')).to.be.undefined;
      expect(parseRfc822('Sat, 01 Jun 0050 10:00:00 +0700')).to.be.undefined;
    });
  });

  describe('when reading RFC 822 dates', () => {
    it('reads numeric and named zones, and two-digit years', () => {
      expect(iso(parseRfc822('Thu, 19 Mar 2020 16:20:00 +0700'))).to.equal(
        '2020-03-19T09:20:00.000Z',
      );
      expect(iso(parseRfc822('16 Jul 2020 04:05 GMT'))).to.equal('2020-07-16T04:05:00.000Z');
      expect(iso(parseRfc822('Tue, 08 Dec 2020 19:42:00 EST'))).to.equal(
        '2020-12-09T00:42:00.000Z',
      );
      expect(iso(parseRfc822('Wed, 1 Jul 20 07:30:00 +0700'))).to.equal('2020-07-01T00:30:00.000Z');
      expect(iso(parseRfc822('Mon, 1 Jan 99 00:00:00 Z'))).to.equal('1999-01-01T00:00:00.000Z');
      expect(iso(parseRfc822('Sat, 4 Jul 2020 9:05:00 PDT'))).to.equal('2020-07-04T16:05:00.000Z');
      expect(iso(parseRfc822('4 Jul 2020 09:05:00 +0530'))).to.equal('2020-07-04T03:35:00.000Z');
      // An unknown zone is never guessed (it used to read as UTC: 7 hours off for ICT).
      expect(parseRfc822('4 Jul 2020 09:05:00 XYZ')).to.be.undefined;
    });

    it('refuses what is not one', () => {
      for (const bad of [
        'Thứ 5, 16/07/2020',
        '31 Feb 2020 10:00:00 +0700',
        '16 Foo 2020 10:00 GMT',
        '16 Jul 2020',
        '16 Jul 2020 24:00:00 GMT',
        '16 Jul 2020 10:00:00 +0760',
      ]) {
        expect(parseRfc822(bad), bad).to.equal(undefined);
      }
    });
  });

  describe('when checking URLs', () => {
    it('keeps http, https, mailto and resolves relative URLs', () => {
      const base = 'https://congan.tinh.example/tin-tuc/feed.json';
      expect(checkUrl('/anh/a.jpg', base)).to.deep.equal({
        ok: true,
        url: 'https://congan.tinh.example/anh/a.jpg',
      });
      expect(checkUrl('b.jpg', base)).to.deep.equal({
        ok: true,
        url: 'https://congan.tinh.example/tin-tuc/b.jpg',
      });
      expect(checkUrl('mailto:tiepdan@congan.tinh.example', base)).to.deep.equal({
        ok: true,
        url: 'mailto:tiepdan@congan.tinh.example',
      });
      expect(checkUrl('/anh/a.jpg')).to.deep.equal({ ok: true, url: '/anh/a.jpg' });
    });

    it('drops every other scheme, however it is disguised', () => {
      for (const bad of [
        'javascript:alert(1)',
        ' JaVaScRiPt:alert(1)',
        'java\tscript:alert(1)',
        'data:text/html,x',
        'file:///etc/passwd',
        'vbscript:x',
      ]) {
        expect(checkUrl(bad, 'https://congan.tinh.example/').ok, bad).to.equal(false);
      }
      expect(checkUrl('http://[::1', 'https://congan.tinh.example/').ok).to.equal(false);
    });

    it('drops them with no base too, a made-up "relative:" scheme included', () => {
      // Before: relative URLs were resolved against `relative:///`, so a feed that wrote
      // that scheme itself passed as relative and was bound to href as written.
      for (const bad of ['relative:alert(1)', 'RELATIVE:x', 'rel\tative:x', 'javascript:x', ''])
        expect(checkUrl(bad).ok, JSON.stringify(bad)).to.equal(false);
      expect(checkUrl('tin/1.html')).to.deep.equal({ ok: true, url: 'tin/1.html' });
      expect(checkUrl('//cdn.example/a.jpg')).to.deep.equal({
        ok: true,
        url: '//cdn.example/a.jpg',
      });
    });
  });

  describe('when checking counts and zones', () => {
    it('keeps non-negative integers only, never NaN', () => {
      expect(toCount(2007)).to.equal(2007);
      expect(toCount(0)).to.equal(0);
      expect(toCount('482113')).to.equal(482113);
      for (const bad of [-1, 1.5, Number.NaN, Infinity, '12a', '', null, undefined, {}, 2 ** 60]) {
        expect(toCount(bad), JSON.stringify(bad) ?? 'undefined').to.equal(undefined);
      }
    });

    it('knows IANA zones', () => {
      expect(isTimeZone('Asia/Ho_Chi_Minh')).to.equal(true);
      expect(isTimeZone('Asia/Saigon')).to.equal(true);
      expect(isTimeZone('Mars/Olympus')).to.equal(false);
      expect(isTimeZone('')).to.equal(false);
    });
  });

  describe('when JSON is broken', () => {
    it('finds the first problem and counts UTF-8 bytes', () => {
      expect(findJsonError('{"tiêu đề": tru}')).to.deep.equal({ what: 'unexpected "}"', byte: 19 });
      expect(findJsonError('{"a": "xin chào')).to.deep.equal({
        what: 'unexpected end of input',
        byte: 16,
      });
      expect(findJsonError('{"a": "\\x"}')).to.deep.equal({
        what: 'bad escape \\x in a string',
        byte: 8,
      });
      expect(findJsonError('[1.]')).to.deep.equal({ what: 'unexpected "]" in a number', byte: 3 });
      expect(findJsonError('{"a" 1}')).to.deep.equal({
        what: 'expected ":" after a property name but found "1"',
        byte: 5,
      });
      expect(findJsonError('{"a": 1 "b": 2}')).to.deep.equal({
        what: 'expected "," or "}" but found \'"\'',
        byte: 8,
      });
      expect(findJsonError('{"a": [1, 2}')).to.deep.equal({
        what: 'expected "," or "]" but found "}"',
        byte: 11,
      });
      expect(findJsonError('{"a": "\u0001"}')).to.deep.equal({
        what: 'unescaped U+0001 in a string',
        byte: 7,
      });
      expect(findJsonError('{"a": [true, false, null, -1.5e3, "\\u00e9"]}')).to.equal(undefined);
    });

    it('survives deep nesting without a stack overflow', () => {
      expect(findJsonError('['.repeat(200_000))).to.deep.equal({
        what: 'unexpected end of input',
        byte: 200_000,
      });
    });
  });
});

describe('mergeFeeds', () => {
  const article = (id: string, published?: string, url?: string): Article => {
    const a: Article = {
      id,
      authors: [],
      tags: [],
      attachments: [],
      pinned: false,
      featured: false,
      title: id,
    };
    if (published) a.published = new Date(published);
    if (url) a.url = url;
    return a;
  };

  it('sorts by date, newest first, and drops items with the same id or url', () => {
    const a: Feed = {
      format: 'json',
      url: 'https://a.example/feed.json',
      timeZone: 'Asia/Ho_Chi_Minh',
      items: [
        article('a1', '2020-01-01T00:00:00Z', 'https://x.example/1'),
        article('a2'),
        article('same', '2020-03-01T00:00:00Z'),
      ],
    };
    const b: Feed = {
      format: 'rss',
      url: 'https://b.example/rss.xml',
      items: [
        article('b1', '2020-02-01T00:00:00Z', 'https://x.example/1'),
        article('same', '2021-01-01T00:00:00Z'),
        article('b2', '2020-06-01T00:00:00Z'),
      ],
    };
    const merged = mergeFeeds([a, b]);
    expect(merged.format).to.equal('merged');
    expect(merged.items.map((i) => i.id)).to.deep.equal(['b2', 'same', 'a1', 'a2']);
    expect(merged.url).to.equal('https://a.example/feed.json https://b.example/rss.xml');
    expect(merged.timeZone).to.equal('Asia/Ho_Chi_Minh');
    expect(merged).not.to.have.property('nextUrl');
  });

  it("gives each item its own feed's language, unless it has one", () => {
    const vi: Feed = {
      format: 'json',
      language: 'vi',
      items: [article('v', '2020-01-01T00:00:00Z')],
    };
    const fr = { ...article('f', '2020-01-02T00:00:00Z'), language: 'fr' };
    const en: Feed = {
      format: 'rss',
      language: 'en-US',
      items: [article('e', '2020-01-03T00:00:00Z'), fr],
    };
    const none: Feed = { format: 'json', items: [article('n', '2020-01-04T00:00:00Z')] };
    const merged = mergeFeeds([vi, en, none]);
    expect(merged.language).to.equal('vi');
    expect(merged.items.map((i) => [i.id, i.language])).to.deep.equal([
      ['n', undefined],
      ['e', 'en-US'],
      ['f', 'fr'],
      ['v', 'vi'],
    ]);
    // The feeds handed in are left as they were.
    expect(en.items[0]).not.to.have.property('language');
  });
});

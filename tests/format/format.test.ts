import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import {
  calendarDateIn,
  formatDate,
  formatDateLine,
  nextMidnight,
  parseCalendarDate,
  resolveTimeZone,
  viewerTimeZone,
} from '../../src/format/dates.js';
import { formatCount } from '../../src/format/numbers.js';
import { defineMessages, messageLocale, messagesFor } from '../../src/format/messages.js';
import { isTimeZone, lookupLocale, resolveLocaleTag } from '../../src/format/locale.js';

// This suite runs twice: with the viewer in America/Los_Angeles and in Pacific/Kiritimati.
const seedUpdated = new Date('2020-03-20T03:57:36+07:00');

describe('format', () => {
  it('runs in a viewer zone that is not Vietnam', () => {
    expect(viewerTimeZone()).not.to.equal('Asia/Ho_Chi_Minh');
    expect(viewerTimeZone()).not.to.equal('Asia/Bangkok');
  });

  describe('when printing an instant (formatDate)', () => {
    it('prints a date or nothing at the very ends of the Date range, never NaN', () => {
      // A page can hand any Date in through `.feed`; the wall clock of the last instant in
      // Hồ Chí Minh City (UTC+7) is past the end of the range.
      for (const t of [8.64e15, 8.64e15 - 3_600_000, -8.64e15, -8.64e15 + 3_600_000])
        for (const zone of ['Asia/Ho_Chi_Minh', 'America/Los_Angeles', 'Pacific/Kiritimati'])
          for (const locale of ['vi', 'en'])
            expect(formatDate(new Date(t), zone, locale), `${t} ${zone} ${locale}`).not.to.match(
              /NaN|Invalid/,
            );
    });

    it('prints the seed date as 20/03/2020 03:57:36 in the publisher zone, whatever the viewer zone', () => {
      expect(formatDate(seedUpdated, 'Asia/Ho_Chi_Minh', 'vi')).to.equal('20/03/2020 03:57:36');
      expect(formatDate(seedUpdated, 'Asia/Ho_Chi_Minh', 'vi-VN')).to.equal('20/03/2020 03:57:36');
      expect(formatDate(seedUpdated, 'Asia/Ho_Chi_Minh', 'vi', 'date')).to.equal('20/03/2020');
    });

    it('prints the same instant differently in another zone', () => {
      expect(formatDate(seedUpdated, 'UTC', 'vi')).to.equal('19/03/2020 20:57:36');
      expect(formatDate(seedUpdated, 'America/New_York', 'vi')).to.equal('19/03/2020 16:57:36');
    });

    it('prints English in Intl medium form', () => {
      const d = new Date('2020-12-09T08:15:00-05:00');
      expect(formatDate(d, 'America/New_York', 'en')).to.match(/^Dec 9, 2020, 8:15\sAM$/);
      expect(formatDate(d, 'America/New_York', 'en-GB', 'date')).to.equal('9 Dec 2020');
    });

    it('never prints Invalid Date', () => {
      expect(formatDate(new Date(NaN), 'UTC', 'vi')).to.equal('');
      expect(formatDate(new Date(NaN), 'UTC', 'en')).to.equal('');
    });

    it('speaks Vietnamese dates for a language with no table (like the messages)', () => {
      expect(messageLocale('ja')).to.equal('vi');
      expect(formatDate(seedUpdated, 'Asia/Ho_Chi_Minh', 'ja')).to.equal('20/03/2020 03:57:36');
    });
  });

  describe('when choosing a zone', () => {
    it('takes the first zone it knows, then the viewer zone', () => {
      expect(resolveTimeZone('Asia/Ho_Chi_Minh', 'America/New_York')).to.equal('Asia/Ho_Chi_Minh');
      expect(resolveTimeZone(undefined, 'America/New_York')).to.equal('America/New_York');
      expect(resolveTimeZone(null, undefined)).to.equal(viewerTimeZone());
    });

    it('skips a zone the browser does not know, and says so on the console once', async () => {
      const warn = sinon.stub(console, 'warn');
      try {
        expect(isTimeZone('Mars/Olympus_Mons')).to.be.false;
        for (let i = 0; i < 3; i++)
          expect(resolveTimeZone('Mars/Olympus_Mons', 'Asia/Ho_Chi_Minh')).to.equal(
            'Asia/Ho_Chi_Minh',
          );
        // The words come with the extras chunk: the line follows within a moment.
        await waitUntil(() => warn.called, 'the warning');
        await aTimeout(50);
        expect(warn.callCount).to.equal(1);
        expect(warn.firstCall.args[0]).to.equal(
          'civic-widgets: time zone "Mars/Olympus_Mons" is not an IANA zone this browser knows; ignoring it',
        );
      } finally {
        warn.restore();
      }
    });
  });

  describe('when working with calendar days', () => {
    it('finds the day in a zone', () => {
      const instant = new Date(Date.UTC(2020, 6, 15, 17, 30));
      expect(calendarDateIn(instant, 'Asia/Ho_Chi_Minh')).to.deep.equal({
        year: 2020,
        month: 7,
        day: 16,
      });
      expect(calendarDateIn(instant, 'America/Los_Angeles')).to.deep.equal({
        year: 2020,
        month: 7,
        day: 15,
      });
    });

    it('finds the next midnight in a zone, across DST', () => {
      const vn = nextMidnight(new Date(Date.UTC(2020, 6, 16, 12)), 'Asia/Ho_Chi_Minh');
      expect(vn.toISOString()).to.equal('2020-07-16T17:00:00.000Z');
      // The night the clocks go forward in Los Angeles: midnight is still 08:00 UTC, the next is 07:00.
      const la1 = nextMidnight(new Date(Date.UTC(2020, 2, 8, 6)), 'America/Los_Angeles');
      expect(la1.toISOString()).to.equal('2020-03-08T08:00:00.000Z');
      const la2 = nextMidnight(la1, 'America/Los_Angeles');
      expect(la2.toISOString()).to.equal('2020-03-09T07:00:00.000Z');
    });

    it('starts the next day where the clocks skip midnight itself', () => {
      // Cuba springs forward at 00:00 on 8 March 2026: that day starts at 01:00 (−04). The
      // old answer, 23:00 on the 7th, was before the day turned: a date line re-armed its
      // timer every 50 ms until 01:00.
      const at = (iso: string, zone: string) => nextMidnight(new Date(iso), zone).toISOString();
      expect(at('2026-03-07T12:00:00Z', 'America/Havana')).to.equal('2026-03-08T05:00:00.000Z');
      // Chile, 6 September 2026: 00:00 (−04) becomes 01:00 (−03).
      expect(at('2026-09-05T12:00:00Z', 'America/Santiago')).to.equal('2026-09-06T04:00:00.000Z');
      // Samoa skipped 30 December 2011: after the 29th came the 31st, at 00:00 (+14).
      expect(at('2011-12-29T12:00:00Z', 'Pacific/Apia')).to.equal('2011-12-30T10:00:00.000Z');
    });

    it('turns the day exactly at the answer, every day of a year, in zones with odd DST', () => {
      const day = (t: number, zone: string) => JSON.stringify(calendarDateIn(new Date(t), zone));
      for (const zone of [
        'America/Havana',
        'America/Santiago',
        'America/Asuncion',
        'Asia/Beirut',
        'America/Los_Angeles',
        'Australia/Lord_Howe',
        'Asia/Ho_Chi_Minh',
      ]) {
        for (let d = 0; d < 365; d++) {
          const t = Date.UTC(2026, 0, 1 + d, 12);
          const next = nextMidnight(new Date(t), zone).getTime();
          const where = `${zone} ${new Date(t).toISOString()}`;
          expect(next, where).to.be.above(t);
          expect(day(next, zone), where).not.to.equal(day(t, zone));
          expect(day(next - 1000, zone), where).to.equal(day(t, zone));
        }
      }
    });

    it('reads ISO calendar dates and rejects impossible ones', () => {
      expect(parseCalendarDate('2020-07-16', 'UTC')).to.deep.equal({
        year: 2020,
        month: 7,
        day: 16,
      });
      expect(parseCalendarDate('2020-02-30', 'UTC')).to.be.undefined;
      expect(parseCalendarDate('16/07/2020', 'UTC')).to.be.undefined;
      expect(parseCalendarDate('', 'UTC')).to.be.undefined;
    });

    it('reads a timestamp with an offset in the zone, and one without as the day written', () => {
      const day = (text: string) => parseCalendarDate(text, 'Asia/Ho_Chi_Minh');
      // 16 July 23:30 in Hà Nội is the 16th (16:30 UTC); 23:30 UTC is the 17th there.
      expect(day('2020-07-16T23:30:00+07:00')).to.deep.equal({ year: 2020, month: 7, day: 16 });
      expect(day('2020-07-16T16:30:00Z')).to.deep.equal({ year: 2020, month: 7, day: 16 });
      expect(day('2020-07-16T23:30:00Z')).to.deep.equal({ year: 2020, month: 7, day: 17 });
      // No offset: a wall-clock time, the same day for every viewer (this browser is in Los
      // Angeles or Kiritimati, where ECMAScript would read it as the 17th or the 16th).
      expect(day('2020-07-16T23:30:00')).to.deep.equal({ year: 2020, month: 7, day: 16 });
      expect(day('2020-07-16T23:30')).to.deep.equal({ year: 2020, month: 7, day: 16 });
      expect(day('2020-07-16T00:30:00.5')).to.deep.equal({ year: 2020, month: 7, day: 16 });
      expect(day('2020-02-30T10:00')).to.be.undefined;
      expect(day('2020-07-16Tnoon')).to.be.undefined;
      // Before the year 1000: "Năm 50", on the weekday of 1950.
      expect(day('0050-03-01')).to.be.undefined;
      expect(day('0050-03-01T12:00:00Z')).to.be.undefined;
    });

    it('prints the date line in vi and en', () => {
      expect(formatDateLine({ year: 2020, month: 7, day: 16 }, 'vi')).to.equal(
        'Thứ 5, Ngày 16 Tháng 7 Năm 2020',
      );
      expect(formatDateLine({ year: 2020, month: 7, day: 19 }, 'vi')).to.equal(
        'Chủ nhật, Ngày 19 Tháng 7 Năm 2020',
      );
      expect(formatDateLine({ year: 2020, month: 7, day: 16 }, 'en-US')).to.equal(
        'Thursday, July 16, 2020',
      );
    });
  });

  describe('when printing counts (formatCount)', () => {
    it('groups with a dot in vi and a comma in en', () => {
      expect(formatCount(2007, 'vi')).to.equal('2.007');
      expect(formatCount(2007, 'en')).to.equal('2,007');
      expect(formatCount(0, 'vi')).to.equal('0');
    });

    it('has a compact notation', () => {
      expect(formatCount(15000, 'vi', 'compact')).to.match(/^15\sN$/);
      expect(formatCount(15890, 'en', 'compact')).to.equal('15.9K');
    });

    it('writes a count as the words beside it are written: a tag with no table as its fallback', () => {
      // Before: "Lượt xem: 2 007" on a French page, "Lượt xem: 2,007" on a Japanese one
      // (a Vietnamese reader takes that for two), and "2.007" in the counter beside them.
      expect(formatCount(2007, 'ja')).to.equal('2.007');
      expect(formatCount(2007, 'ar-EG')).to.equal('2.007');
      expect(formatCount(15000, 'ja', 'compact')).to.match(/^15\sN$/);
      // A language with a table keeps its own forms, regional ones included.
      expect(formatCount(100000, 'en-IN')).to.equal('1,00,000');
      defineMessages('pt-BR', { more: 'Mais' });
      expect(formatCount(2007, 'pt-BR')).to.equal(new Intl.NumberFormat('pt-BR').format(2007));
    });

    it('never prints NaN', () => {
      expect(formatCount(NaN, 'vi')).to.equal('');
      expect(formatCount(Infinity, 'en')).to.equal('');
    });

    it('prints every count as Intl does, in the languages it groups by hand and in others', () => {
      // vi and en whole counts are grouped without Intl (a first paint's first formatter
      // costs tens of ms); the rest go to Intl. Both must read the same.
      const counts = [0, 1, 7, 12, 999, 1000, 2007, 12_873, 99_999, 100_000, 999_999, 1_000_000];
      for (let n = 1, i = 0; i < 60; i++) counts.push((n = (n * 48_271 + i) % 2_147_483_647));
      counts.push(2 ** 31, 2 ** 40 + 3, Number.MAX_SAFE_INTEGER, -2007, 2007.6, 1e21);
      for (const locale of [
        'vi',
        'vi-VN',
        'en',
        'en-US',
        'en-GB',
        'en-IN',
        'de-CH',
        'fr',
        'ar-EG',
      ]) {
        // A tag with no message table is written as the table it falls back to (below).
        const words = messageLocale(locale);
        const as = locale.toLowerCase().startsWith(words) ? locale : words;
        const intl = new Intl.NumberFormat(as, { maximumFractionDigits: 0 });
        for (const n of counts)
          expect(formatCount(n, locale), `${locale} ${n}`).to.equal(intl.format(n));
      }
    });
  });

  describe('when choosing the language', () => {
    it('maps BCP 47 tags onto the built-in tables', () => {
      expect(lookupLocale('vi-VN', ['vi', 'en'])).to.equal('vi');
      expect(lookupLocale('EN-gb', ['vi', 'en'])).to.equal('en');
      expect(lookupLocale('fr', ['vi', 'en'])).to.equal('vi');
      // Ever shorter prefixes (RFC 4647 lookup): before, only the whole tag and its language.
      expect(lookupLocale('zh-Hant-TW', ['vi', 'en', 'zh-hant'])).to.equal('zh-hant');
      expect(lookupLocale('zh-Hans-CN', ['vi', 'en', 'zh-hant'])).to.equal('vi');
    });

    it('reads a locale written with an underscore (en_GB), as CMS templates print it', () => {
      const page = document.createElement('div');
      page.setAttribute('lang', 'en_GB');
      const el = document.createElement('span');
      page.append(el);
      // Before: not a tag, so the page read as Vietnamese.
      expect(resolveLocaleTag(el)).to.equal('en-GB');
      expect(resolveLocaleTag(el, 'vi_VN')).to.equal('vi-VN');
      expect(messageLocale(resolveLocaleTag(el))).to.equal('en');
    });

    it('reads the nearest lang, across shadow roots', () => {
      const outer = document.createElement('div');
      outer.lang = 'en-AU';
      const host = document.createElement('div');
      outer.append(host);
      const inner = document.createElement('span');
      host.attachShadow({ mode: 'open' }).append(inner);
      expect(resolveLocaleTag(inner)).to.equal('en-AU');
      expect(resolveLocaleTag(inner, 'vi')).to.equal('vi');
      expect(resolveLocaleTag(document.createElement('span'))).to.equal('vi');
      expect(resolveLocaleTag(inner, 'not a tag!')).to.equal('en-AU');
    });

    it('lets a site override a message or add a language', () => {
      defineMessages('fr', { more: 'Plus', empty: 'Aucune actualité' });
      expect(messagesFor('fr-FR').more).to.equal('Plus');
      // Untranslated keys fall back to English, never to a gap.
      expect(messagesFor('fr').retry).to.equal('Try again');
      expect(messageLocale('fr-CA')).to.equal('fr');
      const before = messagesFor('vi').more;
      defineMessages('vi', { more: 'Xem tiếp' });
      expect(messagesFor('vi').more).to.equal('Xem tiếp');
      defineMessages('vi', { more: before });
      expect(messagesFor('vi').views).to.equal('Lượt xem');
    });

    it('starts a regional table (vi-VN, as <html lang> often says) from its language, not English', () => {
      defineMessages('vi-VN', { more: 'Xem tiếp' });
      expect(messagesFor('vi-VN').more).to.equal('Xem tiếp');
      expect(messagesFor('vi-VN').empty).to.equal('Chưa có tin');
      expect(messagesFor('vi-VN').views).to.equal('Lượt xem');
      // …and its dates stay in the portal form.
      expect(formatDate(seedUpdated, 'Asia/Ho_Chi_Minh', 'vi-VN')).to.equal('20/03/2020 03:57:36');
    });
  });
});

/**
 * Issue #9, dates: every form feeds are seen to write is read, and read right; a date is
 * never shifted. The zone names themselves are tests/feed/zones.test.ts.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { parseFeed } from '../../src/feed/parse.js';
import { parseDate, readDate } from '../../src/feed/dates.js';
import { parseRfc3339 } from '../../src/feed/values.js';

const read = (text: string, zone?: string) => parseDate(text, parseRfc3339, zone)?.toISOString();

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The wall clock of a zone `offset` minutes east of UTC at `instant`, in parts. */
function wall(instant: Date, offset: number) {
  const w = new Date(instant.getTime() + offset * 60_000);
  return {
    day: DAYS[w.getUTCDay()],
    date: w.getUTCDate(),
    month: MONTHS[w.getUTCMonth()],
    monthNumber: w.getUTCMonth() + 1,
    year: w.getUTCFullYear(),
    time: `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}`,
  };
}

/** `+0700`, `-01:01` for an offset in minutes. */
function offsetText(offset: number, colon = false): string {
  const abs = Math.abs(offset);
  return `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`;
}

/** The forms of one instant in a zone `offset` minutes east, as feeds write them. */
const FORMS: Record<string, (instant: Date, offset: number) => string> = {
  'RFC 822': (i, o) => {
    const w = wall(i, o);
    return `${w.day}, ${pad(w.date)} ${w.month} ${w.year} ${w.time} ${offsetText(o)}`;
  },
  'RFC 822, no space after the comma': (i, o) => {
    const w = wall(i, o);
    return `${w.day},${w.date} ${w.month} ${w.year} ${w.time} ${offsetText(o)}`;
  },
  'RFC 822, GMT+hh:mm': (i, o) => {
    const w = wall(i, o);
    return `${w.day}, ${w.date} ${w.month} ${w.year} ${w.time} GMT${offsetText(o, true)}`;
  },
  'RFC 822, bare -hh:mm': (i, o) => {
    const w = wall(i, o);
    return `${w.day}, ${w.date} ${w.month} ${w.year} ${w.time} ${offsetText(o, true)}`;
  },
  'JavaScript Date.toString()': (i, o) => {
    const w = wall(i, o);
    return `${w.day} ${w.month} ${pad(w.date)} ${w.year} ${w.time} GMT${offsetText(o)} (Some Standard Time)`;
  },
  'Date.toString() without GMT': (i, o) => {
    const w = wall(i, o);
    return `${w.day} ${w.month} ${pad(w.date)} ${w.year} ${w.time} ${offsetText(o)}`;
  },
  'Unix date, numeric zone': (i, o) => {
    const w = wall(i, o);
    return `${w.day} ${w.month} ${String(w.date).padStart(2, ' ')} ${w.time} ${offsetText(o)} ${w.year}`;
  },
  'ISO, a space before the offset': (i, o) => {
    const w = wall(i, o);
    return `${w.year}-${pad(w.monthNumber)}-${pad(w.date)} ${w.time} ${offsetText(o, true)}`;
  },
  'ISO, T and an offset without colon': (i, o) => {
    const w = wall(i, o);
    return `${w.year}-${pad(w.monthNumber)}-${pad(w.date)}T${w.time}${offsetText(o)}`;
  },
};

const instants = fc
  .date({
    min: new Date(Date.UTC(1976, 0, 1)),
    max: new Date(Date.UTC(2099, 11, 31)),
    noInvalidDate: true,
  })
  .map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000));
const offsets = fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 });

/** One RSS item with this pubDate, read as the feed layer reads it. */
function rssDate(pubDate: string, timeZone?: string) {
  const { feed, warnings } = parseFeed(
    `<rss version="2.0"><channel><title>D</title><item><guid>d</guid><title>T</title><pubDate>${pubDate}</pubDate></item></channel></rss>`,
    { timeZone },
  );
  return { published: feed.items[0].published?.toISOString(), warnings };
}

describe('feed dates', () => {
  it("reads the issue's forms right", () => {
    const cases: [string, string][] = [
      ['Thu, 19 Mar 2020 16:20:00 Etc/GMT', '2020-03-19T16:20:00.000Z'],
      ['Thu, 19 Mar 2020 16:20:00 GMT+7', '2020-03-19T09:20:00.000Z'],
      ['Thu, 19 Mar 2020 16:20:00 GMT-01:01', '2020-03-19T17:21:00.000Z'],
      ['Thu, 19 Mar 2020 16:20:00 -01:01', '2020-03-19T17:21:00.000Z'],
      ['Fri,24 Nov 2023 18:28:36 -0000', '2023-11-24T18:28:36.000Z'],
      // JavaScript's Date.toString(), with and without its comment.
      ['Thu Aug 30 2012 17:26:16 +0200', '2012-08-30T15:26:16.000Z'],
      [
        'Thu Aug 30 2012 17:26:16 GMT+0200 (Central European Summer Time)',
        '2012-08-30T15:26:16.000Z',
      ],
      // Unix `date` (asctime with a zone, before or after the year).
      ['Thu Mar 19 16:20:00 ICT 2020', '2020-03-19T09:20:00.000Z'],
      ['Thu Mar  5 16:20:00 2020 +0700', '2020-03-05T09:20:00.000Z'],
      // ISO date-times with a space before the offset, and their near relatives.
      ['2020-03-19 16:20:00 +07:00', '2020-03-19T09:20:00.000Z'],
      ['2020-03-19T16:20:00 +0700', '2020-03-19T09:20:00.000Z'],
      ['2020-03-19 16:20:00+07', '2020-03-19T09:20:00.000Z'],
      ['2020-03-19T16:20+07:00', '2020-03-19T09:20:00.000Z'],
      ['2020-03-19T16:20:00.250 Z', '2020-03-19T16:20:00.250Z'],
      ['2020-03-19 16:20:00 ICT', '2020-03-19T09:20:00.000Z'],
      // RFC 850 (HTTP's obsolete form), a comment, a 12-hour clock, an IANA zone.
      ['Thursday, 19-Mar-20 16:20:00 GMT', '2020-03-19T16:20:00.000Z'],
      ['Thu, 19 Mar 2020 16:20:00 +0700 (ICT)', '2020-03-19T09:20:00.000Z'],
      ['Thu, 19 Mar 2020 4:20 PM +0700', '2020-03-19T09:20:00.000Z'],
      ['March 19, 2020 12:05 AM GMT', '2020-03-19T00:05:00.000Z'],
      ['Thu, 19 Mar 2020 16:20:00 Asia/Ho_Chi_Minh', '2020-03-19T09:20:00.000Z'],
      ['Sun, 19 Jul 2020 16:20:00 Europe/Berlin', '2020-07-19T14:20:00.000Z'],
      // IANA's Etc zones count west as positive: Etc/GMT+7 is UTC-7, as the name means there.
      ['Thu, 19 Mar 2020 16:20:00 Etc/GMT+7', '2020-03-19T23:20:00.000Z'],
    ];
    for (const [text, iso] of cases) expect(read(text), text).to.equal(iso);
  });

  it('drops asctime and ISO dates without a zone, unless the feed declares one', () => {
    for (const text of ['Thu Mar 19 16:20:00 2020', '2020-03-19T16:20:00', '2020-03-19 16:20']) {
      expect(readDate(text, parseRfc3339), text).to.deep.equal({ unknownZone: true });
      expect(rssDate(text).warnings, text).to.deep.equal([
        { path: 'item[0].pubDate', message: `"${text}" has an unknown time zone; not used` },
      ]);
      expect(read(text, 'Asia/Ho_Chi_Minh'), text).to.equal('2020-03-19T09:20:00.000Z');
    }
  });

  it('refuses what is no date, or an impossible one, and says so quoting it', () => {
    for (const text of [
      'Thứ 5, 16/07/2020',
      '2020-07-16',
      '16/07/2020 11:05',
      'Thu, 19 Mar 2020 16:20:00 garbage words',
      'Thu, 19 Mar 2020 16:20:00 +0700 extra',
      'Thu, 19 Mar 2020 13:20 PM +0700',
      'Thu, 30 Feb 2020 16:20:00 +0700',
      'Thu Mar 19 16:20:00 +0700',
      'Thu, 19 Mar 2020 16:20:00 GMT+25',
      `Thu, 19 Mar 2020 16:20:00 ${'A'.repeat(200)}`,
    ]) {
      expect(readDate(text, parseRfc3339), text).to.be.undefined;
      const quoted = text.length > 80 ? `${text.slice(0, 79)}…` : text;
      expect(rssDate(text).warnings, text).to.deep.equal([
        {
          path: 'item[0].pubDate',
          message: `"${quoted}" is not an RFC 822 or RFC 3339 date; not used`,
        },
      ]);
    }
  });

  it('reads Atom and Dublin Core dates by the same rules, in the declared zone when they name none', () => {
    const { feed, warnings } = parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
        <entry><id>a</id><title>A</title><published>2020-03-19 16:20:00 +07:00</published><updated>2020-03-20T08:00:00</updated></entry>
      </feed>`,
      { timeZone: 'Asia/Ho_Chi_Minh' },
    );
    expect(feed.items[0].published!.toISOString()).to.equal('2020-03-19T09:20:00.000Z');
    expect(feed.items[0].modified!.toISOString()).to.equal('2020-03-20T01:00:00.000Z');
    expect(warnings).to.deep.equal([
      {
        path: 'entry[0].updated',
        message: '"2020-03-20T08:00:00" has an unknown time zone; read in Asia/Ho_Chi_Minh',
      },
    ]);
  });

  for (const [name, write] of Object.entries(FORMS)) {
    it(`property: ${name} with any offset reads back as the same instant`, () => {
      fc.assert(
        fc.property(instants, offsets, (instant, offset) => {
          const text = write(instant, offset);
          expect(read(text), text).to.equal(instant.toISOString());
        }),
      );
    });
  }

  it("property: a date with no zone, read in the feed's declared zone, is that zone's instant", () => {
    // Zones with one offset since 1976 (an hour that happens twice has two instants).
    const zones: [string, number][] = [
      ['Asia/Ho_Chi_Minh', 420],
      ['Asia/Tokyo', 540],
      ['Asia/Kolkata', 330],
      ['America/Panama', -300],
      ['Africa/Lagos', 60],
    ];
    fc.assert(
      fc.property(instants, fc.constantFrom(...zones), (instant, [zone, offset]) => {
        const w = wall(instant, offset);
        for (const text of [
          `${w.day}, ${w.date} ${w.month} ${w.year} ${w.time}`,
          `${w.day} ${w.month} ${w.date} ${w.time} ${w.year}`,
          `${w.year}-${pad(w.monthNumber)}-${pad(w.date)}T${w.time}`,
        ]) {
          expect(read(text), text).to.be.undefined;
          expect(read(text, zone), `${text} in ${zone}`).to.equal(instant.toISOString());
          // The IANA name written in the date itself reads the same.
          expect(read(`${text} ${zone}`), `${text} ${zone}`).to.equal(instant.toISOString());
        }
      }),
    );
  });

  it('property: any text gives a valid instant or nothing, never an Invalid Date or a throw', () => {
    const pieces = fc.constantFrom(
      'Thu',
      ',',
      ' ',
      '19',
      'Mar',
      '2020',
      '16:20:00',
      '4:20',
      'PM',
      '+0700',
      '-01:01',
      'GMT',
      'GMT+7',
      'Etc/GMT',
      'Asia/Ho_Chi_Minh',
      'Mars/Base',
      '(ICT)',
      '2020-03-19',
      'T',
      'Z',
      '-',
      '99',
      '0',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), fc.string(), (parts, noise) => {
        for (const text of [parts.join(''), parts.join(' '), `${parts.join(' ')}${noise}`]) {
          const result = readDate(text, parseRfc3339, 'Asia/Ho_Chi_Minh');
          if (result && 'date' in result)
            expect(Number.isNaN(result.date.getTime()), text).to.be.false;
        }
      }),
      { numRuns: 2000 },
    );
  });
});

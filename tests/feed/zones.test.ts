/**
 * Issue #10, item 11 (with issue #9's list of zone names): an RSS date is read right or
 * not used. Never a time shifted by the hours of a zone the reader did not know.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { parseFeed } from '../../src/feed/parse.js';
import { parseDate } from '../../src/feed/dates.js';
import { parseRfc3339 } from '../../src/feed/values.js';

const read = (text: string, zone?: string) => parseDate(text, parseRfc3339, zone)?.toISOString();

/** One RSS item with this pubDate, read as the feed layer reads it. */
function rssDate(pubDate: string, timeZone?: string) {
  const { feed, warnings } = parseFeed(
    `<rss version="2.0"><channel><title>Z</title><item><guid>z</guid><title>T</title><pubDate>${pubDate}</pubDate></item></channel></rss>`,
    { timeZone },
  );
  return { published: feed.items[0].published?.toISOString(), warnings };
}

/** Known names and their offsets in minutes (a copy, so the test checks the table). */
const NAMED: [string, number][] = [
  ['GMT', 0],
  ['UT', 0],
  ['EST', -300],
  ['PDT', -420],
  ['ICT', 420],
  ['MET', 60],
  ['CET', 60],
  ['CEST', 120],
  ['BST', 60],
  ['JST', 540],
  ['KST', 540],
  ['AEST', 600],
  ['WIB', 420],
  ['SGT', 480],
  ['EET', 120],
];

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** `instant` written in RFC 822 as the clocks of a zone `offset` minutes east of UTC show it, named `zone`. */
function rfc822(instant: Date, offset: number, zone: string): string {
  const wall = new Date(instant.getTime() + offset * 60_000);
  return `${DAYS[wall.getUTCDay()]}, ${pad(wall.getUTCDate())} ${MONTHS[wall.getUTCMonth()]} ${wall.getUTCFullYear()} ${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())} ${zone}`;
}

describe('RSS date zones', () => {
  it('reads the issue example: 16:20 ICT is 09:20 UTC, not 16:20 UTC', () => {
    expect(read('Thu, 19 Mar 2020 16:20:00 ICT')).to.equal('2020-03-19T09:20:00.000Z');
    expect(rssDate('Thu, 19 Mar 2020 16:20:00 ICT')).to.deep.equal({
      published: '2020-03-19T09:20:00.000Z',
      warnings: [],
    });
  });

  it("reads issue #9's names and numeric forms right", () => {
    const cases: [string, string][] = [
      ['Thu, 19 Mar 2020 16:20:00 MET', '2020-03-19T15:20:00.000Z'],
      ['Thu, 19 Mar 2020 16:20:00 CET', '2020-03-19T15:20:00.000Z'],
      ['Sun, 19 Jul 2020 16:20:00 CEST', '2020-07-19T14:20:00.000Z'],
      ['Sun, 19 Jul 2020 16:20:00 BST', '2020-07-19T15:20:00.000Z'],
      ['Thu, 19 Mar 2020 16:20:00 JST', '2020-03-19T07:20:00.000Z'],
      ['Thu, 19 Mar 2020 16:20:00 KST', '2020-03-19T07:20:00.000Z'],
      ['Thu, 19 Mar 2020 16:20:00 AEST', '2020-03-19T06:20:00.000Z'],
      // Generic US names: summer time applies when the region's clocks say so.
      ['Thu, 16 Jan 2020 12:00:00 ET', '2020-01-16T17:00:00.000Z'],
      ['Thu, 16 Jul 2020 12:00:00 ET', '2020-07-16T16:00:00.000Z'],
      ['Thu, 16 Jan 2020 12:00:00 CT', '2020-01-16T18:00:00.000Z'],
      ['Thu, 16 Jul 2020 12:00:00 MT', '2020-07-16T18:00:00.000Z'],
      ['Thu, 16 Jul 2020 12:00:00 PT', '2020-07-16T19:00:00.000Z'],
      ['Thu, 19 Mar 2020 16:20:00 GMT+7', '2020-03-19T09:20:00.000Z'],
      ['Thu, 19 Mar 2020 16:20:00 UTC+07:00', '2020-03-19T09:20:00.000Z'],
      ['Thu, 19 Mar 2020 16:20:00 -01:01', '2020-03-19T17:21:00.000Z'],
      ['Fri,24 Nov 2023 18:28:36 -0000', '2023-11-24T18:28:36.000Z'],
    ];
    for (const [text, iso] of cases) expect(read(text), text).to.equal(iso);
  });

  it('drops a date with an unknown, ambiguous or missing zone, with a warning quoting it', () => {
    for (const text of [
      'Thu, 19 Mar 2020 16:20:00 XYZ',
      'Thu, 19 Mar 2020 16:20:00 IST',
      'Thu, 19 Mar 2020 16:20:00 A',
      'Thu, 19 Mar 2020 16:20:00',
      'Thu, 19 Mar 2020 16:20:00 proto',
    ]) {
      expect(read(text), text).to.be.undefined;
      const { published, warnings } = rssDate(text);
      expect(published, text).to.be.undefined;
      expect(warnings, text).to.deep.equal([
        { path: 'item[0].pubDate', message: `"${text}" has an unknown time zone; not used` },
      ]);
    }
  });

  it("reads such a date in the feed's declared time zone, and says so", () => {
    const text = 'Thu, 19 Mar 2020 16:20:00 XYZ';
    expect(rssDate(text, 'Asia/Ho_Chi_Minh')).to.deep.equal({
      published: '2020-03-19T09:20:00.000Z',
      warnings: [
        {
          path: 'item[0].pubDate',
          message: `"${text}" has an unknown time zone; read in Asia/Ho_Chi_Minh`,
        },
      ],
    });
    // Summer time in the declared zone is the zone's own.
    expect(read('Sun, 19 Jul 2020 16:20:00', 'Europe/Berlin')).to.equal('2020-07-19T14:20:00.000Z');
    // A declared zone the browser does not know helps nothing: still not guessed.
    expect(read('Thu, 19 Mar 2020 16:20:00 XYZ', 'Mars/Olympus_Mons')).to.be.undefined;
  });

  it('property: a date written with a known zone name or offset reads back as the same instant', () => {
    const instants = fc.date({
      min: new Date(Date.UTC(1970, 0, 1)),
      max: new Date(Date.UTC(2099, 11, 31)),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instants, fc.constantFrom(...NAMED), (date, [zone, offset]) => {
        const instant = new Date(Math.floor(date.getTime() / 1000) * 1000);
        expect(read(rfc822(instant, offset, zone))).to.equal(instant.toISOString());
      }),
    );
    fc.assert(
      fc.property(
        instants,
        fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }),
        (date, offset) => {
          const instant = new Date(Math.floor(date.getTime() / 1000) * 1000);
          const abs = Math.abs(offset);
          const zone = `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
          expect(read(rfc822(instant, offset, zone))).to.equal(instant.toISOString());
        },
      ),
    );
  });

  it('property: a zone name it does not know never yields a date', () => {
    const known = new Set([
      ...NAMED.map(([z]) => z),
      'UTC',
      'Z',
      'EDT',
      'CST',
      'CDT',
      'MST',
      'MDT',
      'PST',
      'AKST',
      'AKDT',
      'HST',
      'WET',
      'WEST',
      'MEZ',
      'MEST',
      'MESZ',
      'EEST',
      'MSK',
      'WITA',
      'WIT',
      'HKT',
      'AWST',
      'ACST',
      'ACDT',
      'AEDT',
      'NZST',
      'NZDT',
      'ET',
      'CT',
      'MT',
      'PT',
    ]);
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z]{1,5}$/).filter((z) => !known.has(z.toUpperCase())),
        (zone) => {
          expect(read(`Thu, 19 Mar 2020 16:20:00 ${zone}`), zone).to.be.undefined;
        },
      ),
    );
  });
});

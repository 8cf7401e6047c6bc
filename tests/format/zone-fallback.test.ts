import { expect } from '@open-wc/testing';

// A browser without Temporal (Safari, older Chromium and Firefox): the zone module and
// the date printing on top of it, loaded after Temporal is taken away from this page.
Reflect.deleteProperty(globalThis, 'Temporal');
const { isZone, offsetMinutes, viewerTimeZone } = await import('../../src/format/zone.js');
const { formatDate, calendarDateIn, nextMidnight } = await import('../../src/format/dates.js');

describe('time zones in a browser without Temporal (zone.ts)', () => {
  it('runs without Temporal', () => {
    expect((globalThis as { Temporal?: unknown }).Temporal).to.equal(undefined);
  });

  it('gives offsets through Intl', () => {
    expect(offsetMinutes('Asia/Ho_Chi_Minh', Date.UTC(2020, 2, 19))).to.equal(420);
    expect(offsetMinutes('Asia/Kathmandu', Date.UTC(2020, 2, 19))).to.equal(345);
    expect(offsetMinutes('America/Los_Angeles', Date.UTC(2020, 2, 8, 10) - 1)).to.equal(-480);
    expect(offsetMinutes('America/Los_Angeles', Date.UTC(2020, 2, 8, 10))).to.equal(-420);
  });

  it('knows zones and refuses what names none', () => {
    for (const zone of ['Asia/Ho_Chi_Minh', 'asia/ho_chi_minh', 'UTC', '+07:00'])
      expect(isZone(zone), zone).to.be.true;
    for (const zone of ['', 'Foo/Bar', '2020-01-01T00:00+07:00[Asia/Ho_Chi_Minh]'])
      expect(isZone(zone), zone).to.be.false;
    expect(viewerTimeZone()).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('prints the seed date in the publisher zone', () => {
    const seed = new Date('2020-03-20T03:57:36+07:00');
    expect(formatDate(seed, 'Asia/Ho_Chi_Minh', 'vi')).to.equal('20/03/2020 03:57:36');
    expect(calendarDateIn(seed, 'America/Los_Angeles')).to.deep.equal({
      year: 2020,
      month: 3,
      day: 19,
    });
    expect(nextMidnight(seed, 'Asia/Ho_Chi_Minh').toISOString()).to.equal(
      '2020-03-20T17:00:00.000Z',
    );
    // Cuba skips 00:00 on 8 March 2026: that day starts at 01:00 (−04).
    expect(nextMidnight(new Date('2026-03-07T12:00:00Z'), 'America/Havana').toISOString()).to.equal(
      '2026-03-08T05:00:00.000Z',
    );
  });
});

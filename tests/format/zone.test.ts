import { expect } from '@open-wc/testing';
import { tzOffset } from '@date-fns/tz/tzOffset';
import { isZone, offsetMinutes, viewerTimeZone } from '../../src/format/zone.js';

// This Chromium has Temporal: these tests hold its answers to Intl's (@date-fns/tz, the
// path browsers without Temporal take). zone-fallback.test.ts runs the module without it.
const ZONES = [
  'Asia/Ho_Chi_Minh',
  'America/Los_Angeles',
  'Europe/London',
  'Australia/Lord_Howe', // a 30-minute DST shift
  'Asia/Kathmandu', // +05:45
  'America/St_Johns', // -03:30 / -02:30
  'Pacific/Chatham', // +12:45 / +13:45
  'Pacific/Kiritimati', // skipped 31 December 1994
  'UTC',
  '+07:00',
];

describe('time zones without a formatter (zone.ts)', () => {
  it('runs where Temporal answers', () => {
    expect((globalThis as { Temporal?: unknown }).Temporal).to.exist;
  });

  it("gives Intl's offset for every zone, every 9 days and 7 hours from 1975 to 2040", () => {
    const step = (9 * 24 + 7) * 3_600_000;
    let checked = 0;
    for (const zone of ZONES) {
      for (let t = Date.UTC(1975, 0, 1); t < Date.UTC(2040, 0, 1); t += step) {
        const got = offsetMinutes(zone, t);
        const want = tzOffset(zone, new Date(t));
        if (got !== want)
          expect({ zone, at: new Date(t).toISOString(), got }).to.deep.equal({
            zone,
            at: new Date(t).toISOString(),
            got: want,
          });
        checked++;
      }
    }
    expect(checked).to.be.greaterThan(25_000);
  });

  it('gives the offset on each side of a DST change, to the millisecond', () => {
    // Los Angeles sprang forward at 2020-03-08 10:00 UTC, London fell back at 2020-10-25 01:00 UTC.
    const spring = Date.UTC(2020, 2, 8, 10);
    expect(offsetMinutes('America/Los_Angeles', spring - 1)).to.equal(-480);
    expect(offsetMinutes('America/Los_Angeles', spring)).to.equal(-420);
    const fall = Date.UTC(2020, 9, 25, 1);
    expect(offsetMinutes('Europe/London', fall - 1)).to.equal(60);
    expect(offsetMinutes('Europe/London', fall)).to.equal(0);
  });

  it('knows the zones Intl knows, in any case, and refuses what names no zone', () => {
    for (const zone of [
      'Asia/Ho_Chi_Minh',
      'asia/ho_chi_minh',
      'Asia/Saigon',
      'UTC',
      'utc',
      '+07:00',
    ])
      expect(isZone(zone), zone).to.be.true;
    for (const zone of ['', ' ', 'Foo/Bar', ' Asia/Ho_Chi_Minh', 'Asia/Ho Chi Minh'])
      expect(isZone(zone), JSON.stringify(zone)).to.be.false;
  });

  it('refuses a date-time that only carries a zone (Temporal reads one from it, Intl does not)', () => {
    for (const text of ['2020-01-01T00:00+07:00[Asia/Ho_Chi_Minh]', '2020-01-01T00:00Z']) {
      expect(isZone(text), text).to.be.false;
      expect(() => new Intl.DateTimeFormat('en', { timeZone: text })).to.throw(RangeError);
    }
  });

  it("says the viewer's zone as Intl does", () => {
    expect(viewerTimeZone()).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});

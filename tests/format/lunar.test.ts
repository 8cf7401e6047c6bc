import { expect } from '@open-wc/testing';
import { canChiYear, formatLunar, toLunar, type LunarDate } from '../../src/format/lunar.js';

/** The lunar date of an ISO calendar date "yyyy-mm-dd". */
function lunarOf(iso: string): LunarDate {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return toLunar(y, m, d);
}

function lunar(day: number, month: number, year: number, leap = false): LunarDate {
  return { day, month, year, leap };
}

/** Every calendar date from `from` to `to` (years, inclusive), without going through local time. */
function* everyDay(from: number, to: number): Generator<[number, number, number]> {
  for (let t = Date.UTC(from, 0, 1); t <= Date.UTC(to, 11, 31); t += 86_400_000) {
    const d = new Date(t);
    yield [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  }
}

describe('lunar', () => {
  describe('toLunar', () => {
    it('converts a known date: 2020-07-16 is 26/5 Canh Tý', () => {
      expect(lunarOf('2020-07-16')).to.deep.equal(lunar(26, 5, 2020));
    });

    it('uses Vietnam time (UTC+7): Tết 1985 was 21 January, not 20 February as in China', () => {
      expect(lunarOf('1985-01-21')).to.deep.equal(lunar(1, 1, 1985));
      expect(lunarOf('1985-01-20')).to.deep.equal(lunar(30, 12, 1984));
      // China's Tết 1985; in Vietnam that day already starts the 2nd month.
      const cnTet = lunarOf('1985-02-20');
      expect(cnTet).to.not.deep.equal(lunar(1, 1, 1985));
      expect(cnTet).to.deep.equal(lunar(1, 2, 1985));
    });

    it('starts a month a day earlier than China when the new moon falls 23:00–24:00 in Hanoi', () => {
      // Tết 2007: new moon 2007-02-17 16:14 UTC, 23:14 in Hanoi but 00:14 on the 18th in Beijing.
      expect(lunarOf('2007-02-17')).to.deep.equal(lunar(1, 1, 2007));
      expect(lunarOf('2007-02-16')).to.deep.equal(lunar(29, 12, 2006));
      // Likewise Tết Mậu Thân 1968 and Kỷ Dậu 1969.
      expect(lunarOf('1968-01-29')).to.deep.equal(lunar(1, 1, 1968));
      expect(lunarOf('1969-02-16')).to.deep.equal(lunar(1, 1, 1969));
    });

    it('knows recent and coming Tết dates', () => {
      const tet: Record<string, number> = {
        '2000-02-05': 2000,
        '2020-01-25': 2020,
        '2023-01-22': 2023,
        '2024-02-10': 2024,
        '2025-01-29': 2025,
        '2026-02-17': 2026,
        // Vietnam's Tết 2030 is 2 February: the new moon is 2030-02-02 16:07 UTC, which is
        // 23:07 in Hanoi. China's Tết is the next day (00:07 on the 3rd in Beijing).
        '2030-02-02': 2030,
        '2053-02-18': 2053,
      };
      for (const [iso, year] of Object.entries(tet)) {
        expect(lunarOf(iso), iso).to.deep.equal(lunar(1, 1, year));
      }
      expect(lunarOf('2030-02-03')).to.deep.equal(lunar(2, 1, 2030));
    });

    it('puts the day before Tết at the end of the previous lunar year', () => {
      expect(lunarOf('2024-02-09')).to.deep.equal(lunar(30, 12, 2023));
      expect(lunarOf('2025-01-28')).to.deep.equal(lunar(29, 12, 2024));
    });

    it('keeps January before Tết in the previous lunar year across the Gregorian new year', () => {
      expect(lunarOf('2023-12-31')).to.deep.equal(lunar(19, 11, 2023));
      expect(lunarOf('2024-01-01')).to.deep.equal(lunar(20, 11, 2023));
      expect(lunarOf('2024-01-11')).to.deep.equal(lunar(1, 12, 2023));
      expect(lunarOf('2019-12-31')).to.deep.equal(lunar(6, 12, 2019));
      expect(lunarOf('2020-01-01')).to.deep.equal(lunar(7, 12, 2019));
    });

    it('finds leap months: 2023 has a leap 2nd month', () => {
      expect(lunarOf('2023-02-20')).to.deep.equal(lunar(1, 2, 2023));
      expect(lunarOf('2023-03-21')).to.deep.equal(lunar(30, 2, 2023));
      expect(lunarOf('2023-03-22')).to.deep.equal(lunar(1, 2, 2023, true));
      expect(lunarOf('2023-04-20')).to.deep.equal(lunar(1, 3, 2023));
    });

    it('finds other leap months (2025: 6th, 2033: 11th)', () => {
      expect(lunarOf('2025-06-25')).to.deep.equal(lunar(1, 6, 2025));
      expect(lunarOf('2025-07-25')).to.deep.equal(lunar(1, 6, 2025, true));
      expect(lunarOf('2025-08-23')).to.deep.equal(lunar(1, 7, 2025));
      expect(lunarOf('2033-12-22')).to.deep.equal(lunar(1, 11, 2033, true));
      expect(lunarOf('2034-01-20')).to.deep.equal(lunar(1, 12, 2033));
    });

    it('works at both ends of the supported range', () => {
      expect(lunarOf('1900-01-01')).to.deep.equal(lunar(1, 12, 1899));
      expect(lunarOf('2199-12-31')).to.deep.equal(lunar(14, 11, 2199));
    });

    it('throws a RangeError outside 1900–2199 and for impossible dates', () => {
      expect(() => toLunar(1899, 12, 31)).to.throw(RangeError, /1900/);
      expect(() => toLunar(2200, 1, 1)).to.throw(RangeError, /2199/);
      expect(() => toLunar(Number.NaN, 1, 1)).to.throw(RangeError);
      expect(() => toLunar(2024, 13, 1)).to.throw(RangeError);
      expect(() => toLunar(2024, 0, 1)).to.throw(RangeError);
      expect(() => toLunar(2023, 2, 29)).to.throw(RangeError);
      expect(() => toLunar(2024, 4, 31)).to.throw(RangeError);
      expect(() => toLunar(2024, 1, 1.5)).to.throw(RangeError);
      expect(toLunar(2024, 2, 29)).to.deep.equal(lunar(20, 1, 2024));
    });

    it('gives a consistent calendar for every day of 2000–2030', () => {
      let prev: LunarDate | undefined;
      let prevIso = '';
      let tets = 0;
      const leapMonths: string[] = [];
      for (const [y, m, d] of everyDay(2000, 2030)) {
        const iso = `${y}-${m}-${d}`;
        const l = toLunar(y, m, d);
        expect(l.day, iso).to.be.within(1, 30);
        expect(l.month, iso).to.be.within(1, 12);
        expect(Number.isInteger(l.day) && Number.isInteger(l.month), iso).to.equal(true);
        expect(l.year === y || l.year === y - 1, iso).to.equal(true);
        if (l.day === 1 && l.month === 1 && !l.leap) {
          tets++;
          expect(l.year, iso).to.equal(y);
          // Tết always falls between 20 January and 20 February.
          const md = m * 100 + d;
          expect(md, `Tết ${iso}`).to.be.within(120, 220);
        }
        if (l.day === 1 && l.leap) leapMonths.push(`${l.year}:${l.month}`);
        if (prev) {
          if (l.day === 1) {
            // A new month follows a 29- or 30-day month…
            expect(prev.day, `${prevIso} → ${iso}`).to.be.oneOf([29, 30]);
            if (l.leap) {
              // …and is either the leap repeat of the month just ended…
              expect([l.month, l.year], iso).to.deep.equal([prev.month, prev.year]);
              expect(prev.leap, iso).to.equal(false);
            } else {
              // …or the next month, rolling over into a new year after month 12.
              const next = prev.month === 12 ? [1, prev.year + 1] : [prev.month + 1, prev.year];
              expect([l.month, l.year], iso).to.deep.equal(next);
            }
          } else {
            expect(l, `${prevIso} → ${iso}`).to.deep.equal({ ...prev, day: prev.day + 1 });
          }
        }
        prev = l;
        prevIso = iso;
      }
      expect(tets).to.equal(31);
      // The leap months of 2000–2030 in Vietnam.
      expect(leapMonths).to.deep.equal([
        '2001:4',
        '2004:2',
        '2006:7',
        '2009:5',
        '2012:4',
        '2014:9',
        '2017:6',
        '2020:4',
        '2023:2',
        '2025:6',
        '2028:5',
      ]);
    });
  });

  describe('canChiYear', () => {
    it('names years by stem and branch', () => {
      expect(canChiYear(2020)).to.equal('Canh Tý');
      expect(canChiYear(1984)).to.equal('Giáp Tý');
      expect(canChiYear(1985)).to.equal('Ất Sửu');
      expect(canChiYear(2023)).to.equal('Quý Mão');
      expect(canChiYear(2024)).to.equal('Giáp Thìn');
      expect(canChiYear(2025)).to.equal('Ất Tỵ');
      expect(canChiYear(2007)).to.equal('Đinh Hợi');
      expect(canChiYear(2030)).to.equal('Canh Tuất');
      expect(canChiYear(1968)).to.equal('Mậu Thân');
    });

    it('repeats every 60 years', () => {
      for (let y = 1900; y < 1960; y++) expect(canChiYear(y + 60)).to.equal(canChiYear(y));
      expect(new Set(Array.from({ length: 60 }, (_, i) => canChiYear(1900 + i))).size).to.equal(60);
    });
  });

  describe('formatLunar', () => {
    it('writes day/month and the Can-Chi year', () => {
      expect(formatLunar(lunarOf('2020-07-16'))).to.equal('26/5 Canh Tý');
      expect(formatLunar(lunarOf('1985-01-21'))).to.equal('1/1 Ất Sửu');
      expect(formatLunar(lunarOf('2024-02-10'))).to.equal('1/1 Giáp Thìn');
      expect(formatLunar(lunarOf('2024-02-09'))).to.equal('30/12 Quý Mão');
      expect(formatLunar(lunarOf('2025-01-29'))).to.equal('1/1 Ất Tỵ');
    });

    it('marks a leap month with "nhuận"', () => {
      expect(formatLunar(lunar(26, 4, 2023, true))).to.equal('26/4 nhuận Quý Mão');
      expect(formatLunar(lunarOf('2023-03-22'))).to.equal('1/2 nhuận Quý Mão');
    });
  });
});

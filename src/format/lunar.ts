/**
 * The Vietnamese lunar calendar (âm lịch).
 *
 * This follows Hồ Ngọc Đức's well-known algorithm ("Âm lịch Việt Nam"): a lunar month
 * starts on the local day of an astronomical new moon, the 11th month is the one that
 * contains the winter solstice, and in a year with 13 months the leap month is the first
 * one that contains no major solar term (trung khí). New moons and solar terms are
 * approximated with Jean Meeus' formulas, which are good to well under an hour over the
 * range we accept.
 *
 * Everything is decided for Vietnam's zone, UTC+7. That is the whole difference from the
 * Chinese calendar (UTC+8): when a new moon falls between 16:00 and 17:00 UTC the two
 * calendars start the month on different days, and occasionally a whole month or the
 * leap month moves (Tết 1985 was 21 January in Vietnam, 20 February in China).
 *
 * All arithmetic is on Julian day numbers, never on `Date`, so the viewer's own time zone
 * cannot leak into the result.
 */

/** A date in the Vietnamese lunar calendar. */
export interface LunarDate {
  /** Day of the lunar month, 1–30. */
  day: number;
  /** Lunar month, 1–12 (a leap month repeats the number of the month before it). */
  month: number;
  /** Lunar year; it starts at Tết, so January dates usually belong to the previous year. */
  year: number;
  /** True in a leap month (tháng nhuận). */
  leap: boolean;
}

/** Vietnam's offset from UTC, in hours. */
const VIETNAM_TIME_ZONE = 7;

/** Oldest and newest Gregorian years we accept. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

/** Mean length of a synodic month, in days. */
const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1900-01-01 13:52 UTC, the epoch of the lunation count k. */
const NEW_MOON_EPOCH = 2415021.076998695;

const DEG = Math.PI / 180;

const STEMS = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'] as const;
const BRANCHES = [
  'Tý',
  'Sửu',
  'Dần',
  'Mão',
  'Thìn',
  'Tỵ',
  'Ngọ',
  'Mùi',
  'Thân',
  'Dậu',
  'Tuất',
  'Hợi',
] as const;

/**
 * Julian day number (an integer counting days, noon to noon) of a Gregorian date.
 * Only the Gregorian branch is needed: we never accept dates before 1900.
 */
function jdFromDate(year: number, month: number, day: number): number {
  // Shift the year to start in March so February's variable length comes last.
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return (
    day +
    Math.floor((153 * m + 2) / 5) +
    365 * y +
    Math.floor(y / 4) -
    Math.floor(y / 100) +
    Math.floor(y / 400) -
    32045
  );
}

/**
 * Julian date (with fraction, in UT) of the k-th new moon after the 1900-01-01 epoch,
 * by Meeus' approximation ("Astronomical Algorithms", ch. 49 in its older form).
 */
function newMoon(k: number): number {
  const T = k / 1236.85; // Julian centuries since 1900-01-00.5
  const T2 = T * T;
  const T3 = T2 * T;
  // Mean new moon.
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DEG);
  // Sun's mean anomaly, Moon's mean anomaly, Moon's argument of latitude.
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  // Periodic corrections from the true positions of Sun and Moon.
  let c = (0.1734 - 0.000393 * T) * Math.sin(M * DEG) + 0.0021 * Math.sin(2 * M * DEG);
  c += -0.4068 * Math.sin(Mpr * DEG) + 0.0161 * Math.sin(2 * Mpr * DEG);
  c += -0.0004 * Math.sin(3 * Mpr * DEG);
  c += 0.0104 * Math.sin(2 * F * DEG) - 0.0051 * Math.sin((M + Mpr) * DEG);
  c += -0.0074 * Math.sin((M - Mpr) * DEG) + 0.0004 * Math.sin((2 * F + M) * DEG);
  c += -0.0004 * Math.sin((2 * F - M) * DEG) - 0.0006 * Math.sin((2 * F + Mpr) * DEG);
  c += 0.001 * Math.sin((2 * F - Mpr) * DEG) + 0.0005 * Math.sin((2 * Mpr + M) * DEG);
  // ΔT (TT − UT), in days: the formulas above give dynamical time, we want UT.
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd + c - deltaT;
}

/** Julian day number of the local (UTC+timeZone) day on which the k-th new moon falls. */
function newMoonDay(k: number, timeZone: number): number {
  // A Julian date's day starts at noon, hence +0.5 to land on the civil day.
  return Math.floor(newMoon(k) + 0.5 + timeZone / 24);
}

/** Apparent ecliptic longitude of the Sun, in radians in [0, 2π), at Julian date `jd` (UT). */
function sunLongitude(jd: number): number {
  const T = (jd - 2451545.0) / 36525; // Julian centuries since J2000.0
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2; // mean anomaly
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2; // mean longitude
  // Equation of centre.
  const C =
    (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(M * DEG) +
    (0.019993 - 0.000101 * T) * Math.sin(2 * M * DEG) +
    0.00029 * Math.sin(3 * M * DEG);
  const L = (L0 + C) * DEG;
  return L - 2 * Math.PI * Math.floor(L / (2 * Math.PI));
}

/**
 * Which of the 12 major solar terms (0–11, each 30° of longitude; 0 = spring equinox,
 * 9 = winter solstice) the Sun is in at the start of local day `dayNumber`.
 */
function solarTerm(dayNumber: number, timeZone: number): number {
  // dayNumber − 0.5 is UT midnight; subtracting the offset gives local midnight.
  return Math.floor((sunLongitude(dayNumber - 0.5 - timeZone / 24) / Math.PI) * 6);
}

/**
 * Julian day number on which lunar month 11 starts, for the month 11 that ends the lunar
 * year mostly overlapping Gregorian `year`: the new moon on or before the winter solstice.
 */
function lunarMonth11(year: number, timeZone: number): number {
  const offset = jdFromDate(year, 12, 31) - 2415021;
  const k = Math.floor(offset / SYNODIC_MONTH);
  const nm = newMoonDay(k, timeZone);
  // If the Sun is already past the solstice (term 9 or later) when that moon starts, the
  // solstice lies in the month before, so that one is month 11.
  return solarTerm(nm, timeZone) >= 9 ? newMoonDay(k - 1, timeZone) : nm;
}

/**
 * In a 13-month year that starts (month 11) on day `a11`, how many months after month 11
 * the leap month is: the first month with no major solar term, i.e. where the term at its
 * start equals the term at the start of the following month.
 */
function leapMonthOffset(a11: number, timeZone: number): number {
  const k = Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let term = solarTerm(newMoonDay(k + i, timeZone), timeZone);
  let last: number;
  do {
    last = term;
    i++;
    term = solarTerm(newMoonDay(k + i, timeZone), timeZone);
  } while (term !== last && i < 14);
  return i - 1;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leapYear = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leapYear ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Lunar date for the Gregorian calendar date y-m-d (month 1–12), for Vietnam (UTC+7). */
export function toLunar(year: number, month: number, day: number): LunarDate {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(
      `The lunar calendar is only computed for years ${MIN_YEAR}–${MAX_YEAR}, not ${year}.`,
    );
  }
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Month must be 1–12, not ${month}.`);
  }
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`${year}-${month} has no day ${day}.`);
  }
  const tz = VIETNAM_TIME_ZONE;
  const dayNumber = jdFromDate(year, month, day);

  // The lunar month containing the day starts on the last new-moon day on or before it.
  const k = Math.floor((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let monthStart = newMoonDay(k + 1, tz);
  if (monthStart > dayNumber) monthStart = newMoonDay(k, tz);

  // Bracket the day between two consecutive month-11 starts, a11 ≤ monthStart < b11.
  let a11 = lunarMonth11(year, tz);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = lunarMonth11(year - 1, tz);
  } else {
    lunarYear = year + 1;
    b11 = lunarMonth11(year + 1, tz);
  }

  const lunarDay = dayNumber - monthStart + 1;
  // Whole months since month 11; months are 29 or 30 days, so dividing by 29 is exact.
  const diff = Math.floor((monthStart - a11) / 29);
  let lunarMonth = diff + 11;
  let leap = false;
  // More than 365 days between month-11 starts means 13 months: one of them is leap.
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, tz);
    if (diff >= leapDiff) {
      // At and after the leap month, numbering lags one behind.
      lunarMonth = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (lunarMonth > 12) lunarMonth -= 12;
  // Months 11 and 12 at the start of the bracket belong to the previous lunar year.
  if (lunarMonth >= 11 && diff < 4) lunarYear -= 1;

  return { day: lunarDay, month: lunarMonth, year: lunarYear, leap };
}

/** Can-Chi name of a lunar year: 2020 → "Canh Tý". */
export function canChiYear(lunarYear: number): string {
  if (!Number.isInteger(lunarYear)) {
    throw new RangeError(`A lunar year must be a whole number, not ${lunarYear}.`);
  }
  // Year 4 (and so 1984, 2044, …) is Giáp Tý; the extra +10/+12 keeps negatives in range.
  const stem = STEMS[(((lunarYear + 6) % 10) + 10) % 10];
  const branch = BRANCHES[(((lunarYear + 8) % 12) + 12) % 12];
  return `${stem} ${branch}`;
}

/** "26/5 Canh Tý" (a leap month is written "26/4 nhuận Quý Mão"). */
export function formatLunar(d: LunarDate): string {
  return `${d.day}/${d.month}${d.leap ? ' nhuận' : ''} ${canChiYear(d.year)}`;
}

/** The chunk's door (see `src/internal/lazy.ts`): it needs no runtime. */
export function init(): { lunarText: typeof lunarText } {
  return { lunarText };
}

/**
 * The lunar date of a solar calendar date, printed (`26/5 Canh Tý`); empty outside the
 * years the tables cover, so a caller prints the solar date alone and never throws.
 */
export function lunarText(year: number, month: number, day: number): string {
  try {
    return formatLunar(toLunar(year, month, day));
  } catch {
    return '';
  }
}

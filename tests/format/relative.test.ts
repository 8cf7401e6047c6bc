import { expect } from '@open-wc/testing';
import { calendarDateIn } from '../../src/format/dates.js';
import { init } from '../../src/format/relative.js';

// The door, as the list's loader opens it: the calendar comes from the runtime.
const { formatRelative } = init({ calendarDateIn });

// "Now" is 16 July 2020, 01:00 in Hà Nội (15 July 18:00 UTC). The viewer's own zone (Los
// Angeles or Kiritimati in these tests) must not matter: days are the publisher's.
const NOW = Date.parse('2020-07-16T01:00:00+07:00');
const ZONE = 'Asia/Ho_Chi_Minh';
const ago = (hours: number) => new Date(NOW - hours * 3_600_000);
const say = (instant: Date, tag = 'en') => formatRelative(instant, NOW, tag, ZONE);

describe('relative dates (relative.ts)', () => {
  it('says "now", minutes and hours by the clock, under a day', () => {
    expect(say(new Date(NOW - 30_000))).to.equal('now');
    expect(say(ago(0.5))).to.equal('30 minutes ago');
    // 23:00 yesterday in Hà Nội: two hours ago, however the calendar turned.
    expect(say(ago(2))).to.equal('2 hours ago');
    expect(say(ago(2), 'vi')).to.equal('2 giờ trước');
    expect(say(ago(23))).to.equal('23 hours ago');
  });

  it('counts days by the publisher\'s calendar: "yesterday" is the day before today there', () => {
    // 14 July 02:00: 47 hours ago, but the day before yesterday (24-hour days said "yesterday").
    expect(say(ago(47))).to.equal('2 days ago');
    expect(say(ago(47), 'vi')).to.equal('Hôm kia');
    // 15 July 00:30: 24.5 hours ago, yesterday.
    expect(say(ago(24.5))).to.equal('yesterday');
    expect(say(ago(24.5), 'vi')).to.equal('Hôm qua');
    // 29 days.
    expect(say(ago(29 * 24))).to.equal('29 days ago');
  });

  it('counts months and years by the calendar too', () => {
    // 18 May 01:00, 59 days ago: two calendar months back (30-day months said "last month").
    expect(say(ago(59 * 24))).to.equal('2 months ago');
    expect(say(ago(59 * 24), 'vi')).to.equal('2 tháng trước');
    // 15 June 01:00, 31 days ago: last month.
    expect(say(ago(31 * 24))).to.equal('last month');
    // 18 July 2019, 364 days ago: last year (30-day months said "12 months ago").
    expect(say(ago(364 * 24))).to.equal('last year');
    expect(say(ago(364 * 24), 'vi')).to.equal('năm ngoái');
    expect(say(new Date('2017-12-31T12:00:00+07:00'))).to.equal('3 years ago');
  });

  it('never says "this month" for a month-old item: days until the month changes', () => {
    const now = Date.parse('2020-07-31T12:00:00+07:00');
    const first = new Date('2020-07-01T08:00:00+07:00');
    expect(formatRelative(first, now, 'en', ZONE)).to.equal('30 days ago');
  });

  it('says the future as well, and nothing for an invalid date', () => {
    expect(say(new Date(NOW + 2 * 3_600_000))).to.equal('in 2 hours');
    expect(say(new Date(NOW + 30 * 3_600_000))).to.equal('tomorrow');
    expect(say(new Date(NaN))).to.equal('');
  });
});

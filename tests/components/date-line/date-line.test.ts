import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../../src/components/date-line/date-line.define.js';
import '../../../src/components/feed/feed.define.js';
import { CivicDateLine } from '../../../src/components/date-line/date-line.js';

const text = (el: CivicDateLine) => el.shadowRoot!.textContent.replace(/\s+/g, ' ').trim();

/** The lunar part comes from a lazy chunk: wait for it to be drawn. */
const lunarShown = (el: CivicDateLine) =>
  waitUntil(() => el.shadowRoot!.querySelector('[part=lunar]'), 'the lunar part did not appear');

describe('civic-date-line', () => {
  it('is defined', () => {
    expect(customElements.get('civic-date-line')).to.equal(CivicDateLine);
    expect(document.createElement('civic-date-line')).to.be.instanceOf(CivicDateLine);
  });

  it('renders the defaults: today in the Vietnamese portal form, in a <time>', async () => {
    const el = await fixture<CivicDateLine>(html`<civic-date-line></civic-date-line>`);
    const time = el.shadowRoot!.querySelector('time')!;
    expect(time.textContent).to.match(
      /^(Thứ [2-7]|Chủ nhật), Ngày \d{1,2} Tháng \d{1,2} Năm \d{4}$/,
    );
    expect(time.getAttribute('datetime')).to.match(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('passes axe', async () => {
    const el = await fixture<CivicDateLine>(
      html`<civic-date-line date="2020-07-16" lunar></civic-date-line>`,
    );
    await expect(el).to.be.accessible();
    await lunarShown(el);
    await expect(el).to.be.accessible();
  });

  describe('when a date is given', () => {
    it('prints 2020-07-16 as Thứ 5, Ngày 16 Tháng 7 Năm 2020', async () => {
      const el = await fixture<CivicDateLine>(
        html`<civic-date-line date="2020-07-16"></civic-date-line>`,
      );
      expect(text(el)).to.equal('Thứ 5, Ngày 16 Tháng 7 Năm 2020');
      expect(el.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.equal('2020-07-16');
    });

    it('names every weekday: Thứ 2 … Thứ 7, Chủ nhật', async () => {
      const seen: string[] = [];
      for (let d = 13; d <= 19; d++) {
        const el = await fixture<CivicDateLine>(
          html`<civic-date-line date=${`2020-07-${d}`}></civic-date-line>`,
        );
        seen.push(text(el).split(',')[0]);
      }
      expect(seen).to.deep.equal([
        'Thứ 2',
        'Thứ 3',
        'Thứ 4',
        'Thứ 5',
        'Thứ 6',
        'Thứ 7',
        'Chủ nhật',
      ]);
    });

    it('takes a timestamp in the chosen zone', async () => {
      // 17:30 UTC on the 15th is already the 16th in Vietnam.
      const el = await fixture<CivicDateLine>(
        html`<civic-date-line
          date="2020-07-15T17:30:00Z"
          time-zone="Asia/Ho_Chi_Minh"
        ></civic-date-line>`,
      );
      expect(text(el)).to.equal('Thứ 5, Ngày 16 Tháng 7 Năm 2020');
    });

    it('shows today, and says why on the console, for a date it cannot read', async () => {
      const warn = sinon.stub(console, 'warn');
      try {
        const el = await fixture<CivicDateLine>(
          html`<civic-date-line date="2020-02-30"></civic-date-line>`,
        );
        expect(text(el)).to.match(/^(Thứ [2-7]|Chủ nhật), Ngày/);
        expect(text(el)).not.to.contain('Invalid');
        await waitUntil(
          () => warn.calledWithMatch('date="2020-02-30" is not an ISO date'),
          'the warning (its words come with a lazy chunk)',
        );
      } finally {
        warn.restore();
      }
    });
  });

  describe('when the language is English', () => {
    it('prints Thursday, July 16, 2020 with locale="en"', async () => {
      const el = await fixture<CivicDateLine>(
        html`<civic-date-line locale="en" date="2020-07-16"></civic-date-line>`,
      );
      expect(text(el)).to.equal('Thursday, July 16, 2020');
    });

    it('follows the nearest lang attribute (en-GB → en)', async () => {
      const wrap = await fixture(
        html`<div lang="en-GB">
          <p><civic-date-line date="2020-07-19"></civic-date-line></p>
        </div>`,
      );
      const el = wrap.querySelector('civic-date-line')!;
      await el.updateComplete;
      expect(text(el)).to.equal('Sunday, July 19, 2020');
    });

    it('lets the own locale win over lang, and falls back to vi for an unknown language', async () => {
      const wrap = await fixture(
        html`<div lang="en">
          <civic-date-line id="a" locale="vi" date="2020-07-16"></civic-date-line>
          <civic-date-line id="b" locale="ja" date="2020-07-16"></civic-date-line>
        </div>`,
      );
      for (const id of ['a', 'b']) {
        const el = wrap.querySelector<CivicDateLine>(`#${id}`)!;
        await el.updateComplete;
        expect(text(el)).to.equal('Thứ 5, Ngày 16 Tháng 7 Năm 2020');
      }
    });
  });

  describe('when lunar is set', () => {
    it('appends the Vietnamese lunar date: (26/5 Canh Tý)', async () => {
      const el = await fixture<CivicDateLine>(
        html`<civic-date-line date="2020-07-16" lunar></civic-date-line>`,
      );
      await lunarShown(el);
      expect(text(el)).to.equal('Thứ 5, Ngày 16 Tháng 7 Năm 2020 (26/5 Canh Tý)');
      expect(el.shadowRoot!.querySelector('[part=lunar]')).to.exist;
    });

    it('prints Tết 1985 as 1/1 Ất Sửu on 21 January (Vietnam, not China)', async () => {
      const el = await fixture<CivicDateLine>(
        html`<civic-date-line date="1985-01-21" lunar></civic-date-line>`,
      );
      await lunarShown(el);
      expect(text(el)).to.equal('Thứ 2, Ngày 21 Tháng 1 Năm 1985 (1/1 Ất Sửu)');
    });
  });

  describe('when midnight passes', () => {
    let clock: sinon.SinonFakeTimers;
    afterEach(() => clock?.restore());

    it('turns over to the next day in its time zone', async () => {
      // 23:59:30 on 16 July in Vietnam is 16:59:30 UTC.
      clock = sinon.useFakeTimers({
        now: Date.UTC(2020, 6, 16, 16, 59, 30),
        toFake: ['setTimeout', 'clearTimeout', 'Date'],
      });
      const el = await fixture<CivicDateLine>(
        html`<civic-date-line time-zone="Asia/Ho_Chi_Minh"></civic-date-line>`,
      );
      expect(text(el)).to.equal('Thứ 5, Ngày 16 Tháng 7 Năm 2020');
      clock.tick(20_000);
      await el.updateComplete;
      expect(text(el), 'before midnight').to.equal('Thứ 5, Ngày 16 Tháng 7 Năm 2020');
      clock.tick(11_000);
      await el.updateComplete;
      expect(text(el)).to.equal('Thứ 6, Ngày 17 Tháng 7 Năm 2020');
      // …and again the next night: the timer re-arms itself.
      clock.tick(24 * 3600_000);
      await el.updateComplete;
      expect(text(el)).to.equal('Thứ 7, Ngày 18 Tháng 7 Năm 2020');
    });

    it('does not tick for a fixed date', async () => {
      clock = sinon.useFakeTimers({
        now: Date.UTC(2020, 6, 16, 16, 59, 30),
        toFake: ['setTimeout', 'clearTimeout', 'Date'],
      });
      const el = await fixture<CivicDateLine>(
        html`<civic-date-line date="2019-01-01"></civic-date-line>`,
      );
      expect(clock.countTimers()).to.equal(0);
      expect(text(el)).to.equal('Thứ 3, Ngày 1 Tháng 1 Năm 2019');
    });

    it('stops its timer when removed from the page', async () => {
      clock = sinon.useFakeTimers({
        now: Date.UTC(2020, 6, 16, 12),
        toFake: ['setTimeout', 'clearTimeout', 'Date'],
      });
      const el = await fixture<CivicDateLine>(html`<civic-date-line></civic-date-line>`);
      expect(clock.countTimers()).to.equal(1);
      el.remove();
      expect(clock.countTimers()).to.equal(0);
    });

    it('arms no timer when updated after removal, whatever updates it', async () => {
      clock = sinon.useFakeTimers({
        now: Date.UTC(2020, 6, 16, 12),
        toFake: ['setTimeout', 'clearTimeout', 'Date'],
      });
      const el = await fixture<CivicDateLine>(html`<civic-date-line></civic-date-line>`);
      el.remove();
      expect(clock.countTimers()).to.equal(0);
      // A property set by the site, a zone change, a plain requestUpdate.
      el.locale = 'en';
      await el.updateComplete;
      el.timeZone = 'Asia/Ho_Chi_Minh';
      await el.updateComplete;
      el.requestUpdate();
      await el.updateComplete;
      expect(clock.countTimers(), 'a timer on an element off the page').to.equal(0);
      expect(text(el)).to.equal('Thursday, July 16, 2020');
    });

    it('keeps turning over after the site moves it in the page', async () => {
      // 23:59:30 on 16 July in Vietnam.
      clock = sinon.useFakeTimers({
        now: Date.UTC(2020, 6, 16, 16, 59, 30),
        toFake: ['setTimeout', 'clearTimeout', 'Date'],
      });
      const el = await fixture<CivicDateLine>(
        html`<civic-date-line time-zone="Asia/Ho_Chi_Minh"></civic-date-line>`,
      );
      const elsewhere = document.createElement('aside');
      el.parentElement!.append(elsewhere);
      elsewhere.append(el);
      await el.updateComplete;
      expect(clock.countTimers(), 'the midnight timer is armed again').to.equal(1);
      clock.tick(31_000);
      await el.updateComplete;
      expect(text(el)).to.equal('Thứ 6, Ngày 17 Tháng 7 Năm 2020');
    });
  });

  describe('when the viewer is in another zone', () => {
    it('uses the time-zone attribute for "today", not the viewer clock', async () => {
      // 20:00 on the 15th in Los Angeles (the test browser's zone) is the 16th in Vietnam.
      const clock = sinon.useFakeTimers({ now: Date.UTC(2020, 6, 16, 3, 0), toFake: ['Date'] });
      try {
        const vn = await fixture<CivicDateLine>(
          html`<civic-date-line time-zone="Asia/Ho_Chi_Minh"></civic-date-line>`,
        );
        const la = await fixture<CivicDateLine>(
          html`<civic-date-line time-zone="America/Los_Angeles"></civic-date-line>`,
        );
        expect(text(vn)).to.equal('Thứ 5, Ngày 16 Tháng 7 Năm 2020');
        expect(text(la)).to.equal('Thứ 4, Ngày 15 Tháng 7 Năm 2020');
      } finally {
        clock.restore();
      }
    });
  });

  describe('when a feed names the publisher zone', () => {
    // 03:00 UTC on the 16th: still the 15th in Los Angeles (the browser), the 16th in Vietnam.
    let clock: sinon.SinonFakeTimers;
    beforeEach(() => {
      clock = sinon.useFakeTimers({ now: Date.UTC(2020, 6, 16, 3, 0), toFake: ['Date'] });
    });
    afterEach(() => clock.restore());

    it('prints today in the zone of its own src', async () => {
      const el = await fixture<CivicDateLine>(
        html`<civic-date-line src="/tests/fixtures/vi-cong-an-tinh.json"></civic-date-line>`,
      );
      await waitUntil(() => text(el).includes('16'), 'the feed zone applied');
      expect(text(el)).to.equal('Thứ 5, Ngày 16 Tháng 7 Năm 2020');
    });

    it('prints today in the zone of the <civic-feed> around it', async () => {
      const wrap = await fixture(
        html`<civic-feed src="/tests/fixtures/vi-cong-an-tinh.json"
          ><civic-date-line></civic-date-line
        ></civic-feed>`,
      );
      const el = wrap.querySelector('civic-date-line')!;
      await waitUntil(() => text(el).includes('16'), 'the feed zone applied');
      expect(text(el)).to.equal('Thứ 5, Ngày 16 Tháng 7 Năm 2020');
    });

    it('prints today in the time-zone of the <civic-feed> around it, feed or not', async () => {
      const wrap = await fixture(
        html`<civic-feed time-zone="Asia/Ho_Chi_Minh"
          ><civic-date-line></civic-date-line
        ></civic-feed>`,
      );
      const el = wrap.querySelector('civic-date-line')!;
      await el.updateComplete;
      expect(text(el), 'no feed at all').to.equal('Thứ 5, Ngày 16 Tháng 7 Năm 2020');

      const failing = await fixture(
        html`<civic-feed time-zone="Asia/Ho_Chi_Minh" src="/faults/404"
          ><civic-date-line></civic-date-line
        ></civic-feed>`,
      );
      const line = failing.querySelector('civic-date-line')!;
      await new Promise((r) => failing.addEventListener('civic-feed-error', r, { once: true }));
      await line.updateComplete;
      expect(text(line), 'the feed failed').to.equal('Thứ 5, Ngày 16 Tháng 7 Năm 2020');
    });

    it('lets time-zone win over the feed', async () => {
      const el = document.createElement('civic-date-line');
      el.timeZone = 'America/Los_Angeles';
      el.src = '/tests/fixtures/vi-cong-an-tinh.json';
      const loaded = new Promise((r) => el.addEventListener('civic-feed-load', r, { once: true }));
      (await fixture(html`<div></div>`)).append(el);
      await loaded;
      await el.updateComplete;
      expect(text(el)).to.equal('Thứ 4, Ngày 15 Tháng 7 Năm 2020');
    });
  });

  describe('when the script is loaded twice', () => {
    it('a second define module import throws nothing and keeps the first class', async () => {
      await import(`../../../src/components/date-line/date-line.define.ts?again=${Date.now()}`);
      expect(customElements.get('civic-date-line')).to.equal(CivicDateLine);
    });
  });
});

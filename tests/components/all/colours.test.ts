/**
 * Colours follow the page, not the operating system: light tokens on a white page even
 * with the OS in dark mode, dark tokens where the page declares `color-scheme: dark`,
 * and `theme` to force either (or `auto` to follow the OS). axe's colour-contrast check
 * passes in each, for every element in its loaded and error states.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import sinon from 'sinon';
import type { LitElement } from 'lit';
import '../../../src/define.js';

let doc: unknown;
before(async () => {
  doc = await (await fetch('/tests/fixtures/vi-cong-an-tinh.json')).json();
});
afterEach(() => emulateMedia({ colorScheme: 'light' }));

/** Every widget, with content, with a featured item and its "Mới" badge, and in error. */
async function page(scheme: 'light' | 'dark', theme?: string): Promise<HTMLElement> {
  const clock = sinon.useFakeTimers({
    now: Date.parse('2020-07-17T12:00:00+07:00'),
    toFake: ['Date'],
  });
  try {
    const wrap = await fixture<HTMLDivElement>(
      html`<div lang="vi">
        <civic-article-card theme=${theme ?? ''} .feed=${doc}></civic-article-card>
        <civic-article-card
          theme=${theme ?? ''}
          variant="full"
          actions="print share"
          .feed=${doc}
        ></civic-article-card>
        <civic-bulletin-list theme=${theme ?? ''} show-views .feed=${doc}></civic-bulletin-list>
        <civic-bulletin-list theme=${theme ?? ''} layout="grid" .feed=${doc}></civic-bulletin-list>
        <civic-view-counter theme=${theme ?? ''} count="2007"></civic-view-counter>
        <civic-date-line theme=${theme ?? ''} date="2020-07-16" lunar></civic-date-line>
        <civic-bulletin-list theme=${theme ?? ''} .feed=${{ items: 'no' }}></civic-bulletin-list>
      </div>`,
    );
    if (!theme) for (const el of wrap.querySelectorAll('[theme]')) el.removeAttribute('theme');
    if (scheme === 'dark') {
      wrap.style.colorScheme = 'dark';
      wrap.style.background = '#121212';
      wrap.style.color = '#e8e8e8';
    } else {
      wrap.style.background = '#fff';
      wrap.style.color = '#1f1f1f';
    }
    for (const el of wrap.querySelectorAll<LitElement>('*')) await el.updateComplete;
    await waitUntil(
      () =>
        !Array.from(wrap.querySelectorAll('*')).some((e) =>
          e.shadowRoot?.querySelector('.skeleton'),
        ),
      'still loading',
      { timeout: 8000 },
    );
    return wrap;
  } finally {
    clock.restore();
  }
}

const muted = (wrap: HTMLElement) => {
  const list = wrap.querySelector('civic-bulletin-list')!;
  return getComputedStyle(list.shadowRoot!.querySelector('.meta')!).color;
};

describe('colours follow the page', function () {
  // Whole pages of widgets, lazy chunks and axe on a shared, busy machine.
  this.timeout(20_000);
  it('keeps the light tokens on a white page with the OS in dark mode (axe contrast clean)', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const wrap = await page('light');
    expect(muted(wrap)).to.equal('rgb(89, 89, 89)');
    await expect(wrap).to.be.accessible();
  });

  it('uses the dark tokens on a page that declares color-scheme: dark (axe contrast clean)', async () => {
    const wrap = await page('dark');
    expect(muted(wrap)).to.equal('rgb(189, 189, 189)');
    await expect(wrap).to.be.accessible();
  });

  it('theme="dark" paints a dark widget on a white page, theme="light" a light one on a dark page', async () => {
    const dark = await page('light', 'dark');
    expect(muted(dark)).to.equal('rgb(189, 189, 189)');
    await expect(dark).to.be.accessible();
    const light = await page('dark', 'light');
    expect(muted(light)).to.equal('rgb(89, 89, 89)');
    await expect(light).to.be.accessible();
  });

  it('theme="auto" follows the OS', async () => {
    const auto = await page('light', 'auto');
    expect(muted(auto)).to.equal('rgb(89, 89, 89)');
    await emulateMedia({ colorScheme: 'dark' });
    expect(muted(auto)).to.equal('rgb(189, 189, 189)');
    await expect(auto).to.be.accessible();
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import type { LitElement } from 'lit';
import '../../../src/define.js';

// Whatever a feed holds, no widget may print these: they are what a person sees when a
// missing or bad value slips through a template.
const JUNK = /undefined|NaN|\[object Object\]|Invalid Date|null/;

/** Everything a person can see or hear in a widget: text and accessible names. */
function visibleText(el: Element): string {
  const root = el.shadowRoot!;
  const attrs = [...root.querySelectorAll('*')].flatMap((n) =>
    ['aria-label', 'title', 'alt', 'datetime', 'href', 'src']
      .map((a) => n.getAttribute(a))
      .filter((v): v is string => v !== null),
  );
  return `${root.textContent ?? ''} ${attrs.join(' ')}`;
}

async function settle(host: Element): Promise<void> {
  const els = [...host.querySelectorAll<LitElement>('*')].filter((e) =>
    e.localName.startsWith('civic-'),
  );
  for (let i = 0; i < 3; i++) await Promise.all(els.map((e) => e.updateComplete));
}

function widgets(feed: unknown, locale: string) {
  return html`<div>
    <civic-article-card locale=${locale} .feed=${feed}></civic-article-card>
    <civic-article-card locale=${locale} variant="compact" .feed=${feed}></civic-article-card>
    <civic-bulletin-list locale=${locale} show-views .feed=${feed}></civic-bulletin-list>
    <civic-view-counter locale=${locale} .feed=${feed}></civic-view-counter>
    <civic-view-counter locale=${locale} notation="compact" .feed=${feed}></civic-view-counter>
  </div>`;
}

// Feed text never contains the junk words itself, so any that shows came from a template.
const text = (min = 0) => fc.string({ minLength: min }).filter((t) => !JUNK.test(t));
// Values of every JSON type, including numbers and dates that cannot be read.
const anyValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -1, 1.5, Number.MAX_VALUE),
  fc.integer({ min: -5, max: 1e12 }),
  text(),
  fc.constantFrom('2020-13-45T99:99:99Z', 'not a date', '-1', '1e400', '', ' '),
  fc.array(text(), { maxLength: 2 }),
  fc.dictionary(text(), text(), { maxKeys: 2 }),
);
// Counts a widget must refuse: not a non-negative integer.
const badCount = fc.oneof(fc.constantFrom(NaN, Infinity, -1, 1.5, 'abc', '12', null), anyValue);
const item = fc.record(
  {
    id: fc.oneof(text(1), anyValue),
    url: fc.oneof(fc.constant('https://example.gov/a'), anyValue),
    title: fc.oneof(text(1), anyValue),
    summary: anyValue,
    content_text: anyValue,
    date_published: fc.oneof(fc.constant('2020-03-19T16:20:00+07:00'), anyValue),
    date_modified: anyValue,
    image: anyValue,
    tags: fc.oneof(fc.array(fc.oneof(text(), anyValue), { maxLength: 3 }), anyValue),
    attachments: fc.oneof(
      fc.array(fc.record({ url: anyValue, mime_type: anyValue, size_in_bytes: badCount }), {
        maxLength: 2,
      }),
      anyValue,
    ),
    _civic: fc.oneof(
      fc.record({ views: badCount, category: anyValue, pinned: anyValue, featured: anyValue }),
      anyValue,
    ),
  },
  { requiredKeys: [] },
);
const feedDoc = fc.record({
  version: fc.constant('https://jsonfeed.org/version/1.1'),
  title: fc.oneof(text(1), anyValue),
  _civic: fc.oneof(fc.record({ time_zone: anyValue }), anyValue),
  items: fc.array(item, { minLength: 1, maxLength: 4 }),
});

describe('every widget', () => {
  let warn: typeof console.warn;
  beforeEach(() => {
    // Bad feeds warn by design; keep the log readable.
    warn = console.warn;
    console.warn = () => {};
  });
  afterEach(() => {
    console.warn = warn;
  });

  describe('when the feed is full of bad values', () => {
    it('never prints undefined, NaN, [object Object], null or Invalid Date (random feeds)', async () => {
      await fc.assert(
        fc.asyncProperty(feedDoc, fc.constantFrom('vi', 'en'), async (doc, locale) => {
          const host = await fixture(widgets(doc, locale));
          await settle(host);
          for (const el of host.children) {
            const text = visibleText(el);
            if (JUNK.test(text)) {
              throw new Error(
                `${el.localName} printed ${JUNK.exec(text)![0]}: ${text.slice(0, 300)}`,
              );
            }
          }
        }),
        { numRuns: 60 },
      );
    });

    it('shows the good items of the bad-parts fixture and nothing junk', async () => {
      const doc = (await (await fetch('/tests/fixtures/bad-parts.json')).json()) as unknown;
      const host = await fixture(widgets(doc, 'vi'));
      await settle(host);
      const list = host.querySelector('civic-bulletin-list')!;
      expect(list.shadowRoot!.querySelectorAll('li').length, 'good items listed').to.be.greaterThan(
        0,
      );
      for (const el of host.children) expect(visibleText(el)).not.to.match(JUNK);
    });
  });
});

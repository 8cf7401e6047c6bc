/**
 * WCAG 1.4.10 (reflow at 320 CSS px) and 1.4.12 (text spacing) for every specimen:
 * each element, variant and layout, in each state (loading, empty, error, stale,
 * content), with the text-spacing overrides adopted inside the shadow roots too. No text
 * may be cut off; the one allowed stop is a summary clamped at three lines or more.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { render, type LitElement, type TemplateResult } from 'lit';
import '../../../src/define.js';
import { feedContext, type FeedState } from '../../../src/components/shared/feed-context.js';
import { FeedError } from '../../../src/feed/errors.js';
import { toFeed } from '../../../src/feed/parse.js';
import type { Feed } from '../../../src/feed/model.js';
import {
  applyTextSpacing,
  findClipped,
  removeTextSpacing,
  type Clipped,
} from '../../helpers/clipping.js';

type Json = Record<string, unknown>;

const LONG_WORD = 'Chốngthamnhũnglãngphítiêucựcvàtộiphạmkinhtếtrongcơquannhànước';
// A full card's body: a code block laid out with spaces (a contact list, as bodies have
// them), a table, a pasted table with a fixed width, a long link. None may push the page
// sideways on a phone.
const LONG_BODY = [
  'Đoạn một.',
  '```',
  'Đơn vị                          Điện thoại          Thư điện tử',
  'Phòng Cảnh sát hình sự          0000 000 001        pc02@congan.tinh.example',
  '```',
  '| Đơn vị | Địa chỉ | Điện thoại |',
  '| --- | --- | --- |',
  `| ${LONG_WORD} | Số 1 đường Trung tâm, thành phố tỉnh lỵ | 0000 000 000 |`,
  '',
  // Sizes a word processor writes into pasted HTML: they pushed a phone's page to 3,000 px.
  `<table width="3000"><tr><td nowrap>${'Lịch tiếp công dân '.repeat(8)}</td><td>x</td></tr></table>`,
  '<hr width="3000">',
  '',
  `Xem https://congan.tinh.example/tin-tuc/${LONG_WORD}/${LONG_WORD}.html`,
].join('\n');
/** An item with everything long: a title with a word wider than a phone, tags, category. */
const longItem: Json = {
  id: 'long',
  url: 'https://example.gov/long',
  title: `Thông báo về việc triển khai kế hoạch ${LONG_WORD} giai đoạn 2020–2025 trên địa bàn toàn tỉnh`,
  summary:
    'Một bản tóm tắt rất dài để kiểm tra việc cắt dòng sau ba dòng: ' +
    'Công an tỉnh đề nghị các cơ quan, đơn vị, địa phương phối hợp thực hiện. '.repeat(6),
  content_text: 'Đoạn một.\n\nĐoạn hai.',
  image: '/tests/fixtures/bulletin-list/image.svg',
  date_published: '2020-03-19T16:20:00+07:00',
  date_modified: '2020-03-20T03:57:36+07:00',
  tags: ['Phòng chống tội phạm công nghệ cao', LONG_WORD, 'Thông báo'],
  _civic: {
    markdown: LONG_BODY,
    views: 1234567,
    category: 'Cải cách hành chính và chuyển đổi số',
    pinned: true,
    featured: true,
  },
};

let feeds: { name: string; feed: Feed }[];
before(async () => {
  const load = async (url: string) => (await (await fetch(url)).json()) as Json;
  const vi = await load('/tests/fixtures/vi-cong-an-tinh.json');
  const en = await load('/tests/fixtures/en-city-news.json');
  const long = { ...vi, items: [longItem, ...(vi['items'] as Json[]).slice(0, 2)] };
  feeds = [
    { name: 'vi', feed: toFeed(vi).feed },
    { name: 'en', feed: toFeed(en).feed },
    { name: 'long', feed: toFeed(long).feed },
  ];
  await setViewport({ width: 320, height: 640 });
  // The ticker's motion is a marquee by design; under reduced motion it is a static list.
  await emulateMedia({ reducedMotion: 'reduce' });
});
after(async () => {
  removeTextSpacing();
  await emulateMedia({ reducedMotion: 'no-preference' });
  await setViewport({ width: 800, height: 600 });
});

const STATES = ['loading', 'empty', 'error', 'stale', 'content'] as const;
type StateName = (typeof STATES)[number];

function stateOf(name: StateName, feed: Feed): FeedState {
  const retry = () => {};
  switch (name) {
    case 'loading':
      return { status: 'loading', retry };
    case 'empty':
      return { status: 'empty', feed: { ...feed, items: [] }, retry };
    case 'error':
      return {
        status: 'error',
        error: new FeedError('HTTP 503 for /news/feed.json', {
          url: '/news/feed.json',
          status: 503,
        }),
        retry,
      };
    case 'stale':
      return { status: 'stale', feed, fetchedAt: new Date('2020-03-21T01:02:03Z'), retry };
    case 'content':
      return { status: 'ready', feed, retry };
  }
}

/** Every specimen: a name and the markup, in Vietnamese or English. */
function specimens(locale: string): { name: string; markup: TemplateResult }[] {
  const cards = ['summary', 'full', 'compact'].map((variant) => ({
    name: `card ${variant}`,
    markup: html`<civic-article-card
      locale=${locale}
      variant=${variant}
      actions="print share copy-link"
    ></civic-article-card>`,
  }));
  const lists = ['list', 'compact', 'grid', 'ticker'].map((layout) => ({
    name: `list ${layout}`,
    markup: html`<civic-bulletin-list
      locale=${locale}
      layout=${layout}
      show-views
      date-format="datetime"
      limit="4"
    ></civic-bulletin-list>`,
  }));
  return [
    ...cards,
    ...lists,
    {
      name: 'counter',
      markup: html`<civic-view-counter locale=${locale}></civic-view-counter>`,
    },
    {
      name: 'date line',
      markup: html`<civic-date-line locale=${locale} date="2020-07-16" lunar></civic-date-line>`,
    },
  ];
}

/** Renders one specimen in a state, with text spacing, and returns what is cut off. */
async function clippedIn(
  markup: TemplateResult,
  state: FeedState,
  itemId?: string,
): Promise<Clipped[]> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  const wrap = document.createElement('div');
  new ContextProvider(wrap, { context: feedContext, initialValue: state });
  host.append(wrap);
  render(markup, wrap);
  const el = wrap.querySelector<LitElement>('*')!;
  expect(el.isConnected && el.localName.startsWith('civic-'), 'the specimen is on the page').to.be
    .true;
  if (itemId) el.setAttribute('item-id', itemId);
  await el.updateComplete;
  // Lazy parts (the full body, the layouts' styles) replace their skeletons soon after.
  if (state.status !== 'loading')
    await waitUntil(() => !el.shadowRoot!.querySelector('.skeleton'), 'still a skeleton', {
      timeout: 4000,
    });
  await el.updateComplete;
  applyTextSpacing(host);
  const found = findClipped(host);
  host.remove();
  // A summary may stop after three lines or more, with its ellipsis; nothing else may.
  return found.filter((c) => !(c.kind === 'line-clamp' && (c.lines ?? 0) >= 3));
}

const report = (found: Clipped[]) =>
  found.map((c) => `${c.kind} ${c.path} (${c.size}): "${c.text}"`).join('\n');

describe('no clipped text at 320 px with WCAG text spacing', () => {
  for (const locale of ['vi', 'en']) {
    for (const { name, markup } of specimens(locale)) {
      for (const stateName of STATES) {
        it(`${name}, ${stateName}, ${locale}`, async () => {
          const sources = stateName === 'content' ? feeds : feeds.slice(0, 1);
          for (const { name: feedName, feed } of sources) {
            // A card shows one item: every item of each feed.
            const ids =
              name.startsWith('card') && stateName === 'content'
                ? feed.items.map((a) => a.id)
                : [undefined];
            for (const id of ids) {
              const found = await clippedIn(markup, stateOf(stateName, feed), id);
              // Strings, not the findings: chai would try to print whole DOM nodes.
              expect(report(found), `${feedName}${id ? ` ${id}` : ''}`).to.equal('');
            }
          }
        });
      }
    }
  }

  it('finds clipped text when there is some (the helper works)', async () => {
    const host = await fixture<HTMLDivElement>(
      html`<div>
        <p style="width: 50px; overflow: hidden; white-space: nowrap">a line far too long</p>
        <p style="width: 50px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis">
          a line far too long
        </p>
      </div>`,
    );
    const kinds = findClipped(host).map((c) => c.kind);
    expect(kinds).to.deep.equal(['overflow', 'ellipsis']);
    const wide = await fixture<HTMLDivElement>(
      html`<div style="width: 100px"><p style="white-space: nowrap">a line far too long</p></div>`,
    );
    expect(findClipped(wide).map((c) => c.kind)).to.deep.equal(['outside']);
  });
});

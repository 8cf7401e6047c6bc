import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { loadFeed as LoadFeed } from '../../src/feed/load.js';
import type { parseFeed as ParseFeed } from '../../src/feed/parse.js';

type FrameWindow = Window &
  typeof globalThis & {
    violations: string[];
    civicFeed?: { loadFeed: typeof LoadFeed; parseFeed: typeof ParseFeed };
  };

/** A page that enforces Trusted Types with only `civic-widgets` and `lit-html` allowed. */
async function strictPage(): Promise<FrameWindow> {
  const frame = await fixture<HTMLIFrameElement>(
    html`<iframe src="/tests/fixtures/feed/trusted-types.html" title="strict page"></iframe>`,
  );
  await waitUntil(
    () => (frame.contentWindow as FrameWindow | null)?.civicFeed,
    'the feed layer did not load in the strict page',
    { timeout: 4000 },
  );
  return frame.contentWindow as FrameWindow;
}

const RSS = '/tests/fixtures/vi-cong-an-tinh.rss.xml';
const ATOM = '/tests/fixtures/vi-cong-an-tinh.atom.xml';
const SUMMARY =
  'Công an tỉnh tổ chức hội nghị tổng kết, đánh giá kết quả thực hiện nhiệm vụ bảo đảm an ninh, trật tự năm 2019 và triển khai chương trình công tác năm 2020.';

describe('the feed layer and Trusted Types', () => {
  it('reads RSS with HTML descriptions on a page that enforces Trusted Types, with no violation', async () => {
    const win = await strictPage();
    const { feed } = await win.civicFeed!.loadFeed(RSS, { remember: false });
    expect(feed.format).to.equal('rss');
    const item = feed.items.find((a) => a.title?.startsWith('Hội nghị tổng kết'));
    // The description's <p> is gone from the summary, which is text only…
    expect(item?.summary).to.equal(SUMMARY);
    // …while the body keeps its HTML for the sanitizer.
    expect(item?.contentHtml).to.equal(`<p>${SUMMARY}</p>`);
    expect(win.violations, 'CSP violations').to.deep.equal([]);
    // The page really enforces: a plain string into DOMParser throws there.
    expect(() => new win.DOMParser().parseFromString('<b>x</b>', 'text/html')).to.throw(
      /TrustedHTML/,
    );
  });

  it('reads Atom, and parseFeed reads RSS synchronously, under enforcement too', async () => {
    const win = await strictPage();
    const atom = await win.civicFeed!.loadFeed(ATOM, { remember: false });
    expect(atom.feed.format).to.equal('atom');
    expect(atom.feed.items.length).to.be.greaterThan(0);
    const text = await (await fetch(RSS)).text();
    const { feed } = win.civicFeed!.parseFeed(text);
    expect(feed.items.some((a) => a.summary === SUMMARY)).to.be.true;
    expect(feed.items.every((a) => !/[<>]/.test(a.summary ?? ''))).to.be.true;
    expect(win.violations, 'CSP violations').to.deep.equal([]);
  });

  it('never runs markup from a feed while reading it', async () => {
    const win = await strictPage();
    const hostile = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item>
      <guid>x</guid><title>&lt;img src=x onerror="parent.__feedPwned=1"&gt;Tiêu đề</title>
      <description>&lt;script&gt;parent.__feedPwned=1&lt;/script&gt;&lt;b&gt;Tóm tắt&lt;/b&gt;</description>
      </item></channel></rss>`;
    const { feed } = win.civicFeed!.parseFeed(hostile);
    expect(feed.items[0].title).to.equal('Tiêu đề');
    expect(feed.items[0].summary).to.equal('Tóm tắt');
    await new Promise((r) => setTimeout(r, 50));
    expect((window as { __feedPwned?: number }).__feedPwned).to.be.undefined;
    expect(win.violations, 'CSP violations').to.deep.equal([]);
  });
});

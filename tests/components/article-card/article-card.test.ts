import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../../src/components/article-card/article-card.define.js';
import { CivicArticleCard } from '../../../src/components/article-card/article-card.js';
import { feedContext, type FeedState } from '../../../src/components/shared/feed-context.js';
import { toFeed } from '../../../src/feed/parse.js';
import { formatDate } from '../../../src/format/dates.js';

const VI = '/tests/fixtures/vi-cong-an-tinh.json';
const EN = '/tests/fixtures/en-city-news.json';
const SEED_META = 'Ngày cập nhật: 20/03/2020 03:57:36 | Lượt xem: 2.007';

type Json = Record<string, unknown>;
// The suite loads hundreds of modules; keep every request visible to the retry test.
performance.setResourceTimingBufferSize(100_000);

let viDoc: Json;
let enDoc: Json;
before(async () => {
  viDoc = (await (await fetch(VI)).json()) as Json;
  enDoc = (await (await fetch(EN)).json()) as Json;
});

const clone = <T>(v: T): T => structuredClone(v);
const items = (doc: Json) => doc['items'] as Json[];
const root = (el: Element) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: Element, sel: string) =>
  root(el).querySelector<E>(sel);
const text = (node: Element | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A card with data; waits until it shows an article (or the state asked for). */
async function card(
  template: ReturnType<typeof html>,
  ready = 'article',
): Promise<CivicArticleCard> {
  const el = await fixture<CivicArticleCard>(template);
  await waitUntil(() => $(el, ready), `no ${ready} in the card`);
  await el.updateComplete;
  return el;
}

/** Waits for the full card's attachments, which come with the full variant's lazy chunk. */
async function attachmentsOf(el: CivicArticleCard): Promise<HTMLElement> {
  await waitUntil(() => $(el, '[part=attachments]'), 'the attachments did not render');
  return $<HTMLElement>(el, '[part=attachments]')!;
}

/** Waits for the full card's body to leave its loading placeholder. */
async function bodyOf(el: CivicArticleCard): Promise<HTMLElement> {
  await waitUntil(() => $(el, '[part=body]:not(.loading)'), 'the body did not render');
  return $<HTMLElement>(el, '[part=body]')!;
}

/** A fake <civic-feed>: hands the card any FeedState through the real context. */
async function provided(
  state: Partial<FeedState>,
  inner = html`<civic-article-card></civic-article-card>`,
) {
  const wrap = document.createElement('div');
  const provider = new ContextProvider(wrap, {
    context: feedContext,
    initialValue: { status: 'idle', retry: () => {}, ...state },
  });
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.append(wrap);
  await fixture(inner, { parentNode: wrap });
  const el = wrap.querySelector('civic-article-card')!;
  await el.updateComplete;
  return { el, provider };
}

const jsonLdBlocks = () =>
  Array.from(
    document.head.querySelectorAll<HTMLScriptElement>(
      'script[type="application/ld+json"][data-civic-article-card]',
    ),
  );
/** The head's JSON-LD blocks once there are `n` (the card writes them when the page is idle). */
const jsonLdWritten = async (n = 1) => {
  await waitUntil(() => jsonLdBlocks().length === n, `${n} JSON-LD block(s) in the head`);
  return jsonLdBlocks();
};
const headlineOf = (script: HTMLScriptElement) =>
  (JSON.parse(script.textContent) as Json)['headline'];

describe('civic-article-card', () => {
  it('is defined', () => {
    expect(customElements.get('civic-article-card')).to.equal(CivicArticleCard);
    expect(document.createElement('civic-article-card')).to.be.instanceOf(CivicArticleCard);
  });

  it('renders the defaults: the first item, summary variant, one link named by its title', async () => {
    const el = await card(html`<civic-article-card src=${VI}></civic-article-card>`);
    expect(el.variant).to.equal('summary');
    const article = $(el, 'article')!;
    expect(article.getAttribute('aria-labelledby')).to.equal('title');
    const heading = $(el, 'h3[part=title]')!;
    expect(text(heading)).to.equal('Kết quả phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2019');
    const links = root(el).querySelectorAll('a');
    expect(links).to.have.length(1);
    expect(links[0].getAttribute('href')).to.equal(
      'https://congan.tinh.example/tin-tuc/ket-qua-phong-trao-toan-dan-bao-ve-an-ninh-to-quoc-nam-2019',
    );
    expect(text($(el, '[part=meta]'))).to.equal(SEED_META);
    expect(text($(el, '[part=summary]'))).to.match(/^Năm 2019, phong trào/);
    expect($(el, '[part=body]'), 'no body in summary').to.be.null;
  });

  it('passes axe', async () => {
    const el = await card(
      html`<civic-article-card src=${VI} actions="print share copy-link"></civic-article-card>`,
    );
    await expect(el).to.be.accessible();
  });

  describe('when showing the seed article (meta line)', () => {
    it('reads exactly "Ngày cập nhật: 20/03/2020 03:57:36 | Lượt xem: 2.007" in any viewer zone', async () => {
      const el = await card(html`<civic-article-card src=${VI}></civic-article-card>`);
      expect(text($(el, '[part=meta]'))).to.equal(SEED_META);
      const time = $(el, '[part=meta] time')!;
      expect(time.getAttribute('datetime')).to.equal('2020-03-19T20:57:36.000Z');
      expect(new Date(time.getAttribute('datetime')!).getTime()).to.equal(
        Date.parse('2020-03-20T03:57:36+07:00'),
      );
    });

    it('says "Ngày đăng:" with date_published when there is no update date', async () => {
      const item = clone(items(viDoc)[0]);
      delete item['date_modified'];
      const el = await card(
        html`<civic-article-card .item=${item} time-zone="Asia/Ho_Chi_Minh"></civic-article-card>`,
      );
      expect(text($(el, '[part=meta]'))).to.equal(
        'Ngày đăng: 19/03/2020 16:20:00 | Lượt xem: 2.007',
      );
    });

    it('leaves out "| Lượt xem" when there is no view count', async () => {
      const item = clone(items(viDoc)[0]);
      delete (item['_civic'] as Json)['views'];
      const el = await card(
        html`<civic-article-card .item=${item} time-zone="Asia/Ho_Chi_Minh"></civic-article-card>`,
      );
      expect(text($(el, '[part=meta]'))).to.equal('Ngày cập nhật: 20/03/2020 03:57:36');
    });

    it('prints in the time-zone attribute over the feed zone', async () => {
      const el = await card(
        html`<civic-article-card src=${VI} time-zone="UTC"></civic-article-card>`,
      );
      expect(text($(el, '[part=meta]'))).to.equal(
        'Ngày cập nhật: 19/03/2020 20:57:36 | Lượt xem: 2.007',
      );
    });

    it('prints the en meta line: "Updated: Dec 9, 2020, 8:15 AM | Views: 12,873"', async () => {
      const el = await card(html`<civic-article-card src=${EN} locale="en"></civic-article-card>`);
      expect(text($(el, '[part=meta]'))).to.equal('Updated: Dec 9, 2020, 8:15 AM | Views: 12,873');
    });

    it('formats 2007 views as "Views: 2,007" in en', async () => {
      const el = await card(html`<civic-article-card src=${VI} locale="en"></civic-article-card>`);
      expect(text($(el, '[part=meta]'))).to.equal('Updated: Mar 20, 2020, 3:57 AM | Views: 2,007');
    });
  });

  describe('when a variant is chosen', () => {
    it('compact: title and meta line only', async () => {
      const el = await card(
        html`<civic-article-card
          src=${VI}
          item-id="2020-tong-ket-cong-tac"
          variant="compact"
        ></civic-article-card>`,
      );
      expect($(el, '[part=title]')).to.exist;
      expect($(el, '[part=meta]')).to.exist;
      for (const part of ['summary', 'image', 'body', 'category', 'tags', 'attachments']) {
        expect($(el, `[part=${part}]`), part).to.be.null;
      }
      await expect(el).to.be.accessible();
    });

    it('summary: adds summary, image, category and tags, but no body or attachments', async () => {
      const el = await card(
        html`<civic-article-card src=${VI} item-id="2020-tong-ket-cong-tac"></civic-article-card>`,
      );
      expect($(el, '[part=summary]')).to.exist;
      expect($(el, '[part=image]')).to.exist;
      expect(text($(el, '[part=category]'))).to.equal('Chuyên mục: Hoạt động lực lượng');
      // Its one tag only repeats the category: "Chuyên mục: Hoạt động lực lượng [Hoạt động lực lượng]".
      expect($(el, '[part=tags]'), 'no tag that repeats the category').to.be.null;
      expect($(el, '[part=body]')).to.be.null;
    });

    it('full: adds the body and the attachments', async () => {
      const el = await card(
        html`<civic-article-card
          src=${VI}
          item-id="2020-tuyen-sinh-cand"
          variant="full"
        ></civic-article-card>`,
      );
      expect(await attachmentsOf(el)).to.exist;
      const seed = await card(
        html`<civic-article-card src=${VI} variant="full"></civic-article-card>`,
      );
      expect(text(await bodyOf(seed))).to.contain('Chỉ thị 09-CT/TW');
      await expect(seed).to.be.accessible();
    });

    it('treats an unknown variant as summary', async () => {
      const el = await card(
        html`<civic-article-card src=${VI} variant="poster"></civic-article-card>`,
      );
      expect($(el, '[part=summary]')).to.exist;
      expect($(el, '[part=body]')).to.be.null;
    });

    it('sets the title heading level with heading-level (default 3), and the attachments heading one below', async () => {
      const el = await card(
        html`<civic-article-card
          src=${VI}
          item-id="2020-tuyen-sinh-cand"
          variant="full"
          heading-level="2"
        ></civic-article-card>`,
      );
      expect($(el, 'h2[part=title]')).to.exist;
      expect((await attachmentsOf(el)).querySelector('h3')).to.exist;
      el.headingLevel = 9;
      await el.updateComplete;
      expect($(el, 'h3[part=title]'), 'out of range → 3').to.exist;
    });
  });

  describe('when an item is chosen', () => {
    it('shows the item named by item-id', async () => {
      const el = await card(
        html`<civic-article-card
          src=${VI}
          item-id="2020-lua-dao-mang-xa-hoi"
        ></civic-article-card>`,
      );
      expect(text($(el, '[part=title]'))).to.equal(
        'Cảnh báo thủ đoạn lừa đảo chiếm đoạt tài sản qua mạng xã hội',
      );
      el.itemId = '2020-pccc-mua-kho';
      await el.updateComplete;
      expect(text($(el, '[part=title]'))).to.equal(
        'Tăng cường công tác phòng cháy, chữa cháy trong mùa hanh khô',
      );
    });

    it('shows "Chưa có tin" for an item-id the feed does not have', async () => {
      const el = await card(
        html`<civic-article-card src=${VI} item-id="no-such-item"></civic-article-card>`,
        '[part=status]',
      );
      expect(text($(el, '[part=status]'))).to.equal('Chưa có tin');
      await expect(el).to.be.accessible();
    });

    it('takes a raw JSON Feed item through .item, which wins over src', async () => {
      const item = clone(items(enDoc)[3]);
      const el = await card(
        html`<civic-article-card
          .item=${item}
          src=${VI}
          locale="en"
          time-zone="America/New_York"
        ></civic-article-card>`,
      );
      expect(text($(el, '[part=title]'))).to.equal('Free flu vaccine clinics at community centers');
      expect(text($(el, '[part=meta]'))).to.equal(
        'Published: Nov 30, 2020, 10:00 AM | Views: 3,310',
      );
    });

    it("takes an Article from the feed layer through .item, dated in its feed's zone", async () => {
      const { feed } = toFeed(clone(viDoc));
      const el = await card(html`<civic-article-card .item=${feed.items[0]}></civic-article-card>`);
      // The feed's zone (Asia/Ho_Chi_Minh), although the card never sees the feed. Before:
      // the viewer's zone, "19/03/2020 13:57:36" for a viewer in Los Angeles.
      expect(text($(el, '[part=meta]'))).to.equal(
        'Ngày cập nhật: 20/03/2020 03:57:36 | Lượt xem: 2.007',
      );
      // `time-zone` still decides.
      el.timeZone = 'UTC';
      await el.updateComplete;
      expect(text($(el, '[part=meta]'))).to.contain('Ngày cập nhật: 19/03/2020 20:57:36');
    });

    it("dates a raw JSON Feed item, which names no zone, in the viewer's zone", async () => {
      const item = clone(items(viDoc)[0]);
      const el = await card(html`<civic-article-card .item=${item}></civic-article-card>`);
      const viewer = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const modified = new Date(String(item.date_modified));
      expect(text($(el, '[part=meta]'))).to.equal(
        `Ngày cập nhật: ${formatDate(modified, viewer, 'vi')} | Lượt xem: 2.007`,
      );
    });

    it('takes a URL object as src and a number as itemId, as DOM properties do', async () => {
      const doc = clone(viDoc);
      items(doc)[1]['id'] = '12';
      const el = document.createElement('civic-article-card');
      // Before: "host.src?.trim is not a function" from inside Lit's update; a blank card.
      (el as unknown as { src: URL }).src = new URL(VI, location.href);
      document.body.append(el);
      try {
        await waitUntil(() => $(el, 'article'), 'no article from a URL object');
        expect(text($(el, '[part=title]'))).to.equal(String(items(viDoc)[0]['title']));
        el.removeAttribute('src');
        (el as unknown as { src: null }).src = null;
        (el as unknown as { feed: unknown }).feed = doc;
        (el as unknown as { itemId: number }).itemId = 12;
        await el.updateComplete;
        await waitUntil(() => text($(el, '[part=title]')) === String(items(doc)[1]['title']));
      } finally {
        el.remove();
      }
    });

    it('shows the empty state (and warns) for an .item it cannot use', async () => {
      const warn = sinon.stub(console, 'warn');
      try {
        const el = await card(
          html`<civic-article-card .item=${{ nonsense: true }}></civic-article-card>`,
          '[part=status]',
        );
        expect(text($(el, '[part=status]'))).to.equal('Chưa có tin');
        await waitUntil(() => warn.calledWithMatch('.item is neither'), 'the warning');
      } finally {
        warn.restore();
      }
    });

    it('uses the surrounding feed (context) when it has no data of its own', async () => {
      const { feed } = toFeed(clone(viDoc));
      const { el } = await provided(
        { status: 'ready', feed },
        html`<civic-article-card item-id="2020-pccc-mua-kho"></civic-article-card>`,
      );
      expect(text($(el, '[part=title]'))).to.equal(
        'Tăng cường công tác phòng cháy, chữa cháy trong mùa hanh khô',
      );
      expect(text($(el, '[part=meta]'))).to.equal(
        'Ngày đăng: 02/06/2020 16:10:00 | Lượt xem: 1.276',
      );
    });
  });

  describe('when the article has an image', () => {
    /** The seed's pictured item, its picture on its way for the whole test (the server holds it). */
    const pictured = (key: string) =>
      html`<civic-article-card
        .item=${{ ...clone(items(viDoc)[1]), image: `/faults/hang?ms=30000&key=${key}` }}
      ></civic-article-card>`;

    it('lazy-loads it in a box whose aspect ratio is reserved before it arrives', async () => {
      const seed = await card(
        html`<civic-article-card src=${VI} item-id="2020-tong-ket-cong-tac"></civic-article-card>`,
      );
      expect($(seed, 'img[part=image]')!.getAttribute('src')).to.equal(
        'https://congan.tinh.example/anh/hoi-nghi-tong-ket-2019.jpg',
      );
      const el = await card(pictured('ratio'));
      el.style.setProperty('--civic-article-card-image-max-height', 'none');
      const img = $<HTMLImageElement>(el, 'img[part=image]')!;
      expect(img.getAttribute('loading')).to.equal('lazy');
      expect(img.getAttribute('decoding')).to.equal('async');
      expect(img.getAttribute('alt'), 'decorative: the title names the card').to.equal('');
      const box = img.parentElement!;
      expect(getComputedStyle(box).aspectRatio).to.equal('16 / 9');
      // The image has not arrived, so the height can only come from the ratio.
      const { width, height } = box.getBoundingClientRect();
      expect(width).to.be.greaterThan(0);
      expect(height).to.be.closeTo((width * 9) / 16, 1);
    });

    it('lets a site change the ratio with --civic-article-card-image-ratio', async () => {
      const el = await card(pictured('ratio-2'));
      el.style.setProperty('--civic-article-card-image-ratio', '1 / 1');
      el.style.setProperty('--civic-article-card-image-max-height', 'none');
      const { width, height } = $(el, '.media')!.getBoundingClientRect();
      expect(height).to.be.closeTo(width, 1);
    });

    it('caps the box at 16rem (--civic-article-card-image-max-height), cropping the image', async () => {
      const el = await card(pictured('cap'));
      el.style.width = '1000px';
      const box = $(el, '[part=media]')!.getBoundingClientRect();
      expect(box.height).to.equal(256);
      expect(getComputedStyle($(el, 'img')!).objectFit).to.equal('cover');
      el.style.setProperty('--civic-article-card-image-max-height', '10rem');
      expect($(el, '[part=media]')!.getBoundingClientRect().height).to.equal(160);
    });

    it('takes the frame away with an image that cannot be loaded: no empty box', async () => {
      for (const variant of ['summary', 'full']) {
        const el = await card(
          html`<civic-article-card
            .item=${{ ...clone(items(viDoc)[1]), image: '/faults/404' }}
            variant=${variant}
          ></civic-article-card>`,
        );
        await waitUntil(
          () => $(el, '[part=media]')?.getClientRects().length === 0,
          `${variant}: the frame of a missing image stays`,
        );
        expect(text($(el, '[part=title]')), variant).to.not.equal('');
      }
    });

    it('draws no frame for an article without an image, in any variant', async () => {
      for (const variant of ['summary', 'full']) {
        const el = await card(
          html`<civic-article-card src=${VI} variant=${variant}></civic-article-card>`,
        );
        expect($(el, '[part=media]'), `${variant}: no frame without an image`).to.be.null;
      }
      const withImage = await card(
        html`<civic-article-card
          src=${VI}
          variant="full"
          item-id="2020-tong-ket-cong-tac"
        ></civic-article-card>`,
      );
      expect($(withImage, '[part=media] img')).to.exist;
    });
  });

  describe('when the article has attachments', () => {
    it('labels each with its type and size: "PDF, 471 KB"', async () => {
      const el = await card(
        html`<civic-article-card
          src=${VI}
          item-id="2020-tuyen-sinh-cand"
          variant="full"
        ></civic-article-card>`,
      );
      const section = await attachmentsOf(el);
      expect(text(section.querySelector('h4'))).to.equal('Tệp đính kèm');
      const link = section.querySelector('a')!;
      expect(link.getAttribute('href')).to.equal(
        'https://congan.tinh.example/van-ban/huong-dan-tuyen-sinh-2020.pdf',
      );
      expect(text(link)).to.equal('Hướng dẫn tuyển sinh 2020 PDF, 471 KB');
      expect(text(link.querySelector('.file-meta'))).to.equal('PDF, 471 KB');
      await expect(el).to.be.accessible();
    });

    it('derives the type from the extension and sizes in the locale, naming untitled files by their file name', async () => {
      const item = {
        id: 'a',
        title: 'Files',
        url: 'https://x.example/a',
        attachments: [
          { url: 'https://x.example/files/bao-cao%202020.docx', size_in_bytes: 1_572_864 },
          {
            url: 'https://x.example/files/list',
            mime_type: 'application/vnd.ms-excel',
            size_in_bytes: 900,
          },
        ],
      };
      const vi = await card(
        html`<civic-article-card .item=${item} variant="full"></civic-article-card>`,
      );
      const en = await card(
        html`<civic-article-card .item=${item} variant="full" locale="en"></civic-article-card>`,
      );
      await attachmentsOf(vi);
      await attachmentsOf(en);
      const labels = (el: Element) =>
        Array.from(root(el).querySelectorAll('[part=attachments] a')).map((a) => text(a));
      expect(labels(vi)).to.deep.equal(['bao-cao 2020.docx DOCX, 1,5 MB', 'list XLS, 900 B']);
      expect(labels(en)).to.deep.equal(['bao-cao 2020.docx DOCX, 1.5 MB', 'list XLS, 900 B']);
    });
  });

  describe('when actions are set', () => {
    afterEach(() => sinon.restore());

    const seedCard = (actions: string) =>
      card(html`<civic-article-card src=${VI} actions=${actions}></civic-article-card>`);
    const button = (el: Element, action: string) =>
      $<HTMLButtonElement>(el, `button[data-action="${action}"]`)!;

    it('adds real buttons after the meta line, in a fixed order, ignoring unknown names', async () => {
      const warn = sinon.stub(console, 'warn');
      const el = await seedCard('copy-link bogus print share');
      const buttons = Array.from(root(el).querySelectorAll('[part=actions] button'));
      expect(buttons.map((b) => text(b))).to.deep.equal(['In bài', 'Chia sẻ', 'Sao chép liên kết']);
      expect(buttons.every((b) => b.getAttribute('type') === 'button')).to.be.true;
      expect($(el, '[part=meta]')!.nextElementSibling).to.equal($(el, '[part=actions]'));
      await waitUntil(() => warn.calledWithMatch('unknown action "bogus"'), 'the warning');
      warn.restore();
    });

    it('keeps the buttons separately focusable, above the card-wide link', async () => {
      const el = await seedCard('print copy-link');
      const b = button(el, 'copy-link');
      b.focus();
      expect(root(el).activeElement).to.equal(b);
      const r = b.getBoundingClientRect();
      // What a click at the button's centre hits: the button, not the stretched link.
      expect(root(el).elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)).to.equal(b);
      const t = $(el, '[part=summary]')!.getBoundingClientRect();
      expect(
        root(el).elementFromPoint(t.x + 5, t.y + 5),
        'elsewhere the card is the link',
      ).to.equal($(el, 'a.link'));
    });

    it('print: prints only this card with a document stylesheet, removed after printing', async () => {
      const outside = await fixture<HTMLParagraphElement>(html`<p>Other page content</p>`);
      const el = await seedCard('print');
      let adoptedWhilePrinting = -1;
      const print = sinon.stub(window, 'print').callsFake(() => {
        adoptedWhilePrinting = document.adoptedStyleSheets.length;
      });
      const before = document.adoptedStyleSheets.length;
      button(el, 'print').click();
      expect(print.calledOnce).to.be.true;
      expect(adoptedWhilePrinting).to.equal(before + 1);
      expect(el.getAttribute('data-civic-print')).to.equal('target');
      await emulateMedia({ media: 'print' });
      try {
        expect(getComputedStyle(outside).display, 'other content while printing').to.equal('none');
        expect(getComputedStyle(el).display).to.equal('block');
        expect(getComputedStyle($(el, '[part=actions]')!).display, 'no buttons on paper').to.equal(
          'none',
        );
        window.dispatchEvent(new Event('afterprint'));
        expect(document.adoptedStyleSheets.length).to.equal(before);
        expect(el.hasAttribute('data-civic-print')).to.be.false;
        expect(getComputedStyle(outside).display, 'after printing').to.equal('block');
      } finally {
        await emulateMedia({ media: 'screen' });
      }
    });

    it('print: a card in a narrow sidebar the page hides on paper prints full width, whole', async () => {
      const layout = await fixture<HTMLDivElement>(html`
        <div style="display: grid; grid-template-columns: 1fr 300px; width: 900px">
          <main>Other page content</main>
          <aside class="sidebar"></aside>
        </div>
      `);
      // The page's own print styles, as many sites have them.
      const pageSheet = new CSSStyleSheet();
      pageSheet.replaceSync('@media print { .sidebar { display: none } }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageSheet];
      const el = document.createElement('civic-article-card');
      el.src = VI;
      el.setAttribute('actions', 'print');
      el.variant = 'summary';
      layout.querySelector('aside')!.append(el);
      await waitUntil(() => button(el, 'print'), 'no print button');
      sinon.stub(window, 'print');
      try {
        button(el, 'print').click();
        await emulateMedia({ media: 'print' });
        const aside = layout.querySelector('aside')!;
        // Before: not printed at all (the sidebar hidden), or a 300 px column at the edge.
        expect(getComputedStyle(aside).display).to.equal('block');
        expect(el.getBoundingClientRect().width).to.be.greaterThan(600);
        // The summary whole, and the address of the rest written out.
        const lead = $(el, '.lead')!;
        expect(lead.scrollHeight).to.equal(lead.clientHeight);
        expect(getComputedStyle($(el, 'a.link')!, '::after').content).to.contain('https://');
      } finally {
        window.dispatchEvent(new Event('afterprint'));
        (window.print as sinon.SinonStub).restore();
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== pageSheet);
        await emulateMedia({ media: 'screen' });
      }
    });

    it('copy-link: writes the link to the clipboard and says so politely', async () => {
      const el = await seedCard('copy-link');
      const write = sinon.stub(navigator.clipboard, 'writeText').resolves();
      button(el, 'copy-link').click();
      const status = $(el, '[part=actions] [role=status]')!;
      await waitUntil(() => text(status) === 'Đã sao chép liên kết');
      expect(
        write.calledOnceWith(
          'https://congan.tinh.example/tin-tuc/ket-qua-phong-trao-toan-dan-bao-ve-an-ninh-to-quoc-nam-2019',
        ),
      ).to.be.true;
      await expect(el).to.be.accessible();
    });

    it('copy-link: says it failed when the clipboard refuses', async () => {
      const el = await seedCard('copy-link');
      sinon
        .stub(navigator.clipboard, 'writeText')
        .rejects(new DOMException('denied', 'NotAllowedError'));
      button(el, 'copy-link').click();
      await waitUntil(() => text($(el, '[role=status]')) === 'Không sao chép được liên kết');
    });

    it('share: uses navigator.share where present', async () => {
      const el = await seedCard('share');
      const share = sinon.fake.resolves(undefined);
      Object.defineProperty(navigator, 'share', { value: share, configurable: true });
      const write = sinon.stub(navigator.clipboard, 'writeText').resolves();
      try {
        button(el, 'share').click();
        await waitUntil(() => share.called);
        expect(share.firstCall.args[0]).to.deep.equal({
          title: 'Kết quả phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2019',
          url: 'https://congan.tinh.example/tin-tuc/ket-qua-phong-trao-toan-dan-bao-ve-an-ninh-to-quoc-nam-2019',
        });
        await el.updateComplete;
        expect(write.called).to.be.false;
      } finally {
        delete (navigator as { share?: unknown }).share;
      }
    });

    it('share: copies the link when navigator.share is missing', async () => {
      const el = await seedCard('share');
      expect(
        'share' in navigator && typeof navigator.share === 'function',
        'headless Chromium has no share',
      ).to.be.false;
      const write = sinon.stub(navigator.clipboard, 'writeText').resolves();
      button(el, 'share').click();
      await waitUntil(() => text($(el, '[role=status]')) === 'Đã sao chép liên kết');
      expect(write.calledOnce).to.be.true;
    });

    it('offers share and copy only when the article has a link', async () => {
      const item = { id: 'x', title: 'No link', content_text: 'Body' };
      const el = await card(
        html`<civic-article-card
          .item=${item}
          actions="print share copy-link"
        ></civic-article-card>`,
      );
      expect(
        Array.from(root(el).querySelectorAll('[part=actions] button')).map((b) =>
          b.getAttribute('data-action'),
        ),
      ).to.deep.equal(['print']);
    });
  });

  describe('when the full body renders', () => {
    it('renders _civic.markdown through marked (and it wins over content_html and content_text)', async () => {
      const item = {
        id: 'm',
        title: 'Markdown',
        content_html: '<p>HTML loses</p>',
        content_text: 'Text loses',
        _civic: {
          markdown: 'Hello **world**\n\n## Section\n\n- one\n- two\n\n[site](https://x.example/a)',
        },
      };
      const el = await card(
        html`<civic-article-card .item=${item} variant="full"></civic-article-card>`,
      );
      const body = await bodyOf(el);
      expect(body.querySelector('strong')?.textContent).to.equal('world');
      expect(body.querySelectorAll('li')).to.have.length(2);
      expect(text(body)).not.to.contain('loses');
      // Body headings sit below the card title (h3): the body's top heading becomes an h4.
      expect(body.querySelector('h4')?.textContent).to.equal('Section');
      expect(body.querySelector('h2')).to.be.null;
      expect(body.querySelector('a')!.getAttribute('rel')).to.equal('noopener noreferrer');
      await expect(el).to.be.accessible();
    });

    it('renders content_html through DOMPurify', async () => {
      const item = {
        id: 'h',
        title: 'HTML',
        content_html: '<p>Para <em>one</em></p><p><a href="/local">here</a></p>',
      };
      const el = await card(
        html`<civic-article-card .item=${item} variant="full"></civic-article-card>`,
      );
      const body = await bodyOf(el);
      expect(body.querySelectorAll('p')).to.have.length(2);
      expect(body.querySelector('em')?.textContent).to.equal('one');
      expect(body.querySelector('a')!.hasAttribute('rel'), 'same-site link').to.be.false;
    });

    it('renders content_text as paragraphs of text, never parsing HTML', async () => {
      const item = {
        id: 't',
        title: 'Text',
        content_text: 'First <b>not bold</b>\nsecond line\n\n\nNext paragraph',
      };
      const el = await card(
        html`<civic-article-card .item=${item} variant="full"></civic-article-card>`,
      );
      const body = await bodyOf(el);
      const ps = body.querySelectorAll('p');
      expect(ps).to.have.length(2);
      expect(ps[0].textContent).to.equal('First <b>not bold</b>second line');
      expect(ps[0].querySelector('b')).to.be.null;
      expect(ps[0].querySelectorAll('br')).to.have.length(1);
      expect(ps[1].textContent).to.equal('Next paragraph');
    });

    it('keeps the body above the card link, so its links and text work', async () => {
      const item = {
        id: 'l',
        title: 'Links',
        url: 'https://x.example/a',
        content_html: '<p><a href="https://other.example/">other site</a></p>',
      };
      const el = await card(
        html`<civic-article-card .item=${item} variant="full"></civic-article-card>`,
      );
      const a = (await bodyOf(el)).querySelector('a')!;
      const r = a.getBoundingClientRect();
      expect(root(el).elementFromPoint(r.x + 2, r.y + r.height / 2)).to.equal(a);
    });
  });

  describe('when variant="full" adds JSON-LD', () => {
    afterEach(() => jsonLdBlocks().forEach((s) => s.remove()));

    it('puts exactly one NewsArticle block in the head, with headline, dates, url, author and publisher', async () => {
      const el = await card(
        html`<civic-article-card src=${VI} variant="full"></civic-article-card>`,
      );
      await bodyOf(el);
      el.requestUpdate();
      await el.updateComplete;
      const blocks = await jsonLdWritten();
      expect(blocks).to.have.length(1);
      const data = JSON.parse(blocks[0].textContent) as Json;
      expect(data).to.include({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: 'Kết quả phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2019',
        datePublished: '2020-03-19T09:20:00.000Z',
        dateModified: '2020-03-19T20:57:36.000Z',
        url: 'https://congan.tinh.example/tin-tuc/ket-qua-phong-trao-toan-dan-bao-ve-an-ninh-to-quoc-nam-2019',
      });
      expect(data['publisher']).to.deep.equal({
        '@type': 'Organization',
        name: 'Tin tức - Công an tỉnh',
        url: 'https://congan.tinh.example/',
      });
      expect(data['author']).to.deep.equal([{ '@type': 'Person', name: 'Phòng Tham mưu' }]);
      expect(blocks[0].getAttribute('data-civic-article-card')).to.equal('2019-antq-ket-qua');
    });

    it('updates its one block when the item changes, and removes it for another variant or on disconnect', async () => {
      const el = await card(
        html`<civic-article-card src=${VI} variant="full"></civic-article-card>`,
      );
      const PCCC = 'Tăng cường công tác phòng cháy, chữa cháy trong mùa hanh khô';
      await bodyOf(el);
      const [first] = await jsonLdWritten();
      expect(headlineOf(first)).not.to.equal(PCCC);
      el.itemId = '2020-pccc-mua-kho';
      await el.updateComplete;
      // The frame that shows the new article does not wait for its structured data:
      // the block changes once the page is idle (issue #13).
      expect(headlineOf(jsonLdBlocks()[0]), 'in the update').not.to.equal(PCCC);
      await waitUntil(() => headlineOf(jsonLdBlocks()[0]) === PCCC, 'the block follows the item');
      expect(jsonLdBlocks()).to.have.length(1);
      // Taking a block out does not wait.
      el.variant = 'summary';
      await el.updateComplete;
      expect(jsonLdBlocks(), 'summary variant').to.have.length(0);
      el.variant = 'full';
      await el.updateComplete;
      await jsonLdWritten();
      const parent = el.parentElement!;
      el.remove();
      expect(jsonLdBlocks(), 'after removal').to.have.length(0);
      parent.append(el);
      await jsonLdWritten();
      expect(jsonLdBlocks(), 'back on the page').to.have.length(1);
    });

    it('escapes "<" so a title cannot close the script', async () => {
      const item = {
        id: 'x',
        title: '</script><script>window.__civicLd=1</script><!--',
        content_text: 'x',
      };
      await card(html`<civic-article-card .item=${item} variant="full"></civic-article-card>`);
      const [script] = await jsonLdWritten();
      expect(script.textContent).not.to.contain('<');
      expect((JSON.parse(script.textContent) as Json)['headline']).to.equal(item.title);
      expect((window as { __civicLd?: number }).__civicLd).to.be.undefined;
    });
  });

  describe('when the feed is hostile', () => {
    const FLAG = '__civicPwned';
    const js = `javascript:window.${FLAG}=1`;
    const payload =
      `<script>window.${FLAG}=1</script><img src=x onerror="window.${FLAG}=1">` +
      `<svg onload="window.${FLAG}=1"></svg><a href="${js}">js link</a><a href="https://evil.example/">ext</a>` +
      `<iframe src="${js}"></iframe><form action="${js}"><button formaction="${js}">go</button></form>` +
      `<p style="color:red" class="link" id="title">styled</p><slot></slot>` +
      `<img src="data:image/svg+xml,<svg onload=alert(1)>"><img srcset="${js} 1x, ok.png 2x">` +
      `<details open ontoggle="window.${FLAG}=1">d</details>`;
    const hostile = (extra: Json = {}): Json => ({
      id: 'hostile',
      url: js,
      title: payload,
      summary: payload,
      content_html: payload,
      image: js,
      attachments: [
        { url: js, mime_type: 'application/pdf', title: payload },
        { url: 'https://ok.example/f.pdf', title: payload },
      ],
      authors: [{ name: payload, url: js }],
      tags: [`tag ${payload}`],
      _civic: { category: payload },
      ...extra,
    });

    afterEach(() => {
      delete (window as unknown as Record<string, unknown>)[FLAG];
      jsonLdBlocks().forEach((s) => s.remove());
    });

    /** Every element in the card's shadow tree, and the JSON-LD blocks. */
    function audit(el: Element): void {
      const all = [...Array.from(root(el).querySelectorAll('*')), ...jsonLdBlocks()];
      for (const node of all) {
        for (const attr of Array.from(node.attributes)) {
          expect(attr.name, `${node.localName}[${attr.name}]`).not.to.match(/^on/i);
          expect(attr.value, `${node.localName}[${attr.name}]`).not.to.match(
            /^\s*(javascript|data|vbscript):/i,
          );
          if (attr.name === 'srcset') expect(attr.value).not.to.contain('javascript:');
        }
      }
      for (const tag of [
        'script',
        'iframe',
        'form',
        'button:not(.action)',
        'svg',
        'slot[name]',
        '[style]',
      ]) {
        expect(root(el).querySelector(`[part=body] ${tag}`), tag).to.be.null;
      }
    }

    for (const [name, extra] of [
      ['content_html', {}],
      [
        'markdown',
        {
          // Not the body's opening words, which would make the card drop it as a repeat.
          summary: `Tóm tắt ${payload}`,
          _civic: {
            category: payload,
            markdown: `${payload}\n\n[click](${js}) ![i](${js}) <${js}>`,
          },
        },
      ],
    ] as const) {
      it(`runs nothing and keeps no handler or javascript: URL (${name} body)`, async () => {
        const el = await card(
          html`<civic-article-card
            .item=${hostile(extra)}
            variant="full"
            actions="print share copy-link"
          ></civic-article-card>`,
        );
        const body = await bodyOf(el);
        await aTimeout(50);
        expect((window as unknown as Record<string, unknown>)[FLAG], 'payload ran').to.be.undefined;
        await jsonLdWritten();
        audit(el);
        // Text fields render as text: the markup shows, it does not become elements.
        expect($(el, '[part=title]')!.textContent).to.contain('<script>');
        expect($(el, '[part=title] img')).to.be.null;
        expect($(el, '[part=summary]')!.textContent).to.contain('onerror=');
        expect($(el, '[part=category]')!.textContent).to.contain('<svg');
        expect($(el, '[part=tags] li')!.textContent).to.contain('<iframe');
        expect($(el, '[part=tags] li img')).to.be.null;
        // The unsafe URLs are gone: no card link, no image, only the safe attachment.
        expect($(el, 'a.link')).to.be.null;
        expect($(el, '[part=image]')).to.be.null;
        expect(root(el).querySelectorAll('[part=attachments] a')).to.have.length(1);
        // Only the safe link of the body keeps an href, with rel for the other site.
        const hrefs = Array.from(body.querySelectorAll('a[href]')).map((a) => [
          a.getAttribute('href'),
          a.getAttribute('rel'),
        ]);
        expect(hrefs).to.deep.equal([['https://evil.example/', 'noopener noreferrer']]);
        // Nothing in the body can borrow the card's id, classes or slot.
        expect(root(el).querySelectorAll('#title')).to.have.length(1);
        expect(body.querySelector('.link, [id], [class]')).to.be.null;
        expect(body.querySelector('slot')).to.be.null;
        const data = JSON.parse((await jsonLdWritten())[0].textContent) as Json;
        expect(data['headline']).to.equal(payload);
        expect(data['url']).to.be.undefined;
        expect(data['image']).to.be.undefined;
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('when loading', () => {
    it('keeps its bars visible in forced colours (Windows High Contrast)', async () => {
      const el = await card(
        html`<civic-article-card
          src=${`/faults/hang?ms=30000&key=fc-${Math.random()}`}
        ></civic-article-card>`,
        '.placeholder',
      );
      await emulateMedia({ forcedColors: 'active' });
      try {
        for (const part of ['.title', '.meta', '.lead']) {
          const bar = getComputedStyle($(el, `.placeholder ${part}`)!);
          // Before: the bars are a background, which forced colours drop: an empty frame.
          expect(bar.backgroundImage, part).to.equal('none');
          expect(bar.borderTopStyle, part).to.equal('solid');
          expect(bar.borderTopWidth, part).to.equal('1px');
        }
      } finally {
        await emulateMedia({ forcedColors: 'none' });
        el.remove();
      }
    });

    it('shows a skeleton of a typical card, with one status region, and passes axe', async () => {
      const { el } = await provided({ status: 'loading' });
      const base = $(el, '[part=base]')!;
      expect(base.classList.contains('placeholder')).to.be.true;
      expect(text($(el, '[role=status]'))).to.equal('Đang tải…');
      expect($(el, '.media'), 'no image box: most articles have none').to.be.null;
      expect(base.getBoundingClientRect().height).to.be.greaterThan(150);
      await expect(el).to.be.accessible();
    });

    it('has one status region while a full card loads', async () => {
      const { el } = await provided(
        { status: 'loading' },
        html`<civic-article-card variant="full"></civic-article-card>`,
      );
      expect(root(el).querySelectorAll('[role=status], [role=alert], [aria-live]')).to.have.length(
        1,
      );
      await expect(el).to.be.accessible();
    });

    /**
     * The placeholder's height, then the loaded card's, for one item of `doc` at `width`:
     * a real feed state going from loading to ready through the context.
     */
    async function heightsWhileLoading(
      doc: Json,
      id: string,
      width: number,
      variant: string,
      actions = '',
    ) {
      const { el, provider } = await provided(
        { status: 'loading' },
        html`<civic-article-card
          variant=${variant}
          item-id=${id}
          actions=${actions}
        ></civic-article-card>`,
      );
      el.parentElement!.style.width = `${width}px`;
      expect($(el, '.placeholder'), 'placeholder first').to.exist;
      const before = el.getBoundingClientRect().height;
      const { feed } = toFeed(clone(doc));
      provider.setValue({ status: 'ready', feed, retry: () => {} });
      await waitUntil(() => $(el, 'article'), 'the article did not show');
      await el.updateComplete;
      return { before, after: el.getBoundingClientRect().height };
    }

    // The placeholder is an estimate of a typical card: the loaded card takes its own
    // natural size, close to it. 390 px is a phone, 1000 px a desktop column.
    for (const width of [390, 1000]) {
      for (const variant of ['summary', 'compact']) {
        it(`estimates the loaded height: ${variant}, ${width} px, every sample item`, async () => {
          const errors: number[] = [];
          for (const doc of [viDoc, enDoc]) {
            for (const item of items(doc)) {
              const id = item['id'] as string;
              const { before, after } = await heightsWhileLoading(doc, id, width, variant);
              const error = Math.abs(before - after) / after;
              // An image (which the placeholder cannot foresee) adds its own frame.
              if (!item['image'])
                expect(error, `${id}: placeholder ${before} px, card ${after} px`).to.be.below(
                  0.75,
                );
              errors.push(error);
            }
          }
          const mean = errors.reduce((a, b) => a + b, 0) / errors.length;
          expect(mean, 'mean error').to.be.below(0.3);
        });
      }
      it(`counts the action buttons' row in the estimate (${width} px)`, async () => {
        const { before, after } = await heightsWhileLoading(
          viDoc,
          '2019-antq-ket-qua',
          width,
          'summary',
          'print share copy-link',
        );
        expect(Math.abs(before - after) / after).to.be.below(0.3);
      });
    }
  });

  describe('at its natural size', () => {
    const long = 'Một tiêu đề rất dài '.repeat(20);
    const item = {
      id: 'long',
      url: 'https://x.example/a',
      title: long,
      summary: long,
      content_text: 'Body',
    };

    it("sizes its text from the page's text, not the root's (html { font-size: 62.5% })", async () => {
      const root = document.documentElement;
      root.style.fontSize = '62.5%';
      try {
        const wrap = await fixture<HTMLElement>(
          html`<div style="font-size: 16px">
            <civic-article-card
              .item=${{ ...item, date_published: '2020-03-20T03:57:36+07:00' }}
            ></civic-article-card>
          </div>`,
        );
        const el = wrap.querySelector('civic-article-card')!;
        await waitUntil(() => $(el, 'article'), 'no article');
        const px = (sel: string) => getComputedStyle($(el, sel)!).fontSize;
        // Before: the title at 12.5 px under its 16 px summary, the meta line at 8.75 px.
        expect(px('[part=title]')).to.equal('20px');
        expect(px('[part=meta]')).to.equal('14px');
        expect(getComputedStyle($(el, '.card')!).paddingTop).to.equal('16px');
      } finally {
        root.style.fontSize = '';
      }
    });

    it('wraps a long title in full and stops a long summary at three lines', async () => {
      const el = await card(html`<civic-article-card .item=${item}></civic-article-card>`);
      const title = $(el, '[part=title]')!;
      expect(title.scrollHeight, 'not clamped').to.equal(title.clientHeight);
      expect(title.clientHeight, 'several lines').to.be.greaterThan(100);
      expect(text(title.querySelector('a')), 'the whole title is the link name').to.equal(
        long.trim(),
      );
      const summary = $(el, '[part=summary]')!;
      const style = getComputedStyle(summary);
      expect(style.getPropertyValue('-webkit-line-clamp')).to.equal('3');
      expect(summary.scrollHeight, 'clamped').to.be.greaterThan(summary.clientHeight);
      expect(summary.clientHeight).to.be.closeTo(3 * Number.parseFloat(style.lineHeight), 1);
    });

    it('reserves no blank lines: no image frame, summary or taxonomy an article does not have', async () => {
      const bare = { id: 'bare', url: 'https://x.example/b', title: 'Ngắn' };
      const el = await card(html`<civic-article-card .item=${bare}></civic-article-card>`);
      const base = $(el, '[part=base]')!;
      expect(Array.from(base.children).map((c) => c.localName)).to.deep.equal(['h3']);
    });

    it('wraps the meta line with no "|" at the start or end of a line', async () => {
      const el = await card(html`<civic-article-card src=${VI}></civic-article-card>`);
      el.style.width = '230px';
      await el.updateComplete;
      const meta = $(el, '[part=meta]')!;
      expect(text(meta)).to.equal(SEED_META);
      const views = meta.querySelector('.views')!.getBoundingClientRect();
      const date = meta.querySelector('.date')!.getBoundingClientRect();
      expect(views.top, 'wrapped').to.be.greaterThan(date.top);
      const sep = meta.querySelector('.sep')!.getBoundingClientRect();
      const box = meta.getBoundingClientRect();
      expect(sep.right, 'the separator is outside the meta box, clipped').to.be.at.most(box.left);
      el.style.width = '';
    });

    it('drops a tag that only repeats the category', async () => {
      const el = await card(
        html`<civic-article-card
          .item=${{ ...item, tags: ['Thông báo', 'Tuyển sinh'], _civic: { category: 'Thông báo' } }}
        ></civic-article-card>`,
      );
      expect(text($(el, '[part=category]'))).to.equal('Chuyên mục: Thông báo');
      expect(Array.from(root(el).querySelectorAll('.tag')).map((t) => text(t))).to.deep.equal([
        'Tuyển sinh',
      ]);
    });

    it('shows the summary once in a full card whose body opens with it', async () => {
      const repeated = {
        ...item,
        summary: 'Câu mở đầu của bài.',
        content_html: '<p>Câu mở đầu <em>của</em> bài.</p><p>Đoạn hai.</p>',
      };
      const el = await card(
        html`<civic-article-card .item=${repeated} variant="full"></civic-article-card>`,
      );
      await bodyOf(el);
      expect($(el, '[part=summary]'), 'no lead').to.be.null;
      const other = await card(
        html`<civic-article-card
          .item=${{ ...repeated, summary: 'Một tóm tắt khác.' }}
          variant="full"
        ></civic-article-card>`,
      );
      await bodyOf(other);
      expect(text($(other, '[part=summary]'))).to.equal('Một tóm tắt khác.');
    });

    it("points the body's relative links and pictures beside the article, not into the page", async () => {
      const el = await card(
        html`<civic-article-card
          .item=${{
            id: 'rel',
            url: 'https://agency.example/news/a.html',
            title: 'Tin của cơ quan khác',
            content_html: '<p><a href="tin/2.html">Tin liên quan</a></p>',
          }}
          variant="full"
        ></civic-article-card>`,
      );
      const body = await bodyOf(el);
      await waitUntil(() => body.querySelector('a'), 'no link');
      expect(body.querySelector('a')!.getAttribute('href')).to.equal(
        'https://agency.example/news/tin/2.html',
      );
    });

    it('styles a Markdown blockquote as a quote', async () => {
      const el = await card(
        html`<civic-article-card
          .item=${{ ...item, _civic: { markdown: '> Trích dẫn lời phát biểu.\n\nĐoạn sau.' } }}
          variant="full"
        ></civic-article-card>`,
      );
      const body = await bodyOf(el);
      await waitUntil(() => body.querySelector('blockquote'), 'no blockquote');
      const style = getComputedStyle(body.querySelector('blockquote')!);
      expect(Number.parseFloat(style.borderInlineStartWidth)).to.be.greaterThan(0);
      // The space between the bar and the text is on the bar's side, in either direction.
      expect(style.paddingInlineStart).to.equal(style.fontSize);
      expect(style.fontStyle).to.equal('italic');
      el.dir = 'rtl';
      expect(getComputedStyle(body.querySelector('blockquote')!).paddingRight).to.equal(
        style.fontSize,
      );
    });

    it('keeps light-DOM fallback content out of the loading and loaded states', async () => {
      const el = await card(
        html`<civic-article-card src=${VI}><a href="/tin-tuc">Tin tức</a></civic-article-card>`,
      );
      expect($(el, 'slot')).to.be.null;
      expect(
        el.querySelector('a')!.getBoundingClientRect().height,
        'fallback not rendered',
      ).to.equal(0);
    });
  });

  describe('when the feed is empty', () => {
    it('says "Chưa có tin" and passes axe', async () => {
      const { feed } = toFeed({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Empty',
        items: [],
      });
      const { el } = await provided({ status: 'empty', feed });
      expect(text($(el, '[part=status]'))).to.equal('Chưa có tin');
      expect($(el, '[part=status]')!.getAttribute('role'), 'announced').to.equal('status');
      await expect(el).to.be.accessible();
    });
  });

  describe('when the feed fails', () => {
    it('shows the error, the fallback slot and a working "Thử lại" (a real 404)', async () => {
      const el = await fixture<CivicArticleCard>(
        html`<civic-article-card src="/tests/fixtures/does-not-exist.json"
          ><a href="/tin-tuc">Xem tin tức</a></civic-article-card
        >`,
      );
      await waitUntil(() => $(el, '[role=alert]'), 'no error state');
      const alert = $(el, '[role=alert]')!;
      expect(text(alert)).to.contain('Không tải được tin.');
      // The visitor reads a plain sentence; the HTTP status and URL wait in a closed "Chi tiết".
      expect(alert.innerText).not.to.match(/HTTP|404|\/tests\/|\.json/);
      const details = alert.querySelector('details')!;
      expect(details.open).to.be.false;
      expect(text(details.querySelector('summary'))).to.equal('Chi tiết');
      expect(text(details)).to.contain('HTTP 404');
      expect($(el, 'slot')).to.exist;
      expect(
        el.querySelector('a')!.getBoundingClientRect().height,
        'fallback shown',
      ).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
      const again = oneEvent(el, 'civic-feed-error');
      const retry = $<HTMLButtonElement>(el, 'button.retry')!;
      expect(text(retry)).to.equal('Thử lại');
      retry.click();
      await again;
      // The entry is written once the 404's body is in, which may be after the event.
      const requests = () =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.name.endsWith('/tests/fixtures/does-not-exist.json'));
      await waitUntil(() => requests().length === 2, 'retry made no new request');
      expect($(el, '[role=alert]'), 'still the error state').to.exist;
    });

    it('shows the article after "Thử lại" when the feed works again', async () => {
      const key = `${Date.now()}-${Math.random()}`;
      const el = await fixture<CivicArticleCard>(
        html`<civic-article-card
          src=${`/article-card/fails-once.json?key=${key}`}
        ></civic-article-card>`,
      );
      await waitUntil(() => $(el, 'button.retry'), 'no error state');
      // By keyboard: the button gives way to the skeleton, and focus stays on the card.
      $<HTMLButtonElement>(el, 'button.retry')!.focus();
      await sendKeys({ press: 'Enter' });
      expect(document.activeElement === el, 'focus kept on the card').to.be.true;
      await waitUntil(() => $(el, 'article'), 'no article after retry');
      expect(document.activeElement === el, 'focus still on the card').to.be.true;
      expect(text($(el, '[part=meta]'))).to.equal(SEED_META);
    });
  });

  describe('when only a saved copy is left (stale)', () => {
    it('shows the saved article with when it was fetched (a real failing reload)', async () => {
      const key = `${Date.now()}-${Math.random()}`;
      const el = await card(
        html`<civic-article-card
          src=${`/article-card/works-once.json?key=${key}`}
        ></civic-article-card>`,
      );
      const reload = (el as unknown as { source: { state: FeedState } }).source.state.retry;
      reload();
      await waitUntil(() => $(el, '.stale'), 'no saved-copy note');
      const state = (el as unknown as { source: { state: FeedState } }).source.state;
      expect(state.status).to.equal('stale');
      expect(text($(el, '[part=meta]'))).to.equal(SEED_META);
      const when = formatDate(state.fetchedAt!, 'Asia/Ho_Chi_Minh', 'vi');
      expect(text($(el, '.stale'))).to.equal(`Bản lưu lúc ${when}, chưa cập nhật được tin mới`);
      await expect(el).to.be.accessible();
    });

    it('prints the note from a provided stale state in the feed zone', async () => {
      const { feed } = toFeed(clone(viDoc));
      const fetchedAt = new Date('2020-03-21T01:02:03Z');
      const { el } = await provided({ status: 'stale', feed: feed, fetchedAt });
      expect(text($(el, '.stale'))).to.equal(
        'Bản lưu lúc 21/03/2020 08:02:03, chưa cập nhật được tin mới',
      );
    });
  });

  describe('when themed', () => {
    it('takes --civic-article-card-* properties and exposes its parts', async () => {
      const el = await card(
        html`<civic-article-card src=${VI} item-id="2020-tong-ket-cong-tac"></civic-article-card>`,
      );
      el.style.setProperty('--civic-article-card-title-color', 'rgb(1, 2, 3)');
      el.style.setProperty('--civic-article-card-meta-color', 'rgb(4, 5, 6)');
      el.style.setProperty('--civic-article-card-radius', '13px');
      expect(getComputedStyle($(el, '[part=title]')!).color).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle($(el, '[part=meta]')!).color).to.equal('rgb(4, 5, 6)');
      expect(getComputedStyle($(el, '[part=base]')!).borderTopLeftRadius).to.equal('13px');
      for (const part of ['base', 'image', 'title', 'meta', 'summary', 'category']) {
        expect($(el, `[part~=${part}]`), part).to.exist;
      }
    });

    it('has no inline style attributes anywhere (strict CSP)', async () => {
      const el = await card(
        html`<civic-article-card
          src=${VI}
          item-id="2020-tuyen-sinh-cand"
          variant="full"
          actions="print share copy-link"
        ></civic-article-card>`,
      );
      await attachmentsOf(el);
      expect(root(el).querySelector('[style]')).to.be.null;
    });
  });

  describe('when the script is loaded twice', () => {
    it('a second define module import throws nothing and keeps the first class', async () => {
      await import(
        `../../../src/components/article-card/article-card.define.ts?again=${Date.now()}`
      );
      expect(customElements.get('civic-article-card')).to.equal(CivicArticleCard);
    });
  });
});

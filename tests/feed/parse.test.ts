import { expect } from '@open-wc/testing';
import { FeedError } from '../../src/feed/errors.js';
import type { Article, Feed, FeedWarning } from '../../src/feed/model.js';
import { parseFeed, toArticle, toFeed } from '../../src/feed/parse.js';

const FIXTURES = '/tests/fixtures/';
const BASE = 'https://congan.tinh.example/feed';

async function text(name: string): Promise<string> {
  const response = await fetch(FIXTURES + name);
  return response.text();
}

function parseError(body: string, contentType?: string): FeedError {
  try {
    parseFeed(body, { url: BASE, contentType });
  } catch (e) {
    expect(e).to.be.instanceOf(FeedError);
    return e as FeedError;
  }
  throw new Error('parseFeed accepted a broken document');
}

function warningsText(warnings: FeedWarning[]): string[] {
  return warnings.map((w) => `${w.path}: ${w.message}`);
}

function byId(feed: Feed, id: string): Article {
  const item = feed.items.find((a) => a.id === id);
  if (!item) throw new Error(`no item ${id}`);
  return item;
}

describe('parseFeed', () => {
  describe('when the document is a JSON Feed', () => {
    it('maps the seed article onto the model with real instants', async () => {
      const { feed, warnings } = parseFeed(await text('vi-cong-an-tinh.json'), { url: BASE });
      expect(warnings).to.deep.equal([]);
      expect(feed.format).to.equal('json');
      expect(feed.title).to.equal('Tin tức - Công an tỉnh');
      expect(feed.timeZone).to.equal('Asia/Ho_Chi_Minh');
      expect(feed.language).to.equal('vi');
      expect(feed.items).to.have.length(10);
      const seed = feed.items[0];
      expect(seed.id).to.equal('2019-antq-ket-qua');
      expect(seed.modified!.toISOString()).to.equal('2020-03-19T20:57:36.000Z');
      expect(seed.published!.toISOString()).to.equal('2020-03-19T09:20:00.000Z');
      expect(seed.views).to.equal(2007);
      expect(seed.category).to.equal('Phong trào toàn dân bảo vệ ANTQ');
      expect(seed.featured).to.equal(true);
      expect(seed.pinned).to.equal(false);
      expect(seed.authors).to.deep.equal([{ name: 'Phòng Tham mưu' }]);
      expect(seed.markdown).to.contain('**Chỉ thị 09-CT/TW**');
    });

    it("keeps the publisher's order", async () => {
      const { feed } = parseFeed(await text('vi-cong-an-tinh.json'), { url: BASE });
      expect(feed.items.map((a) => a.id).slice(0, 3)).to.deep.equal([
        '2019-antq-ket-qua',
        '2020-tong-ket-cong-tac',
        '2020-lua-dao-mang-xa-hoi',
      ]);
    });

    it('reads attachments, pinned and a zero view count', async () => {
      const { feed } = parseFeed(await text('vi-cong-an-tinh.json'), { url: BASE });
      const notice = byId(feed, '2020-tuyen-sinh-cand');
      expect(notice.pinned).to.equal(true);
      expect(notice.attachments).to.deep.equal([
        {
          url: 'https://congan.tinh.example/van-ban/huong-dan-tuyen-sinh-2020.pdf',
          mimeType: 'application/pdf',
          title: 'Hướng dẫn tuyển sinh 2020',
          sizeInBytes: 482113,
        },
      ]);
      expect(byId(feed, '2020-lich-tiep-cong-dan').views).to.equal(0);
    });

    it('reads a JSON Feed 1.0 document with a single author', () => {
      const { feed, warnings } = parseFeed(
        JSON.stringify({
          version: 'https://jsonfeed.org/version/1',
          title: 'Cũ',
          items: [{ id: '1', content_html: '<p>Xin chào</p>', author: { name: 'Ban biên tập' } }],
        }),
      );
      expect(warnings).to.deep.equal([]);
      expect(feed.items[0].authors).to.deep.equal([{ name: 'Ban biên tập' }]);
      expect(feed.items[0].contentHtml).to.equal('<p>Xin chào</p>');
    });
  });

  describe('when the document is RSS 2.0', () => {
    it('lists the items newest first', async () => {
      const { feed, warnings } = parseFeed(await text('vi-cong-an-tinh.rss.xml'), { url: BASE });
      expect(warnings).to.deep.equal([]);
      expect(feed.format).to.equal('rss');
      expect(feed.items.map((a) => a.id)).to.deep.equal([
        'https://congan.tinh.example/tin-tuc/triet-pha-duong-day-mua-ban-trai-phep-chat-ma-tuy',
        '2020-lua-dao-mang-xa-hoi',
        'https://congan.tinh.example/tin-tuc/tang-cuong-phong-chay-chua-chay-mua-hanh-kho',
        '2020-tuyen-sinh-cand',
        '2019-antq-ket-qua',
        'https://congan.tinh.example/tin-tuc/ra-quan-dam-bao-trat-tu-an-toan-giao-thong-tet-canh-ty-2020',
        'https://congan.tinh.example/tin-tuc/hoi-nghi-tong-ket-cong-tac-cong-an-nam-2019',
      ]);
      const times = feed.items.map((a) => a.published!.getTime());
      expect([...times].sort((a, b) => b - a)).to.deep.equal(times);
    });

    it('maps channel, RFC 822 dates, guid, HTML description, category, author and media', async () => {
      const { feed } = parseFeed(await text('vi-cong-an-tinh.rss.xml'), { url: BASE });
      expect(feed.title).to.equal('Tin tức - Công an tỉnh');
      expect(feed.homePageUrl).to.equal('https://congan.tinh.example/');
      expect(feed.language).to.equal('vi');
      expect(feed.nextUrl).to.equal('https://congan.tinh.example/rss.xml?trang=2');

      const drugs = feed.items[0];
      expect(drugs.published!.toISOString()).to.equal('2020-07-16T04:05:00.000Z');
      expect(drugs.contentHtml).to.equal(
        '<p>Phòng Cảnh sát điều tra tội phạm về ma túy phối hợp Công an huyện bắt giữ 6 đối tượng, thu giữ 2,4 kg ma túy tổng hợp.</p>',
      );
      expect(drugs.summary).to.equal(
        'Phòng Cảnh sát điều tra tội phạm về ma túy phối hợp Công an huyện bắt giữ 6 đối tượng, thu giữ 2,4 kg ma túy tổng hợp.',
      );

      const fraud = byId(feed, '2020-lua-dao-mang-xa-hoi');
      expect(fraud.url).to.equal(
        'https://congan.tinh.example/tin-tuc/canh-bao-thu-doan-lua-dao-qua-mang-xa-hoi',
      );
      expect(fraud.published!.toISOString()).to.equal('2020-07-14T03:30:00.000Z');
      expect(fraud.contentHtml).to.contain('<strong>cảnh giác</strong>');
      expect(fraud.summary).to.contain('"phục vụ điều tra"');
      expect(fraud.authors).to.deep.equal([{ name: 'Phòng Cảnh sát hình sự' }]);
      expect(fraud.image).to.equal('https://congan.tinh.example/anh/canh-bao-lua-dao.jpg');
      expect(fraud.category).to.equal('Cảnh báo tội phạm');

      const notice = byId(feed, '2020-tuyen-sinh-cand');
      // A relative link is resolved against the feed URL.
      expect(notice.url).to.equal(
        'https://congan.tinh.example/thong-bao/tuyen-sinh-cac-truong-cong-an-nhan-dan-nam-2020',
      );
      expect(notice.tags).to.deep.equal(['Thông báo', 'Tuyển sinh']);
      expect(notice.authors).to.deep.equal([{ name: 'Phòng Tổ chức cán bộ' }]);
      expect(notice.attachments).to.deep.equal([
        {
          url: 'https://congan.tinh.example/van-ban/huong-dan-tuyen-sinh-2020.pdf',
          mimeType: 'application/pdf',
          sizeInBytes: 482113,
        },
      ]);

      // An image enclosure is the item's image, and media:content with medium="image" too.
      expect(feed.items[5].image).to.equal('https://congan.tinh.example/anh/ra-quan-atgt.jpg');
      expect(feed.items[5].attachments).to.deep.equal([]);
      expect(feed.items[6].image).to.equal(
        'https://congan.tinh.example/anh/hoi-nghi-tong-ket-2019.jpg',
      );
    });
  });

  describe('when the document is Atom 1.0', () => {
    it('lists the entries newest first', async () => {
      const { feed, warnings } = parseFeed(await text('vi-cong-an-tinh.atom.xml'), { url: BASE });
      expect(warnings).to.deep.equal([]);
      expect(feed.format).to.equal('atom');
      expect(
        feed.items.map((a) => a.id.replace('tag:congan.tinh.example,2020:', '')),
      ).to.deep.equal([
        '2020-bat-doi-tuong-ma-tuy',
        '2020-lua-dao-mang-xa-hoi',
        '2020-lich-tiep-cong-dan',
        '2020-dvc-truc-tuyen',
        '2020-khen-thuong-antq',
        '2020-tuyen-sinh-cand',
      ]);
    });

    it('maps links, dates, text/html/xhtml content, categories and enclosures', async () => {
      const { feed } = parseFeed(await text('vi-cong-an-tinh.atom.xml'), { url: BASE });
      expect(feed.title).to.equal('Tin tức - Công an tỉnh');
      expect(feed.description).to.equal('Tin tức, thông báo của Công an tỉnh');
      expect(feed.homePageUrl).to.equal('https://congan.tinh.example/');
      expect(feed.language).to.equal('vi');

      const [drugs, fraud, schedule, online, , admissions] = feed.items as [
        Article,
        Article,
        Article,
        Article,
        Article,
        Article,
      ];
      expect(drugs.authors).to.deep.equal([
        { name: 'Công an tỉnh', url: 'https://congan.tinh.example/' },
      ]);
      expect(fraud.contentHtml).to.equal(
        '<p>Người dân cần <strong>cảnh giác</strong> với các cuộc gọi giả danh cơ quan Công an.</p>',
      );
      expect(fraud.authors).to.deep.equal([{ name: 'Phòng Cảnh sát hình sự' }]);
      expect(fraud.image).to.equal('https://congan.tinh.example/anh/canh-bao-lua-dao.jpg');
      expect(fraud.published!.toISOString()).to.equal('2020-07-14T03:30:00.000Z');
      expect(fraud.modified!.toISOString()).to.equal('2020-07-15T01:00:00.000Z');
      expect(schedule.url).to.equal(
        'https://congan.tinh.example/thong-bao/lich-tiep-cong-dan-thang-7-2020',
      );
      expect(schedule.contentText).to.match(/^Giám đốc Công an tỉnh tiếp công dân/);
      expect(online.contentHtml).to.equal(
        '<p>Từ ngày <strong>01/07/2020</strong>, công dân có thể nộp hồ sơ qua Cổng dịch vụ công.</p>',
      );
      expect(online.tags).to.deep.equal(['Thông báo', 'Cải cách hành chính']);
      expect(online.category).to.equal('Thông báo');
      expect(admissions.attachments).to.deep.equal([
        {
          url: 'https://congan.tinh.example/van-ban/huong-dan-tuyen-sinh-2020.pdf',
          mimeType: 'application/pdf',
          title: 'Hướng dẫn tuyển sinh 2020',
          sizeInBytes: 482113,
        },
      ]);
    });
  });

  describe('when given bytes', () => {
    it('decodes them as loadFeed does, by the bytes and the Content-Type charset (issue #9)', async () => {
      const response = await fetch(
        '/faults/encoded/vi-undeclared.rss.xml?to=windows-1258&type=application/rss%2Bxml;charset=windows-1258',
      );
      const bytes = await response.arrayBuffer();
      const contentType = response.headers.get('content-type');
      const title = 'Thông báo - Ủy ban nhân dân xã Đức Hòa';
      expect(parseFeed(bytes, { contentType }).feed.title).to.equal(title);
      expect(parseFeed(new Uint8Array(bytes), { contentType }).feed.title).to.equal(title);
      // Without the charset, the same bytes are not UTF-8 at all: read as windows-1252.
      expect(parseFeed(bytes).feed.title).to.not.equal(title);
    });
  });

  describe('when the Content-Type is wrong', () => {
    it('tells the format by the body', async () => {
      for (const [name, format] of [
        ['vi-cong-an-tinh.json', 'json'],
        ['vi-cong-an-tinh.rss.xml', 'rss'],
        ['vi-cong-an-tinh.atom.xml', 'atom'],
      ] as const) {
        const body = await text(name);
        expect(parseFeed(body, { contentType: 'text/html' }).feed.format).to.equal(format);
        expect(parseFeed(`\uFEFF\n  ${body}`, { contentType: 'text/plain' }).feed.format).to.equal(
          format,
        );
      }
    });
  });

  describe('when a usable feed has bad parts', () => {
    it('keeps the good items, drops bad fields and says where (JSON Feed)', async () => {
      const { feed, warnings } = parseFeed(await text('bad-parts.json'), {
        url: 'https://congan.tinh.example/feed.json',
      });
      expect(feed.items.map((a) => a.id)).to.deep.equal(['tot', 'ngay-sai', '2020', 'dinh-kem']);
      expect(warningsText(warnings)).to.deep.equal([
        '_civic.time_zone: "Asia/Ha_Noi_Khong_Co" is not an IANA time zone',
        'home_page_url: "javascript:alert(\'home\')" is not an http, https or mailto URL; dropped',
        'next_url: "ftp://congan.tinh.example/trang-2.json" is not an http, https or mailto URL; dropped',
        'items[1].url: "javascript:alert(1)" is not an http, https or mailto URL; dropped',
        'items[1].date_published: "20/03/2020" is not an RFC 3339 date',
        'items[1].date_modified: "2020-02-30T10:00:00+07:00" is not an RFC 3339 date',
        'items[2]: has neither an id nor a url; skipped',
        'items[3]: has neither a title nor any content; skipped',
        'items[4].tags[1]: 7 is not a string',
        'items[4]._civic.pinned: "yes" is not true or false',
        'items[4]._civic.views: -3 is not a non-negative integer',
        'items[5]: "không phải một đối tượng" is not an object; skipped',
        'items[6].attachments[0].url: "data:application/pdf;base64,JVBERi0=" is not an http, https or mailto URL; dropped',
        'items[6].attachments[1]: has no url; dropped',
        'items[6].attachments[2].size_in_bytes: 1.5 is not a non-negative integer',
        'items[6]._civic.views: "nhiều" is not a non-negative integer',
      ]);
      expect(feed.homePageUrl).to.equal(undefined);
      expect(feed.timeZone).to.equal(undefined);
      const dated = byId(feed, 'ngay-sai');
      expect(dated).not.to.have.property('published');
      expect(dated).not.to.have.property('modified');
      expect(dated).not.to.have.property('url');
      expect(dated.image).to.equal('https://congan.tinh.example/anh/ngay-sai.jpg');
      const numeric = byId(feed, '2020');
      expect(numeric.tags).to.deep.equal(['Thông báo']);
      expect(numeric).not.to.have.property('views');
      expect(numeric.pinned).to.equal(false);
      expect(byId(feed, 'dinh-kem').attachments).to.deep.equal([
        { url: 'https://congan.tinh.example/van-ban/quyet-dinh.pdf', title: 'Quyết định' },
      ]);
    });

    it('keeps the good items, drops bad fields and says where (RSS)', async () => {
      const { feed, warnings } = parseFeed(await text('bad-parts.rss.xml'), { url: BASE });
      expect(feed.items.map((a) => a.id)).to.deep.equal([
        'lien-ket-nguy-hiem',
        'https://congan.tinh.example/tin-tuc/ngay-hong',
      ]);
      expect(warningsText(warnings)).to.deep.equal([
        'item[0].enclosure.length: "khoảng 2 MB" is not a non-negative integer; not used',
        'item[0].pubDate: "Thứ 5, 16/07/2020" is not an RFC 822 or RFC 3339 date; not used',
        'item[1].link: "javascript:alert(1)" is not an http, https or mailto URL; dropped',
        'item[2]: has neither an id nor a url; skipped',
        'item[3]: has neither a title nor any content; skipped',
      ]);
      expect(feed.items[1].attachments).to.deep.equal([
        { url: 'https://congan.tinh.example/van-ban/a.pdf', mimeType: 'application/pdf' },
      ]);
    });

    it('keeps the good items, drops bad fields and says where (Atom)', async () => {
      const { feed, warnings } = parseFeed(await text('bad-parts.atom.xml'), { url: BASE });
      expect(feed.items.map((a) => a.id)).to.deep.equal(['tag:congan.tinh.example,2020:ngay-hong']);
      expect(warningsText(warnings)).to.deep.equal([
        'entry[0].published: "2020-07-16" is not an RFC 822 or RFC 3339 date; not used',
        'entry[0].updated: "16/07/2020 11:05" is not an RFC 822 or RFC 3339 date; not used',
        'entry[1]: has neither an id nor a url; skipped',
        'entry[2]: has neither a title nor any content; skipped',
      ]);
    });
  });

  describe('when the document is not a usable feed', () => {
    it('says where JSON breaks off, in bytes', async () => {
      const body = await text('vi-cong-an-tinh.json');
      const bytes = new TextEncoder().encode(body);
      // 800 bytes in, on a character boundary (the next byte starts "ả").
      const cut = new TextDecoder().decode(bytes.subarray(0, 800));
      expect(parseError(cut).message).to.equal('not JSON: unexpected end of input at byte 800');
    });

    it('says what character is wrong and where', () => {
      expect(parseError('{"version": "x", "items": [1,]}').message).to.equal(
        'not JSON: unexpected "]" at byte 29',
      );
      expect(parseError('{"tiêu đề": "Tin", }').message).to.equal(
        'not JSON: expected a property name in double quotes but found "}" at byte 23',
      );
      expect(parseError('{"a": 1} x').message).to.equal(
        'not JSON: unexpected "x" after the end of the JSON value at byte 9',
      );
      expect(parseError('Service Unavailable').message).to.equal(
        'not JSON: unexpected "S" at byte 0',
      );
    });

    it('says when it is JSON but not a JSON Feed', () => {
      expect(
        parseError('{"version":"https://jsonfeed.org/version/1.1","items":{}}').message,
      ).to.equal('not a JSON Feed: "items" must be an array');
      expect(parseError('{"version":"https://jsonfeed.org/version/1.1"}').message).to.equal(
        'not a JSON Feed: "items" is missing',
      );
      expect(parseError('{"error":"Không tìm thấy"}').message).to.equal(
        'not a JSON Feed: no "version" and no "items"',
      );
      expect(parseError('[1, 2]').message).to.equal(
        'not a JSON Feed: the document is an array, not an object',
      );
    });

    it('says when it is an HTML page', () => {
      expect(parseError('<!DOCTYPE html><html><body>Lỗi</body></html>').message).to.equal(
        'not a feed: got an HTML page, not JSON Feed, RSS or Atom',
      );
      expect(parseError('<html lang="vi"><p>Lỗi</p>', 'application/json').message).to.equal(
        'not a feed: got an HTML page, not JSON Feed, RSS or Atom',
      );
    });

    it('says where XML breaks, and which root it does not know', () => {
      expect(parseError('<rss><channel><item></channel></rss>').message).to.match(
        /^not XML: .+ at line 1, column \d+$/,
      );
      expect(
        parseError('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>').message,
      ).to.equal('not a feed: the XML root is <urlset>, not <rss> or Atom <feed>');
      expect(parseError('<rss version="2.0"></rss>').message).to.equal(
        'not an RSS feed: no <channel> element',
      );
      expect(parseError('   ').message).to.equal('not a feed: the response is empty');
    });

    it('accepts an empty item list as a usable, empty feed', () => {
      const { feed } = parseFeed(
        '{"version":"https://jsonfeed.org/version/1.1","title":"Trống","items":[]}',
      );
      expect(feed.items).to.deep.equal([]);
    });
  });
});

describe('toFeed and toArticle', () => {
  it('accept a raw JSON Feed document and item', async () => {
    const doc = JSON.parse(await text('vi-cong-an-tinh.json')) as { items: unknown[] };
    const { feed } = toFeed(doc);
    expect(feed.items[0].published).to.be.instanceOf(Date);
    const article = toArticle(doc.items[0]);
    expect(article?.id).to.equal('2019-antq-ket-qua');
    expect(article?.views).to.equal(2007);
  });

  it('check one feed object once, however many widgets are handed it', async () => {
    const doc = JSON.parse(await text('vi-cong-an-tinh.json')) as object;
    const first = toFeed(doc);
    expect(toFeed(doc), 'the same result, not a second check').to.equal(first);
    expect(toFeed(structuredClone(doc))).not.to.equal(first);
  });

  it('pass a model Feed and Article through, re-checked', async () => {
    const { feed } = parseFeed(await text('vi-cong-an-tinh.json'), { url: BASE });
    expect(toFeed(feed).feed).to.deep.equal(feed);
    expect(toArticle(feed.items[0])).to.deep.equal(feed.items[0]);
    const broken = {
      ...feed.items[0],
      published: new Date(NaN),
      views: Number.NaN,
      url: 'javascript:x',
    };
    const checked = toArticle(broken)!;
    expect(checked).not.to.have.property('published');
    expect(checked).not.to.have.property('views');
    expect(checked).not.to.have.property('url');
  });

  it('take the feed out of a whole loadFeed result', async () => {
    const parsed = parseFeed(await text('vi-cong-an-tinh.json'), { url: BASE });
    expect(toFeed({ ...parsed, url: BASE, fetchedAt: new Date() }).feed).to.deep.equal(parsed.feed);
  });

  it('refuse what is not a feed, and skip what is not an article', () => {
    expect(() => toFeed('https://congan.tinh.example/feed.json')).to.throw(FeedError);
    expect(() => toFeed(null)).to.throw(FeedError);
    expect(toArticle({ title: 'Không có id' })).to.equal(undefined);
    expect(toArticle(42)).to.equal(undefined);
  });
});

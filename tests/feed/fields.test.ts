/**
 * Issue #9, fields other feed readers find: RSS in Userland's namespace, Dublin Core
 * (elements and terms), iTunes, Atom elements inside RSS items, RSS 1.0's rdf:about,
 * Atom content of every kind RFC 4287 §4.1.3 names, and xml:base. The fixtures
 * (tests/fixtures/fields/) are loaded over HTTP, so relative URLs meet a real feed URL.
 */
import { expect } from '@open-wc/testing';
import { FeedError } from '../../src/feed/errors.js';
import { loadFeed } from '../../src/feed/load.js';
import type { Article, Feed, FeedWarning } from '../../src/feed/model.js';
import { parseFeed } from '../../src/feed/parse.js';

const FIXTURES = '/tests/fixtures/fields/';
const here = (path: string) => new URL(path, location.href).href;

async function load(name: string): Promise<{ feed: Feed; warnings: FeedWarning[] }> {
  return loadFeed(FIXTURES + name, { remember: false });
}

function byId(feed: Feed, id: string): Article {
  const item = feed.items.find((a) => a.id === id);
  if (!item) throw new Error(`no item ${id} in ${feed.items.map((a) => a.id).join(', ')}`);
  return item;
}

const iso = (d: Date | undefined) => d?.toISOString();

describe('fields other feed readers find', () => {
  it("reads RSS 2.0 whose elements are in Userland's namespace", async () => {
    const { feed, warnings } = await load('userland.rss.xml');
    expect(warnings).to.deep.equal([]);
    expect(feed.format).to.equal('rss');
    expect(feed.title).to.equal('Bản tin phường Trung Tâm');
    expect(feed.homePageUrl).to.equal('https://phuong-trung-tam.example/');
    expect(feed.language).to.equal('vi');
    const [item] = feed.items;
    expect(item.id).to.equal('ve-sinh-2020-07');
    expect(item.url).to.equal('https://phuong-trung-tam.example/tin/ve-sinh-moi-truong');
    expect(iso(item.published)).to.equal('2020-07-18T00:00:00.000Z');
    expect(item.tags).to.deep.equal(['Môi trường']);
    expect(item.authors).to.deep.equal([{ name: 'Ban biên tập' }]);
    expect(item.contentHtml).to.equal('<p>Hơn 300 đoàn viên tham gia dọn rác dọc kênh.</p>');
    expect(item.attachments).to.deep.equal([
      { url: here('/tep/ke-hoach.pdf'), mimeType: 'application/pdf', sizeInBytes: 20480 },
    ]);
  });

  it('reads Dublin Core, dcterms, iTunes and Atom elements in RSS items', async () => {
    const { feed, warnings } = await load('modules.rss.xml');
    expect(warnings).to.deep.equal([]);
    // dc:title and dc:description stand in for the channel's own.
    expect(feed.title).to.equal('Thông tin - Sở Giao thông vận tải');
    expect(feed.description).to.equal('Thông tin chỉ đạo, điều hành của Sở');

    const detour = byId(feed, 'https://sogtvt.example/tin/phan-luong');
    expect(detour.title).to.equal('Phân luồng giao thông dịp lễ');
    expect(detour.contentHtml).to.equal(
      '<p>Cấm xe tải trên đường Trần Phú từ 6 giờ đến 22 giờ.</p>',
    );
    expect(detour.summary).to.equal('Cấm xe tải trên đường Trần Phú từ 6 giờ đến 22 giờ.');
    expect(iso(detour.published)).to.equal('2020-08-28T02:00:00.000Z');
    expect(iso(detour.modified)).to.equal('2020-08-29T03:15:00.000Z');

    const podcast = byId(feed, 'https://sogtvt.example/podcast/atgt-hoc-sinh');
    expect(podcast.summary).to.equal('Những điều phụ huynh cần nhắc con trước năm học mới.');
    expect(podcast.contentText).to.equal('Những điều phụ huynh cần nhắc con trước năm học mới.');
    expect(podcast.contentHtml).to.be.undefined;
    expect(iso(podcast.published)).to.equal('2020-08-27T13:00:00.000Z');
    expect(podcast.attachments).to.deep.equal([
      {
        url: 'https://sogtvt.example/podcast/atgt-hoc-sinh.mp3',
        mimeType: 'audio/mpeg',
        sizeInBytes: 5120000,
      },
    ]);

    // atom:content is the body over the description, which stays the summary.
    const plan = byId(feed, 'https://sogtvt.example/tin/quy-hoach-ben-xe');
    expect(plan.contentHtml).to.equal(
      '<p>Toàn văn quyết định <a href="/van-ban/qd-12.pdf">số 12</a>.</p>',
    );
    expect(plan.summary).to.equal('Tóm tắt: quy hoạch ba bến xe mới.');
    expect(iso(plan.published)).to.equal('2020-08-26T01:00:00.000Z');
    expect(iso(plan.modified)).to.equal('2020-08-26T04:00:00.000Z');

    // atom:content of type xhtml, its relative link resolved against the feed's URL.
    const inspection = byId(feed, 'https://sogtvt.example/tin/dang-kiem-luu-dong');
    expect(inspection.contentHtml).to.equal(
      `<p>Xem <a href="${here(`${FIXTURES}lich.html`)}">lịch chi tiết</a>.</p>`,
    );
    expect(iso(inspection.published)).to.equal('2020-08-25T01:00:00.000Z');
  });

  it('reads RSS 1.0, each item named by its rdf:about', async () => {
    const { feed, warnings } = await load('rdf.rss.xml');
    expect(warnings).to.deep.equal([]);
    expect(feed.title).to.equal('Thư viện tỉnh - sách mới');
    expect(feed.language).to.equal('vi');
    expect(feed.items.map((a) => a.id)).to.deep.equal([
      'https://thuvien.example/sach/dia-chi-tinh',
      'https://thuvien.example/sach/lich-su-dia-phuong',
    ]);
    const [book] = feed.items;
    expect(book.url).to.equal('https://thuvien.example/sach/dia-chi-tinh?utm_source=rss');
    expect(iso(book.published)).to.equal('2020-09-01T01:00:00.000Z');
    expect(book.authors).to.deep.equal([{ name: 'Phòng Bổ sung' }]);
  });

  describe('Atom content and xml:base (RFC 4287)', () => {
    let feed: Feed;
    let warnings: FeedWarning[];
    before(async () => {
      ({ feed, warnings } = await load('content.atom.xml'));
    });

    it('resolves links against the xml:base in scope, itself against the feed URL', () => {
      expect(feed.homePageUrl).to.equal(here('/so-khcn/tin/'));
      const rice = byId(feed, 'tag:sokhcn.example,2020:lua-chiu-man');
      expect(rice.url).to.equal(here('/so-khcn/tin/2020/lua-chiu-man.html'));
      expect(rice.attachments).to.deep.equal([
        { url: here('/so-khcn/tep/bao-cao.pdf'), mimeType: 'application/pdf', sizeInBytes: 90000 },
      ]);
      expect(rice.image).to.equal('https://cdn.sokhcn.example/anh/lua.jpg');
      // The feed's author, inherited, with the feed's base.
      expect(rice.authors).to.deep.equal([
        { name: 'Văn phòng Sở', url: here('/so-khcn/gioi-thieu') },
      ]);
    });

    it('resolves relative URLs inside xhtml content, but not a fragment into the article', () => {
      const rice = byId(feed, 'tag:sokhcn.example,2020:lua-chiu-man');
      expect(rice.contentHtml).to.equal(
        `<p><img src="${here('/so-khcn/tin/2020/noi-dung/ruong.jpg')}" alt="Ruộng thử nghiệm"> Xem ` +
          `<a href="#ket-qua">kết quả</a> và <a href="${here('/van-ban/qd.pdf')}">quyết định</a>; ` +
          `<a href="https://other.example/x">nguồn</a>.</p>`,
      );
    });

    it('decodes base64 content that is text, and says why an image is not shown', () => {
      const plain = byId(feed, 'tag:sokhcn.example,2020:van-ban-thuan');
      expect(plain.contentText).to.equal('Bản tin dạng văn bản, mã hóa base64.');
      expect(plain.contentHtml).to.be.undefined;
      // dcterms:issued and dcterms:modified when published and updated are missing.
      expect(iso(plain.published)).to.equal('2020-09-09T01:00:00.000Z');
      expect(iso(plain.modified)).to.equal('2020-09-09T02:30:00.000Z');

      const photo = byId(feed, 'tag:sokhcn.example,2020:anh-hoi-thao');
      expect(photo.contentText).to.be.undefined;
      expect(photo.contentHtml).to.be.undefined;
      expect(warnings).to.deep.equal([
        {
          path: 'entry[2].content',
          message: 'base64 content of type "image/png" is not text; not shown',
          url: here(`${FIXTURES}content.atom.xml`),
        },
      ]);
    });

    it('reads XML media types as their markup, other text types as text, and skips out-of-line content', () => {
      expect(byId(feed, 'tag:sokhcn.example,2020:so-do').contentHtml).to.equal(
        '<svg viewBox="0 0 10 10"><title>Sơ đồ</title><rect width="10" height="10"></rect></svg>',
      );
      expect(byId(feed, 'tag:sokhcn.example,2020:bieu-mau').contentHtml).to.equal(
        `<div><p>Điền <a href="${here('/so-khcn/tin/mau-01.docx')}">mẫu 01</a>.</p></div>`,
      );
      expect(byId(feed, 'tag:sokhcn.example,2020:danh-muc').contentText).to.equal(
        'ma,ten\nDT01,Giống lúa chịu mặn',
      );
      const elsewhere = byId(feed, 'tag:sokhcn.example,2020:noi-khac');
      expect(elsewhere.contentHtml).to.be.undefined;
      expect(elsewhere.summary).to.equal('Bản tóm tắt.');
    });
  });

  describe('formats deliberately not read', () => {
    const refused = (text: string) => {
      try {
        parseFeed(text);
      } catch (e) {
        expect(e).to.be.instanceOf(FeedError);
        return (e as FeedError).message;
      }
      throw new Error('read a format it should refuse');
    };
    const says = (format: string) =>
      `not a feed civic-widgets reads: ${format} is not read; RSS 2.0, RSS 1.0, Atom 1.0 and JSON Feed are`;

    it('names Atom 0.3, RSS 0.90 and CDF in the error', () => {
      expect(
        refused(
          '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Cũ</title><entry><id>a</id><title>A</title></entry></feed>',
        ),
      ).to.equal(says('Atom 0.3'));
      expect(
        refused(
          '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/"><channel><title>Cũ</title><link>https://x.example/</link></channel><item><title>A</title><link>https://x.example/a</link></item></rdf:RDF>',
        ),
      ).to.equal(says('RSS 0.90'));
      expect(
        refused(
          '<CHANNEL HREF="https://x.example/"><TITLE>Cũ</TITLE><ITEM HREF="https://x.example/a"><TITLE>A</TITLE></ITEM></CHANNEL>',
        ),
      ).to.equal(says('CDF (Channel Definition Format)'));
    });
  });
});

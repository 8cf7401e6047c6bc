import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { html as litHtml, render } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import {
  bodyFallbackText,
  bodySource,
  loadBody,
  textParagraphs,
  writeBody,
} from '../../src/content/render-body.js';
import {
  civicPolicy,
  POLICY_NAME,
  safeScript,
  whileSanitizing,
} from '../../src/internal/policy.js';
import { markdownToHtml, sanitizeHtml } from '../../src/content/sanitize.js';
import { newsArticleJsonLd, scriptJson, JsonLdBlock } from '../../src/content/json-ld.js';
import { toArticle } from '../../src/feed/parse.js';
import type { Article } from '../../src/feed/model.js';
import { htmlText } from '../../src/internal/html-text.js';

const article = (item: Record<string, unknown>): Article =>
  toArticle({ id: 'a', title: 'T', ...item })!;
const clean = (dirty: string): HTMLElement => {
  const div = document.createElement('div');
  writeBody(div, sanitizeHtml(dirty), 2);
  return div;
};

describe('src/content', () => {
  describe('when choosing the body', () => {
    it('prefers markdown, then content_html, then content_text', () => {
      expect(
        bodySource(
          article({ content_text: 't', content_html: '<p>h</p>', _civic: { markdown: 'm' } }),
        ),
      ).to.deep.equal({ kind: 'markdown', text: 'm' });
      expect(bodySource(article({ content_text: 't', content_html: '<p>h</p>' }))).to.deep.equal({
        kind: 'html',
        text: '<p>h</p>',
      });
      expect(bodySource(article({ content_text: 't' }))).to.deep.equal({ kind: 'text', text: 't' });
      expect(bodySource(article({ summary: 's' }))).to.be.undefined;
    });

    it('falls back to readable text when HTML cannot be shown, loading the text reader only when it must', async () => {
      let loads = 0;
      const toText = () => {
        loads++;
        return Promise.resolve((h: string) => htmlText(h, true));
      };
      const a = article({ content_text: 'plain', content_html: '<p>h</p>' });
      expect(await bodyFallbackText(a, { kind: 'html', text: '<p>h</p>' }, toText)).to.equal(
        'plain',
      );
      expect(await bodyFallbackText(a, { kind: 'markdown', text: '**m**' }, toText)).to.equal(
        '**m**',
      );
      expect(loads).to.equal(0);
      const b = article({ content_html: '<p>Một &amp; hai</p><p>ba</p>' });
      expect(
        await bodyFallbackText(b, { kind: 'html', text: '<p>Một &amp; hai</p><p>ba</p>' }, toText),
      ).to.equal('Một & hai\n\nba');
      expect(loads).to.equal(1);
      expect(await bodyFallbackText(b, { kind: 'html', text: '<p></p>' }, toText)).to.equal(
        undefined,
      );
    });
  });

  describe('when splitting plain text', () => {
    it('makes paragraphs on blank lines and keeps single line breaks', () => {
      expect(textParagraphs('a\nb\n\n  \n\nc\r\n\r\nd')).to.deep.equal([['a', 'b'], ['c'], ['d']]);
      expect(textParagraphs('\n\n')).to.deep.equal([]);
    });
  });

  describe('when sanitizing', () => {
    it('keeps ordinary article markup', () => {
      const el = clean(
        '<p>A <strong>b</strong> <a href="/x">c</a></p><ul><li>d</li></ul><blockquote>e</blockquote><table><tr><td>f</td></tr></table>',
      );
      expect(el.querySelector('strong')).to.exist;
      expect(el.querySelector('a')!.getAttribute('href')).to.equal('/x');
      expect(el.querySelector('ul li')).to.exist;
      expect(el.querySelector('td')).to.exist;
    });

    it('allows only http, https, mailto and relative URLs, in href, src and srcset', () => {
      const el = clean(
        '<a href="https://a.example/">1</a><a href="mailto:x@y.example">2</a><a href="#frag">3</a>' +
          '<a href="JaVaScRiPt:alert(1)">4</a><a href="java&#x09;script:alert(1)">5</a><a href="vbscript:x">6</a>' +
          '<a href="data:text/html,x">7</a><a href="tel:123">8</a><img src="data:image/png;base64,AA">' +
          '<img src="/ok.png" srcset="/a.png 1x, javascript:alert(1) 2x"><img srcset="/a.png 1x, /b.png 2x">',
      );
      expect(Array.from(el.querySelectorAll('a')).map((a) => a.getAttribute('href'))).to.deep.equal(
        ['https://a.example/', 'mailto:x@y.example', '#frag', null, null, null, null, null],
      );
      const imgs = el.querySelectorAll('img');
      expect(imgs[0].hasAttribute('src')).to.be.false;
      expect(imgs[1].getAttribute('src')).to.equal('/ok.png');
      expect(imgs[1].hasAttribute('srcset')).to.be.false;
      expect(imgs[2].getAttribute('srcset')).to.equal('/a.png 1x, /b.png 2x');
    });

    it('drops forms, frames, styles, slots and the attributes that could reach the card', () => {
      const el = clean(
        '<form action="/x"><input name="q"><button>go</button></form><iframe src="/x"></iframe><object data="/x"></object>' +
          '<style>*{display:none}</style><p style="color:red" class="link" id="title" name="n" onclick="x()" tabindex="1">p</p>' +
          '<slot></slot><svg><script>alert(1)</script></svg><math><mi>x</mi></math>',
      );
      expect(
        el.querySelector('form, input, button, iframe, object, style, slot, svg, math, script'),
      ).to.be.null;
      const p = el.querySelector('p')!;
      expect(p.getAttributeNames()).to.deep.equal([]);
    });

    it("leaves a body no way to play sound, widen the page, take the card's parts or outrank its outline", () => {
      const el = clean(
        '<audio autoplay loop src="/tone.wav"></audio><video autoplay src="/v.mp4" poster="/p.png" width="640"></video>' +
          '<table width="3000" height="30000"><tr><td nowrap width="900">x</td></tr></table><hr width="3000">' +
          '<canvas width="3000" height="3000"></canvas><img src="/i.png" width="40" height="30">' +
          '<p part="title" exportparts="x">p</p><p role="heading" aria-level="1">h</p>' +
          '<div role="alert" aria-live="assertive">a</div><a href="/f" download="a.exe" aria-label="Đăng nhập">f</a>',
      );
      // Media: no autoplay or loop, controls to stop them, nothing fetched before play.
      for (const media of el.querySelectorAll('audio, video')) {
        expect(media.hasAttribute('autoplay')).to.be.false;
        expect(media.hasAttribute('loop')).to.be.false;
        expect(media.hasAttribute('controls')).to.be.true;
        expect(media.getAttribute('preload')).to.equal('none');
      }
      // Sizes only on pictures and videos (which the card's styles keep within its width).
      expect(el.querySelector('canvas')).to.be.null;
      for (const sel of ['table', 'td', 'hr'])
        expect(el.querySelector(sel)!.getAttributeNames(), sel).to.deep.equal([]);
      expect(el.querySelector('img')!.getAttribute('width')).to.equal('40');
      expect(el.querySelector('video')!.getAttribute('width')).to.equal('640');
      // No parts, roles, ARIA or downloads.
      expect(el.querySelector('[part], [exportparts], [role], [aria-level], [aria-live]')).to.be
        .null;
      const a = el.querySelector('a')!;
      expect(a.hasAttribute('download')).to.be.false;
      expect(a.hasAttribute('aria-label')).to.be.false;
    });

    it("resolves a body's relative URLs against the article's address, when given one", () => {
      const base = 'https://agency.example/news/2020/a.html';
      const div = document.createElement('div');
      writeBody(
        div,
        sanitizeHtml(
          '<a href="tin/2.html">b</a><a href="#p2">p2</a><a href="mailto:a@b.example">m</a>' +
            '<img src="/anh/a.png" srcset="anh/a.png 1x, anh/b.png 2x"><blockquote cite="../q.html">q</blockquote>',
          base,
        ),
        2,
      );
      const [rel, fragment, mail] = Array.from(div.querySelectorAll('a'));
      // Before: against the page that shows the card (the host site's own /tin/2.html).
      expect(rel.getAttribute('href')).to.equal('https://agency.example/news/2020/tin/2.html');
      expect(rel.getAttribute('rel'), 'another site now').to.equal('noopener noreferrer');
      expect(fragment.getAttribute('href')).to.equal('#p2');
      expect(mail.getAttribute('href')).to.equal('mailto:a@b.example');
      const img = div.querySelector('img')!;
      expect(img.getAttribute('src')).to.equal('https://agency.example/anh/a.png');
      expect(img.getAttribute('srcset')).to.equal(
        'https://agency.example/news/2020/anh/a.png 1x, https://agency.example/news/2020/anh/b.png 2x',
      );
      expect(div.querySelector('blockquote')!.getAttribute('cite')).to.equal(
        'https://agency.example/news/q.html',
      );
      // Without one, as written (the page resolves them), and the next body is not affected.
      expect(clean('<a href="tin/2.html">b</a>').querySelector('a')!.getAttribute('href')).to.equal(
        'tin/2.html',
      );
    });

    it('marks links to other sites noopener noreferrer, and lazy-loads images with an alt', () => {
      const el = clean(
        `<a href="https://other.example/">o</a><a href="${location.origin}/same">s</a><img src="/i.png">`,
      );
      const [other, same] = Array.from(el.querySelectorAll('a'));
      expect(other.getAttribute('rel')).to.equal('noopener noreferrer');
      expect(same.hasAttribute('rel')).to.be.false;
      const img = el.querySelector('img')!;
      expect([
        img.getAttribute('loading'),
        img.getAttribute('decoding'),
        img.getAttribute('alt'),
      ]).to.deep.equal(['lazy', 'async', '']);
    });

    it('moves body headings below the card title', () => {
      const el = clean('<h1>a</h1><h2>b</h2><h6>c</h6>');
      expect(Array.from(el.children).map((h) => h.localName)).to.deep.equal(['h2', 'h3', 'h6']);
    });

    it('writes a body once: the same HTML again leaves the nodes alone, a new level moves the headings', () => {
      const div = document.createElement('div');
      const safe = sanitizeHtml('<h2>a</h2><p>b</p>');
      writeBody(div, safe, 4);
      const p = div.querySelector('p');
      writeBody(div, safe, 4);
      expect(div.querySelector('p'), 'not rewritten').to.equal(p);
      writeBody(div, safe, 3);
      expect(div.firstElementChild!.localName).to.equal('h3');
    });

    it('sanitizes Markdown output too (raw HTML and javascript: links)', () => {
      const safe = markdownToHtml('**b** <img src=x onerror=alert(1)> [x](javascript:alert(1))');
      const div = document.createElement('div');
      writeBody(div, safe, 2);
      expect(div.querySelector('strong')).to.exist;
      expect(div.querySelector('[onerror]')).to.be.null;
      expect(div.querySelector('a')!.hasAttribute('href')).to.be.false;
    });

    it('loads the same results through loadBody', async () => {
      const safe = await loadBody({ kind: 'markdown', text: '# Hi' });
      expect(String(safe)).to.equal('<h1>Hi</h1>\n');
    });

    it('does not touch the global DOMPurify or marked a host page may use', async () => {
      const { default: purify } = await import('dompurify');
      const { marked } = await import('marked');
      clean('<p>x</p>');
      expect(purify.sanitize('<img src="data:image/png;base64,AA">')).to.contain('data:');
      expect(marked.parse('x', { async: false })).to.equal('<p>x</p>\n');
    });
  });

  describe('when Trusted Types are present (Chromium)', () => {
    it('creates one policy named civic-widgets and returns TrustedHTML', () => {
      const policy = civicPolicy()!;
      expect(policy.name).to.equal(POLICY_NAME);
      expect(civicPolicy()).to.equal(policy);
      const safe = sanitizeHtml('<b>x</b>');
      expect(
        (
          window as unknown as { trustedTypes: { isHTML(v: unknown): boolean } }
        ).trustedTypes.isHTML(safe),
      ).to.be.true;
    });

    it('refuses HTML outside the sanitizer, and script text that is not JSON', () => {
      const policy = civicPolicy()!;
      expect(() => policy.createHTML('<img src=x onerror=alert(1)>')).to.throw(TypeError);
      expect(() => policy.createScriptURL('https://evil.example/x.js')).to.throw(TypeError);
      expect(whileSanitizing(() => String(policy.createHTML('<b>ok</b>')))).to.equal('<b>ok</b>');
      expect(() => safeScript('alert(1)')).to.throw(SyntaxError);
      expect(String(safeScript('{"a":1}'))).to.equal('{"a":1}');
    });

    it("is why the body is not rendered with Lit's unsafeHTML: it rejects TrustedHTML", () => {
      const div = document.createElement('div');
      expect(() =>
        render(litHtml`${unsafeHTML(sanitizeHtml('<b>x</b>') as unknown as string)}`, div),
      ).to.throw(/non-string/);
    });
  });

  describe('when writing JSON-LD', () => {
    it('escapes <, > and & so the JSON cannot leave its script element', () => {
      const json = scriptJson({ t: '</script><!-- & \u2028' });
      expect(json).not.to.match(/[<>&\u2028]/);
      expect(JSON.parse(json)).to.deep.equal({ t: '</script><!-- & \u2028' });
    });

    it('leaves out what the article does not have', () => {
      const data = newsArticleJsonLd(article({ url: 'https://x.example/a' }));
      expect(data).to.deep.equal({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: 'T',
        url: 'https://x.example/a',
        mainEntityOfPage: 'https://x.example/a',
      });
    });

    it('keeps one block per owner and removes it', async () => {
      const block = new JsonLdBlock();
      const count = () =>
        document.head.querySelectorAll('script[data-civic-article-card="a"]').length;
      block.set(document, { a: 1 }, 'a');
      block.set(document, { a: 2 }, 'a');
      expect(count()).to.equal(1);
      expect(
        document.head.querySelector('script[data-civic-article-card="a"]')!.textContent,
      ).to.equal('{"a":2}');
      block.remove();
      expect(count()).to.equal(0);
      await fixture(html`<div></div>`);
    });

    it('show() writes once the page is idle, the last call it was given; remove() cancels a waiting write', async () => {
      const block = new JsonLdBlock();
      const blocks = () =>
        Array.from(
          document.head.querySelectorAll<HTMLScriptElement>(
            'script[data-civic-article-card="late"]',
          ),
        );
      const headline = () => (JSON.parse(blocks()[0].textContent) as { headline: string }).headline;
      block.show(document, article({ id: 'late', title: 'One' }));
      block.show(document, article({ id: 'late', title: 'Two' }));
      expect(blocks(), 'in the same task').to.have.length(0);
      await waitUntil(() => blocks().length === 1, 'written when idle');
      expect(headline()).to.equal('Two');
      block.show(document, article({ id: 'late', title: 'Three' }));
      block.remove();
      await new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 50)));
      expect(blocks(), 'removed, and the waiting write with it').to.have.length(0);
    });
  });
});

/**
 * Issue #10, items 4 and 5, on framed pages with real CSPs (meta tags; no inline script
 * is allowed there, so tests/fixtures/hostile/collect.js collects violations and errors):
 * - strict.html: `script-src 'self'; style-src 'self'` and Trusted Types with our policy
 *   allowed. Hostile bodies must raise zero `securitypolicyviolation` events.
 * - no-policy.html: Trusted Types allowing only `lit-html`. RSS and Atom must still load
 *   and bodies show as plain text, with no uncaught error.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { loadFeed as LoadFeed } from '../../src/feed/load.js';
import type { parseFeed as ParseFeed } from '../../src/feed/parse.js';

type Win = Window &
  typeof globalThis & {
    violations: string[];
    errors: string[];
    civic?: { loadFeed: typeof LoadFeed; parseFeed: typeof ParseFeed };
  };

async function page(name: 'strict' | 'no-policy'): Promise<{ win: Win; doc: Document }> {
  const frame = await fixture<HTMLIFrameElement>(
    html`<iframe src="/tests/fixtures/hostile/${name}.html" title=${name}></iframe>`,
  );
  await waitUntil(
    () =>
      (frame.contentWindow as Win | null)?.civic &&
      frame.contentWindow?.customElements.get('civic-article-card'),
    `the widgets did not load in ${name}.html`,
    { timeout: 8000 },
  );
  return { win: frame.contentWindow as Win, doc: frame.contentDocument! };
}

const bodies = async () =>
  (await (await fetch('/tests/fixtures/hostile/bodies.json')).json()) as string[];

/** A full card for `item` in the framed page, once its body has settled. */
async function fullCard(doc: Document, item: Record<string, unknown>): Promise<Element> {
  const card = doc.createElement('civic-article-card') as HTMLElement & { item?: unknown };
  card.setAttribute('variant', 'full');
  card.item = item;
  doc.body.append(card);
  await waitUntil(
    () => card.shadowRoot?.querySelector('[part=body]:not(.loading)'),
    'the body never settled',
    { timeout: 8000 },
  );
  return card.shadowRoot!.querySelector('[part=body]')!;
}

/** Lets queued violation events and late loads arrive. */
const settle = () => new Promise((r) => setTimeout(r, 150));

const pwned = () => (window as { __hostilePwned?: number }).__hostilePwned;

describe('hostile bodies on a strict-CSP page', function () {
  this.timeout(60000);

  it('renders every hostile HTML and Markdown body with zero CSP violations', async () => {
    const { win, doc } = await page('strict');
    const list = await bodies();
    for (const [i, body] of list.entries()) {
      const html = await fullCard(doc, { id: `h${i}`, title: `H${i}`, content_html: body });
      expect(html.querySelector('[style], script, style, iframe, svg, math')).to.be.null;
      const attrs = [...html.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes].map((a) => a.name),
      );
      expect(attrs.filter((a) => a.startsWith('on'))).to.deep.equal([]);
      expect(html.querySelector('a[href^="javascript:" i]')).to.be.null;
      const md = await fullCard(doc, {
        id: `m${i}`,
        title: `M${i}`,
        _civic: { markdown: `**Đậm** ${body}\n\n[x](javascript:parent.__hostilePwned=1)` },
      });
      expect(md.querySelector('strong')?.textContent).to.equal('Đậm');
    }
    await settle();
    expect(win.violations, 'CSP violations').to.deep.equal([]);
    expect(win.errors, 'uncaught errors').to.deep.equal([]);
    expect(pwned()).to.be.undefined;
  });

  it('reads and lists an RSS feed of hostile descriptions with zero CSP violations', async () => {
    const { win, doc } = await page('strict');
    const { feed } = await win.civic!.loadFeed('/faults/hostile/bodies.rss', { remember: false });
    expect(feed.items).to.have.length((await bodies()).length);
    const first = feed.items.find((a) => a.id === 'h0')!;
    expect(first.summary).to.equal('Kiểu nội tuyến');
    expect(feed.items.find((a) => a.id === 'h2')!.summary).to.equal('Kịch bản');
    const list = doc.createElement('civic-bulletin-list');
    list.setAttribute('src', '/faults/hostile/bodies.rss');
    list.setAttribute('limit', '20');
    doc.body.append(list);
    await waitUntil(() => list.shadowRoot?.querySelector('ul[part=list] > li'), 'no items', {
      timeout: 8000,
    });
    const card = doc.createElement('civic-article-card');
    card.setAttribute('src', '/faults/hostile/bodies.rss');
    card.setAttribute('item-id', 'h1');
    card.setAttribute('variant', 'full');
    doc.body.append(card);
    await waitUntil(
      () => card.shadowRoot?.querySelector('[part=body][data-sanitized] p'),
      'no body',
      { timeout: 8000 },
    );
    await settle();
    expect(win.violations, 'CSP violations').to.deep.equal([]);
    expect(win.errors, 'uncaught errors').to.deep.equal([]);
    expect(pwned()).to.be.undefined;
  });
});

describe('a page that enforces Trusted Types without the civic-widgets policy', function () {
  this.timeout(60000);

  it('still loads RSS and Atom feeds, and lists RSS items', async () => {
    const { win, doc } = await page('no-policy');
    const rss = await win.civic!.loadFeed('/tests/fixtures/vi-cong-an-tinh.rss.xml', {
      remember: false,
    });
    expect(rss.feed.items.length).to.be.greaterThan(0);
    expect(rss.feed.items.every((a) => !/[<>]/.test(a.summary ?? ''))).to.be.true;
    const atom = await win.civic!.loadFeed('/tests/fixtures/vi-cong-an-tinh.atom.xml', {
      remember: false,
    });
    expect(atom.feed.items.length).to.be.greaterThan(0);
    const list = doc.createElement('civic-bulletin-list');
    list.setAttribute('src', '/tests/fixtures/vi-cong-an-tinh.rss.xml');
    doc.body.append(list);
    await waitUntil(() => list.shadowRoot?.querySelector('ul[part=list] > li'), 'no items', {
      timeout: 8000,
    });
    expect(win.errors, 'uncaught errors').to.deep.equal([]);
  });

  it('shows Markdown and HTML bodies as plain text, paragraphs kept, nothing run', async () => {
    const { win, doc } = await page('no-policy');
    const said: string[] = [];
    const warn = win.console.warn.bind(win.console);
    win.console.warn = (...args: unknown[]) => {
      said.push(String(args[0]));
      warn(...args);
    };
    const md = await fullCard(doc, {
      id: 'm',
      title: 'M',
      _civic: { markdown: '**Đậm** và <img src=x onerror="parent.__hostilePwned=1">\n\nĐoạn hai' },
    });
    expect(md.hasAttribute('data-sanitized')).to.be.false;
    expect([...md.querySelectorAll('p')].map((p) => p.textContent.trim())).to.deep.equal([
      '**Đậm** và <img src=x onerror="parent.__hostilePwned=1">',
      'Đoạn hai',
    ]);
    expect(md.querySelector('img, strong')).to.be.null;
    const body = await fullCard(doc, {
      id: 'h',
      title: 'H',
      content_html:
        '<p style="color:red">Một &amp; <b>hai</b></p><script>parent.__hostilePwned=1</script><p>Ba<br>bốn</p>',
    });
    expect([...body.querySelectorAll('p')].map((p) => p.textContent.trim())).to.deep.equal([
      'Một & hai',
      'Babốn',
    ]);
    expect(body.querySelectorAll('p br')).to.have.length(1);
    expect(body.querySelector('b, script, [style]')).to.be.null;
    await settle();
    // Two cards, each drawn more than once: the refused JSON-LD is said once.
    await waitUntil(() => said.some((s) => s.includes('JSON-LD')), 'no JSON-LD warning', {
      timeout: 4000,
    });
    await settle();
    expect(said.filter((s) => s.includes('JSON-LD'))).to.have.length(1);
    expect(win.errors, 'uncaught errors').to.deep.equal([]);
    // The only report is the refused policy itself, which the site's CSP asked for.
    expect(
      win.violations.filter((v) => !/^trusted-types: civic-widgets/.test(v)),
      'other violations',
    ).to.deep.equal([]);
    expect(pwned()).to.be.undefined;
  });
});

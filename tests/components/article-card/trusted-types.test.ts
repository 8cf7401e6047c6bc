import { expect, fixture, html, waitUntil } from '@open-wc/testing';

type FrameWindow = Window & typeof globalThis & { violations?: string[]; ttAbsent?: boolean };

/** Opens a fixture page in an iframe and waits until the card is defined there. */
async function page(path: string): Promise<{ win: FrameWindow; doc: Document }> {
  const frame = await fixture<HTMLIFrameElement>(
    html`<iframe src=${path} title="test page"></iframe>`,
  );
  await waitUntil(
    () => (frame.contentWindow as FrameWindow | null)?.customElements?.get('civic-article-card'),
    `card not defined in ${path}`,
    { timeout: 4000 },
  );
  return { win: frame.contentWindow as FrameWindow, doc: frame.contentDocument! };
}

/** A full card in the iframe's document, with a Markdown and an HTML body. */
async function fullCard(doc: Document, item: Record<string, unknown>): Promise<HTMLElement> {
  const card = doc.createElement('civic-article-card') as HTMLElement & {
    item?: unknown;
    variant?: string;
  };
  card.variant = 'full';
  card.item = item;
  doc.body.append(card);
  await waitUntil(() => card.shadowRoot?.querySelector('[part=body]:not(.loading)'), 'no body', {
    timeout: 4000,
  });
  return card;
}

const ITEM = {
  id: 'tt',
  url: 'https://x.example/tt',
  title: 'Trusted',
  _civic: {
    markdown:
      '**bold** <img src=x onerror="parent.__ttPwned=1"> [x](javascript:parent.__ttPwned=1)',
  },
};

describe('civic-article-card and Trusted Types', () => {
  it('renders the body and JSON-LD on a page that enforces Trusted Types with only civic-widgets and lit-html', async () => {
    const { win, doc } = await page('/tests/fixtures/article-card/trusted-types.html');
    const card = await fullCard(doc, ITEM);
    const body = card.shadowRoot!.querySelector('[part=body]')!;
    expect(body.querySelector('strong')!.textContent).to.equal('bold');
    expect(body.querySelector('[onerror]')).to.be.null;
    // Written once the page is idle after the article is drawn.
    await waitUntil(() => doc.head.querySelector('script[type="application/ld+json"]'));
    const ld = doc.head.querySelectorAll('script[type="application/ld+json"]');
    expect(ld).to.have.length(1);
    expect(JSON.parse(ld[0].textContent)).to.include({ headline: 'Trusted' });
    expect(win.violations, 'CSP violations').to.deep.equal([]);
    expect((window as { __ttPwned?: number }).__ttPwned).to.be.undefined;
    card.remove();
    expect(doc.head.querySelectorAll('script[type="application/ld+json"]')).to.have.length(0);
    // …and the page really enforces: a plain string into innerHTML throws.
    expect(() => {
      doc.body.innerHTML = '<b>x</b>';
    }).to.throw(/TrustedHTML/);
  });

  it('renders HTML bodies too under enforcement', async () => {
    const { win, doc } = await page('/tests/fixtures/article-card/trusted-types.html');
    const card = await fullCard(doc, {
      id: 'h',
      title: 'H',
      content_html: '<p>Hello <em>there</em></p><script>parent.__ttPwned=1</script>',
    });
    expect(card.shadowRoot!.querySelector('[part=body] em')!.textContent).to.equal('there');
    expect(card.shadowRoot!.querySelector('[part=body] script')).to.be.null;
    expect(win.violations).to.deep.equal([]);
  });

  it('renders the same in a browser without Trusted Types', async () => {
    const { win, doc } = await page('/tests/fixtures/article-card/no-trusted-types.html');
    expect(win.ttAbsent, 'trustedTypes removed').to.be.true;
    const card = await fullCard(doc, ITEM);
    const body = card.shadowRoot!.querySelector('[part=body]')!;
    expect(body.querySelector('strong')!.textContent).to.equal('bold');
    expect(body.querySelector('[onerror]')).to.be.null;
    expect(body.querySelector('a')!.hasAttribute('href')).to.be.false;
    await waitUntil(() => doc.head.querySelector('script[type="application/ld+json"]'));
    expect(doc.head.querySelectorAll('script[type="application/ld+json"]')).to.have.length(1);
  });
});

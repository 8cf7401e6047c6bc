import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FeedError } from '../../src/feed/errors.js';
import type { Article, Feed } from '../../src/feed/model.js';
import { parseFeed, toArticle, toFeed } from '../../src/feed/parse.js';

const BASE = 'https://congan.tinh.example/feed';
const SAFE_URL = /^(https?:|mailto:)/;

/** Every rule the model promises, checked on one value; returns the first broken one. */
function modelProblem(feed: Feed): string | undefined {
  if (!['json', 'rss', 'atom', 'merged'].includes(feed.format))
    return `format ${String(feed.format)}`;
  if (!Array.isArray(feed.items)) return 'items not an array';
  for (const [k, v] of Object.entries(feed)) {
    if (v === undefined) return `feed.${k} is undefined`;
    if (k !== 'items' && typeof v !== 'string') return `feed.${k} is ${typeof v}`;
  }
  for (const k of ['homePageUrl', 'nextUrl'] as const) {
    if (feed[k] !== undefined && !SAFE_URL.test(feed[k])) return `feed.${k} ${feed[k]}`;
  }
  for (const item of feed.items) {
    const p = articleProblem(item);
    if (p) return p;
  }
  return undefined;
}

function articleProblem(a: Article): string | undefined {
  if (typeof a.id !== 'string' || a.id === '') return `id ${String(a.id)}`;
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined) return `${a.id}.${k} is undefined`;
    if (typeof v === 'number' && Number.isNaN(v)) return `${a.id}.${k} is NaN`;
  }
  if (typeof a.pinned !== 'boolean' || typeof a.featured !== 'boolean') return `${a.id} flags`;
  if (!Array.isArray(a.tags) || a.tags.some((t) => typeof t !== 'string')) return `${a.id}.tags`;
  if (
    !Array.isArray(a.authors) ||
    a.authors.some((x) => Object.values(x).some((v) => typeof v !== 'string'))
  ) {
    return `${a.id}.authors`;
  }
  for (const k of ['published', 'modified'] as const) {
    const d = a[k];
    if (d !== undefined && (!(d instanceof Date) || Number.isNaN(d.getTime())))
      return `${a.id}.${k} invalid date`;
  }
  if (a.views !== undefined && !(Number.isSafeInteger(a.views) && a.views >= 0))
    return `${a.id}.views ${a.views}`;
  for (const k of ['url', 'image'] as const) {
    if (a[k] !== undefined && !SAFE_URL.test(a[k])) return `${a.id}.${k} ${a[k]}`;
  }
  for (const att of a.attachments) {
    if (!SAFE_URL.test(att.url)) return `${a.id} attachment ${att.url}`;
    if (
      att.sizeInBytes !== undefined &&
      !(Number.isSafeInteger(att.sizeInBytes) && att.sizeInBytes >= 0)
    ) {
      return `${a.id} attachment size ${att.sizeInBytes}`;
    }
    if (Object.values(att).some((v) => v === undefined)) return `${a.id} attachment undefined`;
  }
  for (const k of [
    'title',
    'summary',
    'contentHtml',
    'contentText',
    'markdown',
    'category',
    'language',
  ] as const) {
    if (a[k] !== undefined && typeof a[k] !== 'string') return `${a.id}.${k}`;
  }
  return undefined;
}

/** Runs `read` and accepts either a model-perfect feed or a FeedError; anything else fails. */
function usableOrFeedError(read: () => { feed: Feed }): void {
  let feed: Feed;
  try {
    feed = read().feed;
  } catch (e) {
    if (!(e instanceof FeedError)) throw new Error(`threw ${String(e)}`, { cause: e });
    if (!e.message || /undefined|NaN|Invalid Date/.test(e.message)) {
      throw new Error(`bad message: ${e.message}`, { cause: e });
    }
    return;
  }
  const problem = modelProblem(feed);
  if (problem) throw new Error(problem);
}

/** Values a careless or hostile feed puts in any field. */
const junk = fc.oneof(
  fc.constantFrom(
    null,
    '',
    '   ',
    'javascript:alert(1)',
    'data:text/html,<b>x</b>',
    '/relative/path.jpg',
    'mailto:tiepdan@congan.tinh.example',
    'https://congan.tinh.example/a',
    '2020-03-20T03:57:36+07:00',
    '2020-02-30T00:00:00Z',
    '20/03/2020',
    'Thu, 19 Mar 2020 16:20:00 +0700',
    'Asia/Ho_Chi_Minh',
    'Mars/Olympus',
    -1,
    0,
    2007,
    1.5,
    Number.MAX_VALUE,
    true,
    'vi',
    'not a tag!!',
  ),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant([] as unknown[]),
  fc.constant({}),
);

const jsonItem = fc.oneof(
  fc.record(
    {
      id: fc.oneof(junk, fc.string({ minLength: 1 })),
      url: junk,
      title: fc.oneof(junk, fc.string()),
      summary: junk,
      content_html: fc.oneof(junk, fc.constant('<p>Xin chào <img src=x onerror=alert(1)></p>')),
      content_text: junk,
      date_published: junk,
      date_modified: junk,
      image: junk,
      banner_image: junk,
      language: junk,
      tags: fc.oneof(junk, fc.array(junk, { maxLength: 4 })),
      author: fc.oneof(junk, fc.record({ name: junk, url: junk }, { requiredKeys: [] })),
      authors: fc.oneof(
        junk,
        fc.array(fc.oneof(junk, fc.record({ name: junk, url: junk }, { requiredKeys: [] })), {
          maxLength: 3,
        }),
      ),
      attachments: fc.oneof(
        junk,
        fc.array(
          fc.oneof(
            junk,
            fc.record(
              { url: junk, mime_type: junk, title: junk, size_in_bytes: junk },
              { requiredKeys: [] },
            ),
          ),
          {
            maxLength: 3,
          },
        ),
      ),
      _civic: fc.oneof(
        junk,
        fc.record(
          { views: junk, category: junk, markdown: junk, pinned: junk, featured: junk },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: [] },
  ),
  junk,
);

const jsonDoc = fc.record(
  {
    version: fc.oneof(
      junk,
      fc.constantFrom('https://jsonfeed.org/version/1.1', 'https://jsonfeed.org/version/1'),
    ),
    title: junk,
    home_page_url: junk,
    next_url: junk,
    language: junk,
    _civic: fc.oneof(junk, fc.record({ time_zone: junk }, { requiredKeys: [] })),
    items: fc.oneof(junk, fc.array(jsonItem, { maxLength: 6 })),
  },
  { requiredKeys: [] },
);

/** Damage a text the ways transfers and hand edits do: cut, splice, overwrite. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.string(),
      fc.constantFrom('<', '>', '&', '"', ',', '}', ']', '<![CDATA[', '&bogus;', '\u0000', 'ệ'),
    ),
  }),
);

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string };

function mutate(text: string, mutations: Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = m.at % (out.length + 1);
    if (m.kind === 'truncate') out = out.slice(0, at);
    else if (m.kind === 'delete') out = out.slice(0, at) + out.slice(at + m.length);
    else out = out.slice(0, at) + m.text + out.slice(at);
  }
  return out;
}

describe('parsers under random input (property-based)', () => {
  const fixtures: Record<string, string> = {};

  before(async () => {
    for (const name of [
      'vi-cong-an-tinh.json',
      'en-city-news.json',
      'vi-cong-an-tinh.rss.xml',
      'vi-cong-an-tinh.atom.xml',
      'bad-parts.json',
      'bad-parts.rss.xml',
      'bad-parts.atom.xml',
    ]) {
      fixtures[name] = await (await fetch(`/tests/fixtures/${name}`)).text();
    }
  });

  it('reads any JSON Feed-shaped object into a valid model or a FeedError', () => {
    fc.assert(
      fc.property(jsonDoc, (doc) => {
        usableOrFeedError(() => toFeed(doc));
        usableOrFeedError(() => parseFeed(JSON.stringify(doc), { url: BASE }));
      }),
      { numRuns: 300 },
    );
  });

  it('turns any item-shaped value into a valid Article or nothing', () => {
    fc.assert(
      fc.property(jsonItem, (item) => {
        const article = toArticle(item);
        if (article !== undefined) expect(articleProblem(article)).to.equal(undefined);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws anything but FeedError on damaged fixture documents', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(fixtures)),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(undefined, 'application/json', 'application/xml', 'text/html'),
        (name, mutations, contentType) => {
          usableOrFeedError(() =>
            parseFeed(mutate(fixtures[name], mutations), { url: BASE, contentType }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws anything but FeedError on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.string().map((s) => `<rss><channel>${s}</channel></rss>`),
        ),
        (text) => {
          usableOrFeedError(() => parseFeed(text));
        },
      ),
      { numRuns: 300 },
    );
  });
});

/**
 * Atom 1.0 (RFC 4287) read into the model: id, link rel="alternate", published/updated
 * (or Dublin Core terms' issued/modified), summary, content of every type the RFC names,
 * category term. Relative URLs resolve against the `xml:base` in scope, else the feed URL.
 */
import type { Article, Attachment, Author, Feed, FeedWarning, ReadOptions } from './model.js';
import type { Warnings } from './values.js';
import type { XmlElement } from './xml-node.js';
import { newestFirst } from './newest.js';
import { xmlMessages } from './xml-messages.js';
import {
  NS,
  atomContent,
  baseOf,
  capItems,
  firstDate,
  htmlToText,
  isImage,
  k,
  kid,
  kidText,
  kids,
  readMedia,
  xmlCount,
  xmlUrl,
} from './xml.js';

/** Reads an Atom `<feed>` document. */
export function readAtom(
  doc: { documentElement: XmlElement },
  options: ReadOptions = {},
): { feed: Feed; warnings: FeedWarning[] } {
  const { messages, assign, toLanguage } = k;
  const root = doc.documentElement;
  const w = new k.Warnings();
  // RFC 4287 §2: relative references resolve against xml:base, whose own start is the feed's URL.
  const base = baseOf(root, options.url ?? k.documentBase());
  // RFC 4287 §4.2.1: an entry without authors takes the feed's.
  const feedAuthors = readAuthors(root, 'feed', w, base);

  const items: Article[] = [];
  capItems(kids(root, 'entry', NS.atom), options, 'feed.entry', w).forEach((el, i) => {
    const article = readEntry(
      el,
      `entry[${i}]`,
      w,
      baseOf(el, base),
      feedAuthors,
      options.timeZone,
    );
    if (article) items.push(article);
  });

  const feed: Feed = { format: 'atom', items: newestFirst(items) };
  const lang =
    root.getAttribute('xml:lang') ??
    root.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'lang');
  const language = lang ? toLanguage(lang) : undefined;
  if (lang && !language) w.add('feed.xml:lang', messages.notLanguage(lang));
  assign(feed, {
    title: textConstruct(kid(root, 'title', NS.atom)),
    homePageUrl: link(root, 'alternate', 'feed.link', w, base),
    url: options.url,
    description: textConstruct(kid(root, 'subtitle', NS.atom)),
    language,
    nextUrl: link(root, 'next', 'feed.link', w, base),
  });
  return { feed, warnings: w.list };
}

/** A text construct as plain text, whatever its `type`. */
function textConstruct(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined;
  const type = el.getAttribute('type') ?? 'text';
  const text =
    type === 'html'
      ? htmlToText(el.textContent ?? '')
      : (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}

/**
 * The href of the first `<link>` with this rel (a link with no rel is "alternate"),
 * resolved against the `xml:base` in scope on it.
 */
function link(
  el: XmlElement,
  rel: string,
  path: string,
  w: Warnings,
  base: string | undefined,
): string | undefined {
  const links = kids(el, 'link', NS.atom).filter(
    (l) => (l.getAttribute('rel') ?? 'alternate') === rel,
  );
  // Prefer the HTML page when a feed offers several alternates.
  const best =
    links.find((l) => (l.getAttribute('type') ?? 'text/html').includes('html')) ?? links[0];
  return best
    ? xmlUrl(best.getAttribute('href'), `${path}.href`, w, baseOf(best, base))
    : undefined;
}

/** Authors kept for the feed and for each entry: a byline, not a membership list. */
const MAX_AUTHORS = 20;

function readAuthors(
  el: XmlElement,
  path: string,
  w: Warnings,
  base: string | undefined,
): Author[] {
  const { assign } = k;
  const out: Author[] = [];
  let all = kids(el, 'author', NS.atom);
  // An entry without authors takes the feed's: a feed with 20,000 of them and 1,000 such
  // entries made 20 million (seconds, then the tab out of memory).
  if (all.length > MAX_AUTHORS) {
    w.add(`${path}.author`, xmlMessages.tooManyAuthors(all.length, MAX_AUTHORS));
    all = all.slice(0, MAX_AUTHORS);
  }
  all.forEach((a, i) => {
    const author: Author = {};
    const uri = kid(a, 'uri', NS.atom);
    assign(author, {
      name: kidText(a, 'name', NS.atom),
      url: xmlUrl(
        kidText(a, 'uri', NS.atom),
        `${path}.author[${i}].uri`,
        w,
        uri && baseOf(uri, baseOf(a, base)),
      ),
    });
    if (author.name !== undefined || author.url !== undefined) out.push(author);
  });
  return out;
}

function readEntry(
  el: XmlElement,
  path: string,
  w: Warnings,
  base: string | undefined,
  feedAuthors: Author[],
  zone: string | undefined,
): Article | undefined {
  const { messages, assign, toLanguage } = k;
  const url = link(el, 'alternate', `${path}.link`, w, base);
  const id = kidText(el, 'id', NS.atom) ?? url;
  const title = textConstruct(kid(el, 'title', NS.atom));
  const summary = textConstruct(kid(el, 'summary', NS.atom));
  const { html: contentHtml, text: contentText } = atomContent(
    kid(el, 'content', NS.atom),
    `${path}.content`,
    w,
    base,
  );

  if (id === undefined) {
    w.add(path, messages.noIdentity());
    return undefined;
  }
  if (
    title === undefined &&
    summary === undefined &&
    contentHtml === undefined &&
    contentText === undefined
  ) {
    w.add(path, messages.noContent());
    return undefined;
  }

  const tags = kids(el, 'category', NS.atom)
    .map((c) => c.getAttribute('term')?.trim() ?? '')
    .filter((t) => t !== '');
  const authors = readAuthors(el, path, w, base);

  const images: string[] = [];
  const attachments: Attachment[] = [];
  kids(el, 'link', NS.atom)
    .filter((l) => l.getAttribute('rel') === 'enclosure')
    .forEach((l, i) => {
      const p = `${path}.link[rel=enclosure]${i ? `[${i}]` : ''}`;
      const href = xmlUrl(l.getAttribute('href'), `${p}.href`, w, baseOf(l, base));
      if (!href) return;
      const type = l.getAttribute('type');
      if (isImage(type) && images.length === 0) {
        images.push(href);
        return;
      }
      const size = xmlCount(l.getAttribute('length'), `${p}.length`, w);
      attachments.push(
        assign<Attachment>(
          { url: href },
          {
            mimeType: type ?? undefined,
            title: l.getAttribute('title') ?? undefined,
            sizeInBytes: size,
          },
        ),
      );
    });
  readMedia(el, path, w, base, images, attachments);

  const lang = el.getAttribute('xml:lang');
  const article: Article = {
    id,
    authors: authors.length ? authors : feedAuthors.map((a) => ({ ...a })),
    tags,
    attachments,
    pinned: false,
    featured: false,
  };
  assign(article, {
    url,
    title,
    summary,
    contentHtml,
    contentText,
    published: firstDate(
      el,
      path,
      w,
      zone,
      ['published', NS.atom, 'published'],
      ['issued', NS.dcterms, 'dcterms:issued'],
    ),
    modified: firstDate(
      el,
      path,
      w,
      zone,
      ['updated', NS.atom, 'updated'],
      ['modified', NS.dcterms, 'dcterms:modified'],
    ),
    image: images[0],
    category: tags[0],
    language: lang ? toLanguage(lang) : undefined,
  });
  return article;
}

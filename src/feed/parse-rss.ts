/**
 * RSS 2.0 (and the RSS 1.0 / RDF layout, and RSS 2.0 in Userland's namespace) read into
 * the model: dates, guid (or RSS 1.0's `rdf:about`), description HTML, category,
 * enclosure and Media RSS images or attachments, and what other modules add that feed
 * readers take: Dublin Core (`dc:title`, `dc:description`, `dc:date`, `dc:creator`,
 * `dcterms:issued`, `dcterms:modified`), `itunes:summary`, and Atom elements inside items
 * (`atom:content`, `atom:published`, `atom:updated`).
 */
import type { Article, Attachment, Author, Feed, FeedWarning, ReadOptions } from './model.js';
import type { Warnings } from './values.js';
import type { XmlElement } from './xml-node.js';
import { xmlMessages } from './xml-messages.js';
import { newestFirst } from './newest.js';
import {
  NS,
  atomContent,
  capItems,
  firstDate,
  firstText,
  htmlToText,
  isImage,
  k,
  kid,
  kidText,
  kids,
  readMedia,
  rssAuthorName,
  xmlCount,
  xmlUrl,
} from './xml.js';

/** Reads an `<rss>` (or `<rdf:RDF>`) document. Throws FeedError when it has no channel. */
export function readRss(
  doc: { documentElement: XmlElement },
  options: ReadOptions = {},
): { feed: Feed; warnings: FeedWarning[] } {
  const root = doc.documentElement;
  const channel = kid(root, 'channel');
  const { messages, assign, toLanguage } = k;
  if (!channel) throw new k.FeedError(xmlMessages.notRss('no <channel> element'));
  const w = new k.Warnings();
  const base = options.url ?? k.documentBase();
  // RSS 2.0 nests items in the channel; RSS 1.0 puts them beside it.
  const itemEls = capItems(
    root.localName === 'RDF' ? kids(root, 'item') : kids(channel, 'item'),
    options,
    'channel.item',
    w,
  );

  const items: Article[] = [];
  itemEls.forEach((el, i) => {
    const article = readItem(el, `item[${i}]`, w, base, options.timeZone);
    if (article) items.push(article);
  });

  const feed: Feed = { format: 'rss', items: newestFirst(items) };
  const languageText = kidText(channel, 'language') ?? kidText(channel, 'language', NS.dc);
  const language = languageText === undefined ? undefined : toLanguage(languageText);
  if (languageText !== undefined && language === undefined)
    w.add('channel.language', messages.notLanguage(languageText));
  const next = kids(channel, 'link', NS.atom).find((l) => l.getAttribute('rel') === 'next');
  const title = firstText(channel, ['title', null], ['title', NS.dc]);
  const description = firstText(
    channel,
    ['description', null],
    ['description', NS.dc],
    ['summary', NS.itunes],
  );
  assign(feed, {
    title: title === undefined ? undefined : htmlToText(title),
    homePageUrl: xmlUrl(kidText(channel, 'link'), 'channel.link', w, base),
    url: options.url,
    description: description === undefined ? undefined : htmlToText(description),
    language,
    nextUrl: xmlUrl(next?.getAttribute('href'), 'channel.atom:link', w, base),
  });
  return { feed, warnings: w.list };
}

function readItem(
  el: XmlElement,
  path: string,
  w: Warnings,
  base: string | undefined,
  zone: string | undefined,
): Article | undefined {
  const { messages, assign } = k;
  const guidEl = kid(el, 'guid');
  const guid = guidEl?.textContent?.trim() || undefined;
  // RSS 2.0: a guid is a permalink unless it says isPermaLink="false".
  const guidIsLink = guidEl !== undefined && guidEl.getAttribute('isPermaLink') !== 'false';
  const url =
    xmlUrl(kidText(el, 'link'), `${path}.link`, w, base) ??
    (guidIsLink ? xmlUrl(guid, `${path}.guid`, w, base) : undefined);
  const rawTitle = firstText(el, ['title', null], ['title', NS.dc]);
  const title = rawTitle === undefined ? undefined : htmlToText(rawTitle) || undefined;
  const description = firstText(el, ['description', null], ['description', NS.dc]);
  const encoded = kidText(el, 'encoded', NS.content);
  const atom = atomContent(kid(el, 'content', NS.atom), `${path}.atom:content`, w, base);
  // Podcasts' plain-text summary: the summary (and the body) when nothing else gives one.
  const itunesSummary = kidText(el, 'summary', NS.itunes);
  const html = encoded ?? atom.html ?? description;
  const text = html === undefined ? (atom.text ?? itunesSummary) : undefined;

  // RSS 1.0 names each item by its rdf:about, the URI it describes.
  const about = el.getAttributeNS(NS.rdf, 'about')?.trim() || undefined;
  const id = guid ?? about ?? url;
  if (id === undefined) {
    w.add(path, messages.noIdentity());
    return undefined;
  }
  if (title === undefined && html === undefined && text === undefined) {
    w.add(path, messages.noContent());
    return undefined;
  }

  const tags = kids(el, 'category')
    .map((c) => c.textContent?.trim() ?? '')
    .filter((t) => t !== '');
  const authors: Author[] = [];
  for (const a of [...kids(el, 'author'), ...kids(el, 'creator', NS.dc)]) {
    const name = a.textContent ? rssAuthorName(a.textContent) : '';
    if (name) authors.push({ name });
  }

  const attachments: Attachment[] = [];
  const images: string[] = [];
  kids(el, 'enclosure').forEach((enc, i) => {
    const p = `${path}.enclosure${i ? `[${i}]` : ''}`;
    const encUrl = xmlUrl(enc.getAttribute('url'), `${p}.url`, w, base);
    if (!encUrl) return;
    const type = enc.getAttribute('type');
    if (isImage(type) && images.length === 0) {
      images.push(encUrl);
      return;
    }
    const att: Attachment = { url: encUrl };
    const size = xmlCount(enc.getAttribute('length'), `${p}.length`, w);
    assign(att, { mimeType: type?.trim() || undefined, sizeInBytes: size });
    attachments.push(att);
  });
  readMedia(el, path, w, base, images, attachments);

  const article: Article = { id, authors, tags, attachments, pinned: false, featured: false };
  const summary = description ?? itunesSummary;
  assign(article, {
    url,
    title,
    // Without content:encoded or atom:content, the description is the body; its text
    // doubles as the summary.
    contentHtml: html,
    contentText: text,
    summary: summary === undefined ? undefined : htmlToText(summary) || undefined,
    published: firstDate(
      el,
      path,
      w,
      zone,
      ['pubDate', null, 'pubDate'],
      ['date', NS.dc, 'dc:date'],
      ['issued', NS.dcterms, 'dcterms:issued'],
      ['published', NS.atom, 'atom:published'],
    ),
    modified: firstDate(
      el,
      path,
      w,
      zone,
      ['updated', NS.atom, 'atom:updated'],
      ['modified', NS.dcterms, 'dcterms:modified'],
    ),
    image: images[0],
    category: tags[0],
  });
  return article;
}

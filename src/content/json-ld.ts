/**
 * schema.org `NewsArticle` JSON-LD for search engines. Script text is a Trusted Types
 * sink, so it is written through the `civic-widgets` policy, which accepts JSON only.
 * A lazy chunk: only `variant="full"` cards load it.
 */
import type { Article, Feed } from '../feed/model.js';
import { safeScript } from '../internal/policy.js';

/** ISO 8601 in UTC, what search engines read; undefined for a missing or invalid date. */
function iso(date: Date | undefined): string | undefined {
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}

/** The `NewsArticle` object for an article; fields the article lacks are left out. */
export function newsArticleJsonLd(article: Article, feed?: Feed): Record<string, unknown> {
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
  };
  const put = (key: string, value: unknown): void => {
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) data[key] = value;
  };
  put('headline', article.title ?? article.summary);
  put('description', article.summary);
  put('datePublished', iso(article.published));
  put('dateModified', iso(article.modified));
  put('url', article.url);
  put('mainEntityOfPage', article.url);
  put('image', article.image ? [article.image] : undefined);
  put(
    'author',
    article.authors
      .filter((a) => a.name)
      .map((a) => ({ '@type': 'Person', name: a.name, ...(a.url ? { url: a.url } : {}) })),
  );
  put(
    'publisher',
    feed?.title
      ? {
          '@type': 'Organization',
          name: feed.title,
          ...(feed.homePageUrl ? { url: feed.homePageUrl } : {}),
        }
      : undefined,
  );
  put('articleSection', article.category);
  put('keywords', article.tags.length ? article.tags.join(', ') : undefined);
  put('inLanguage', article.language ?? feed?.language);
  return data;
}

/**
 * JSON that is safe inside `<script>`: `<`, `>` and `&` become `\u003c` etc., so no title
 * can close the script element (`</script>`) or open a comment (`<!--`). U+2028/2029 are
 * escaped for old parsers that treat them as line ends.
 */
export function scriptJson(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Each reason a block could not be written that the console has been told. */
const warned = new Set<string>();

/**
 * Tells the console why a block could not be written, once per page and reason: a page
 * that refuses our policy refuses it for every card and every render.
 */
function cannotWrite(error: unknown): void {
  const reason = String(error);
  if (warned.has(reason)) return;
  warned.add(reason);
  console.warn('civic-widgets: could not write the NewsArticle JSON-LD', error);
}

/** The attribute that marks our blocks in `<head>`, so a page can find (and tests count) them. */
export const JSON_LD_MARK = 'data-civic-article-card';

/**
 * One JSON-LD block in the document head, owned by one card: `set` creates or updates
 * it (never a second one), `remove` takes it out.
 */
export class JsonLdBlock {
  #script?: HTMLScriptElement;
  #text?: string;
  /** The write `show` asked for, waiting for the page to be idle; the latest one wins. */
  #pending?: () => void;

  /**
   * The block for `article`, written once the page is idle after the frame that shows
   * the article: search engines read it long after that frame, which should not wait for
   * it (issue #13). Several calls before then write once, the last one's. Never throws
   * into the page: a failure costs the structured data only (kept in this chunk, so the
   * entry does not carry the warning).
   */
  show(doc: Document, article: Article, feed?: Feed): void {
    const queued = this.#pending !== undefined;
    this.#pending = () => {
      try {
        this.set(doc, newsArticleJsonLd(article, feed), article.id);
      } catch (error) {
        cannotWrite(error);
      }
    };
    if (queued) return;
    const write = () => {
      const pending = this.#pending;
      this.#pending = undefined;
      pending?.();
    };
    // Where there is no idle callback (Safari), a moment later: after the frame, as a rule.
    if (typeof requestIdleCallback === 'function') requestIdleCallback(write, { timeout: 1000 });
    else setTimeout(write, 50);
  }

  /** Creates or updates the block in `doc`'s head; `id` (the article's) marks it. */
  set(doc: Document, data: Record<string, unknown>, id: string): void {
    const text = scriptJson(data);
    if (this.#script && this.#script.ownerDocument !== doc) this.remove();
    if (
      this.#script?.isConnected &&
      this.#script.ownerDocument === doc &&
      text === this.#text &&
      this.#script.getAttribute(JSON_LD_MARK) === id
    ) {
      return;
    }
    const script = this.#script ?? doc.createElement('script');
    script.type = 'application/ld+json';
    script.setAttribute(JSON_LD_MARK, id);
    try {
      script.textContent = safeScript(text) as string;
    } catch (error) {
      // A page that enforces Trusted Types without our policy: no structured data, but
      // the card itself is unaffected.
      cannotWrite(error);
      this.remove();
      return;
    }
    if (!script.isConnected) doc.head.append(script);
    this.#script = script;
    this.#text = text;
  }

  /** Takes the block out at once, and any write still waiting with it. */
  remove(): void {
    this.#pending = undefined;
    this.#script?.remove();
    this.#script = undefined;
    this.#text = undefined;
  }
}

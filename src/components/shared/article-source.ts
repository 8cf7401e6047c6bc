/**
 * Which article a one-article widget (the card, the view counter) is about: `.item`,
 * else the feed's item named by `item-id`, else the feed's first item. One controller,
 * so both elements read `.item` and `item-id` the same way.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Article, SortFields } from '../../feed/model.js';
import { findArticle, toArticle } from '../../feed/convert.js';
import { readerOf } from '../../feed/parse-json.js';
import type { FeedSource } from './feed-source.js';
import { warn } from '../../internal/warn.js';

/** An element that names one article: `.item` (wins) or `item-id` in its feed. */
export type ArticleHost = ReactiveControllerHost &
  HTMLElement & {
    item?: unknown;
    itemId?: string;
  };

/**
 * Resolves the host's article from `.item` and its feed source. `.item` is converted once
 * per value, before each update, and an unusable one is said once on the console (named
 * by the host's tag) and then treated as no article.
 */
export class ArticleSource implements ReactiveController {
  readonly #host: ArticleHost;
  readonly #source: FeedSource;
  /** The `.item` value last converted, and what it gave: a re-render must not warn again. */
  #item?: { value: unknown; article: Article | undefined };

  constructor(host: ArticleHost, source: FeedSource) {
    this.#host = host;
    this.#source = source;
    host.addController(this);
  }

  // Before the host's update(), so its update and render read a settled `.item`.
  hostUpdate(): void {
    const value = this.#host.item;
    if (value == null || this.#item?.value === value) return;
    let article: Article | undefined;
    try {
      article = toArticle(value);
    } catch {
      // A hostile object (a throwing getter): as unusable as one of the wrong shape.
    }
    if (!article) warn('item', this.#host.localName);
    this.#item = { value, article };
  }

  /** True when `.item` is set: it decides alone, whatever the feed holds. */
  get fromItem(): boolean {
    return this.#host.item != null;
  }

  /**
   * The article: `.item` (undefined when unusable), else the feed's item named by
   * `item-id`, else its first; undefined while no feed (or no such item) is there.
   */
  get article(): Article | undefined {
    if (this.fromItem) return this.#item?.article;
    const feed = this.#source.state.feed;
    const reader = feed && readerOf(feed);
    return (
      feed && findArticle<SortFields>(reader?.items ?? feed.items, this.#host.itemId, reader?.read)
    );
  }
}

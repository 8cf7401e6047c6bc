/**
 * The bulletin list's paging as a controller: the items "Xem thêm" has added to the
 * feed's, started over when another feed arrives, and the pages under way let go of
 * when the list leaves the page. The click itself is a lazy chunk (`show-more.ts`).
 */
import type { LitElement, ReactiveController } from 'lit';
import type { Article, Feed } from '../../feed/model.js';
import type { Messages } from '../../format/messages.js';
import { chunk } from '../../internal/lazy.js';
import { readerOf } from '../../feed/parse-json.js';
import type { FeedSource } from '../shared/feed-source.js';
import { runtime } from '../shared/runtime.js';
import type { Paging } from './show-more.js';

// "Xem thêm" is lazy (in the `extras` chunk), fetched on the first click.
const more = chunk(() => import('./show-more.js'), runtime);

/** The paging of one list, kept in step with its feed source. */
export class ListPaging implements ReactiveController {
  /**
   * The current feed's paging: a new object for each new feed (the "Xem thêm" chunk
   * changes it in place and asks the host to update).
   */
  paging: Paging = { items: [], visited: new Set(), announcement: '' };

  readonly #host: LitElement;
  readonly #source: FeedSource;
  /** The feed `paging` belongs to. */
  #feed?: Feed;

  /** Add it after the feed source, so it sees the feed this update draws. */
  constructor(host: LitElement, source: FeedSource) {
    this.#host = host;
    this.#source = source;
    host.addController(this);
  }

  // Before the host's update and render, which change no state.
  hostUpdate(): void {
    const { feed } = this.#source.state;
    if (feed !== this.#feed) this.#startOver(feed);
  }

  hostDisconnected(): void {
    this.paging.pages?.abort();
    this.paging.pages = undefined;
  }

  /**
   * One "Xem thêm" click: `limit` more of `ordered()` (the items that pass the filters,
   * in order), following `next_url` when the loaded ones run out.
   */
  more(ordered: () => Article[], limit: number, m: Messages, locale: string): void {
    const { paging } = this;
    more().then(
      ({ showMore }) => {
        // A feed that arrived meanwhile has its own paging: this click no longer applies.
        if (paging === this.paging) void showMore(this.#host, paging, ordered, limit, m, locale);
      },
      () => {
        // The chunk did not arrive (offline, a deploy in between): say so; the button stays.
        paging.announcement = m.error;
        this.#host.requestUpdate();
      },
    );
  }

  /**
   * A new feed (first load, retry, another `src`): forget the pages of the old one. A new
   * copy of the same feed (`refresh`, a remembered copy) keeps what the reader opened
   * with "Xem thêm" (see `keepOpened`; before any click there is nothing to keep).
   */
  #startOver(feed: Feed | undefined): void {
    const old = this.#feed;
    const paging = this.paging;
    this.#feed = feed;
    if (more.ready?.keepOpened(paging, old, feed)) return;
    paging.pages?.abort();
    // A JSON Feed's items are read as they are shown (the list's #orderedItems), until a page joins.
    const lazy = feed && readerOf(feed) ? feed : undefined;
    this.paging = {
      items: (!lazy && feed?.items) || [],
      lazy,
      nextUrl: feed?.nextUrl,
      visited: new Set(feed?.url ? feed.url.split(/\s+/) : []),
      announcement: '',
    };
  }
}

import { property } from 'lit/decorators.js';
import { CivicElement } from './civic-element.js';
import { FeedSource } from './feed-source.js';

/**
 * A widget that shows feed data: adds `src` and `.feed` to the common attributes and
 * owns the one feed-source controller that resolves them (property ▸ own `src` ▸
 * nearest `<civic-feed>`). Rendering stays in each element.
 */
export class CivicFeedElement extends CivicElement {
  /** Feed URL (JSON Feed 1.1, RSS 2.0 or Atom 1.0); several space-separated URLs are merged. */
  @property({ reflect: true }) src?: string | null;

  /** A parsed JSON Feed document or a `Feed` from `loadFeed`; wins over `src`. */
  @property({ attribute: false }) feed?: unknown;

  /** Where the data comes from and what state it is in. */
  protected readonly source = new FeedSource(this);
}

import type { JsonFeed } from '../../feed/json-feed.js';
import type { Feed } from '../../feed/model.js';
import type { PropertyDeclarations } from 'lit';
import { CivicElement } from './civic-element.js';
import { FeedSource } from './feed-source.js';

/**
 * A widget that shows feed data: adds `src` and `.feed` to the common attributes and
 * owns the one feed-source controller that resolves them (property ▸ own `src` ▸
 * nearest `<civic-feed>`). Rendering stays in each element.
 */
export class CivicFeedElement extends CivicElement {
  static override properties: PropertyDeclarations = {
    src: { reflect: true },
    feed: { attribute: false },
    theme: { reflect: true },
  };

  /** Feed URL (JSON Feed 1.1, RSS 2.0 or Atom 1.0); several space-separated URLs are merged. */
  declare src?: string | null;

  /** A parsed JSON Feed document or a `Feed` from `loadFeed`; wins over `src`. */
  declare feed?: JsonFeed | Feed | null;

  /**
   * Colours: unset follows the page (light, or dark where the page declares
   * `color-scheme: dark`), whatever the OS says; `light` or `dark` forces one and paints
   * the widget's own background (the system `Canvas`); `auto` follows the OS.
   */
  declare theme?: 'light' | 'dark' | 'auto';

  /** Where the data comes from and what state it is in. */
  protected readonly source = new FeedSource(this);

  /**
   * The zone for dates: own `time-zone`, then that of the `<civic-feed>` around it (which
   * applies with or without a feed loaded), then the feed's, then the viewer's.
   */
  protected override zoneFor(feedZone?: string): string {
    return super.zoneFor(this.source.state.timeZone ?? feedZone);
  }
}

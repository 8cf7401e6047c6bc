import { html, type TemplateResult } from 'lit';
import { CivicElement } from '../shared/civic-element.js';
import { renderEmpty } from '../shared/states.js';
import { feedStyles } from './feed.styles.js';

/**
 * Placeholder until the element lands.
 * @summary civic-feed
 */
export class CivicFeed extends CivicElement {
  static override styles = feedStyles;

  override render(): TemplateResult {
    return html`${renderEmpty(this.messages)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-feed': CivicFeed;
  }
}

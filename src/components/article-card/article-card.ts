import { html, type TemplateResult } from 'lit';
import { CivicElement } from '../shared/civic-element.js';
import { renderEmpty } from '../shared/states.js';
import { articlecardStyles } from './article-card.styles.js';

/**
 * Placeholder until the element lands.
 * @summary civic-article-card
 */
export class CivicArticleCard extends CivicElement {
  static override styles = articlecardStyles;

  override render(): TemplateResult {
    return html`${renderEmpty(this.messages)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-article-card': CivicArticleCard;
  }
}

import { html, type TemplateResult } from 'lit';
import { CivicElement } from '../shared/civic-element.js';
import { renderEmpty } from '../shared/states.js';
import { bulletinlistStyles } from './bulletin-list.styles.js';

/**
 * Placeholder until the element lands.
 * @summary civic-bulletin-list
 */
export class CivicBulletinList extends CivicElement {
  static override styles = bulletinlistStyles;

  override render(): TemplateResult {
    return html`${renderEmpty(this.messages)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-bulletin-list': CivicBulletinList;
  }
}

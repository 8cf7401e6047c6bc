import { html, type TemplateResult } from 'lit';
import { CivicElement } from '../shared/civic-element.js';
import { renderEmpty } from '../shared/states.js';
import { viewcounterStyles } from './view-counter.styles.js';

/**
 * Placeholder until the element lands.
 * @summary civic-view-counter
 */
export class CivicViewCounter extends CivicElement {
  static override styles = viewcounterStyles;

  override render(): TemplateResult {
    return html`${renderEmpty(this.messages)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-view-counter': CivicViewCounter;
  }
}

import { CivicDateLine } from './date-line.js';

// A page may load the script twice, or two versions of it: the first definition wins
// and the second load is a no-op instead of a DOMException.
if (!customElements.get('civic-date-line')) customElements.define('civic-date-line', CivicDateLine);

export { CivicDateLine };

import { CivicDateLine } from './date-line.js';

// A page may load the script twice, or two versions of it: the first definition wins
// and the second load is a no-op instead of a DOMException.
if (!customElements.get('civic-date-line')) customElements.define('civic-date-line', CivicDateLine);

export { CivicDateLine };
// Types only: brings the events' typing (`e.detail` on any listener) to this entry point.
export type { CivicEventMap, CivicFeedErrorEvent, CivicFeedLoadEvent } from '../shared/events.js';
// Types only: the element in React's JSX and Vue's templates (see frameworks.ts).
export type { CivicDateLineProps } from '../frameworks.js';

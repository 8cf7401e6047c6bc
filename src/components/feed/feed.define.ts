import { CivicFeed } from './feed.js';

// A second load of the script must not throw: the first definition wins.
if (!customElements.get('civic-feed')) customElements.define('civic-feed', CivicFeed);

export { CivicFeed };
// Types only: brings the events' typing (`e.detail` on any listener) to this entry point.
export type { CivicEventMap, CivicFeedErrorEvent, CivicFeedLoadEvent } from '../shared/events.js';
// Types only: the element in React's JSX and Vue's templates (see frameworks.ts).
export type { CivicFeedProps } from '../frameworks.js';

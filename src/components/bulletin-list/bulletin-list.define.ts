import { CivicBulletinList } from './bulletin-list.js';

// A second load of the script must not throw: the first definition wins.
if (!customElements.get('civic-bulletin-list'))
  customElements.define('civic-bulletin-list', CivicBulletinList);

export { CivicBulletinList };
// Types only: brings the events' typing (`e.detail` on any listener) to this entry point.
export type { CivicEventMap, CivicFeedErrorEvent, CivicFeedLoadEvent } from '../shared/events.js';
// Types only: the element in React's JSX and Vue's templates (see frameworks.ts).
export type { CivicBulletinListProps } from '../frameworks.js';

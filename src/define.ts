/**
 * Registers every element. This is the script-tag entry (`dist/civic-widgets.js`) and
 * the npm `civic-widgets/define.js`. Each define module leaves an element that is
 * already defined alone, so loading this twice is harmless.
 *
 * It exports nothing: the classes and `loadFeed` come from `civic-widgets` itself, and
 * leaving them out keeps the script-tag bundle to what the elements use.
 */
// First: it starts a chunk download the page will need (see there).
import './components/article-card/early.js';
import './components/feed/feed.define.js';
import './components/article-card/article-card.define.js';
import './components/view-counter/view-counter.define.js';
import './components/bulletin-list/bulletin-list.define.js';
import './components/date-line/date-line.define.js';

// Types only: the events' typing (`e.detail` on element, document and window listeners).
export type {
  CivicEventMap,
  CivicFeedErrorEvent,
  CivicFeedLoadEvent,
} from './components/shared/events.js';
// Types only: the elements in React's JSX and Vue's templates.
export type * from './components/frameworks.js';

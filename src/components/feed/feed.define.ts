import { CivicFeed } from './feed.js';

// A second load of the script must not throw: the first definition wins.
if (!customElements.get('civic-feed')) customElements.define('civic-feed', CivicFeed);

export { CivicFeed };

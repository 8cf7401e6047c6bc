import { CivicBulletinList } from './bulletin-list.js';

// A second load of the script must not throw: the first definition wins.
if (!customElements.get('civic-bulletin-list'))
  customElements.define('civic-bulletin-list', CivicBulletinList);

export { CivicBulletinList };

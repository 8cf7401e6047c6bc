import { CivicArticleCard } from './article-card.js';

// A second load of the script must not throw: the first definition wins.
if (!customElements.get('civic-article-card')) customElements.define('civic-article-card', CivicArticleCard);

export { CivicArticleCard };

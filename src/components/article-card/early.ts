/**
 * The first thing the script runs (define.ts imports this module first): a full card
 * already in the page will need its body renderer, so that chunk is asked for now, while
 * the rest of the script starts up (Lit, the elements, the page's first date formatter:
 * tens of ms), not after. The card asks for it at upgrade too, which also covers a card
 * added later (article-card.ts).
 */

/** The `full-article` chunk: body, attachments, JSON-LD, with marked and DOMPurify. */
export const fullArticle = () => import('./full-article.js');

// A failure is met again, and shown, by the card.
if (globalThis.document?.querySelector('civic-article-card[variant=full]'))
  fullArticle().catch(() => {});

/**
 * What the console tells a page's developer about a value a widget could not use: a bad
 * attribute, `.item` or zone. Each line names the element and quotes the value. They
 * travel in the lazy `extras` chunk (vite.config.ts), as a failure's words do: a console
 * line is no first paint's business, and the entry's bytes are. `warn` (warn.ts) says them.
 */

/** The lines, by key; each takes the values it quotes. */
export const devWords = {
  zone: (zone: string) =>
    `civic-widgets: time zone "${zone}" is not an IANA zone this browser knows; ignoring it`,
  item: (tag: string) => `${tag}: .item is neither a JSON Feed item nor an Article; ignoring it`,
  date: (date: string) =>
    `civic-date-line: date="${date}" is not an ISO date such as 2020-07-16; showing today instead`,
  layout: (layout: string, known: string) =>
    `civic-bulletin-list: layout="${layout}" is not one of ${known}; drawing a list`,
  action: (name: string, known: string) =>
    `civic-article-card: unknown action "${name}"; use ${known}`,
  count: (raw: string) =>
    `civic-view-counter: count="${raw}" is not a non-negative whole number such as 2007; ignoring it`,
  noItem: (id: string, url: string) =>
    `civic-view-counter: no item with id "${id}" in the feed${url ? ` ${url}` : ''}`,
};

export type DevWords = typeof devWords;

/** The door (see lazy.ts): nothing to borrow from the entry. */
export function init(): DevWords {
  return devWords;
}

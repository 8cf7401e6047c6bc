/**
 * The messages only the XML readers fail or warn with. They live in the XML chunk, not
 * in the entry's table (`errors.ts`, which holds every other feed message), because a
 * page whose feeds are JSON never needs them.
 */
export const xmlMessages = {
  // Only the XML chunk tells an HTML page (a body that starts with `<`) from a feed.
  html: () => `not a feed: got an HTML page, not JSON Feed, RSS or Atom`,
  notXml: (what: string) => `not XML: ${what}`,
  notXmlFeed: (root: string) =>
    `not a feed: the XML root is <${clip(root)}>, not <rss> or Atom <feed>`,
  notRss: (why: string) => `not an RSS feed: ${why}`,
  tooManyItems: (count: number, max: number) =>
    `has ${count} items; only the first ${max} are read`,
  tooManyAuthors: (count: number, max: number) =>
    `has ${count} authors; only the first ${max} are kept`,
  brokenXml: (what: string) => `not XML from here on: ${what}; the items before it are kept`,
  notDate: (value: string) => `"${clip(value)}" is not an RFC 822 or RFC 3339 date; not used`,
  notCount: (value: string) => `"${clip(value)}" is not a non-negative integer; not used`,
  notShown: (type: string) => `base64 content of type "${clip(type)}" is not text; not shown`,
  notRead: (format: string) =>
    `not a feed civic-widgets reads: ${format} is not read; RSS 2.0, RSS 1.0, Atom 1.0 and JSON Feed are`,
  unknownZone: (value: string) => `"${clip(value)}" has an unknown time zone; not used`,
  zoneReadIn: (value: string, zone: string) =>
    `"${clip(value)}" has an unknown time zone; read in ${zone}`,
} as const;

/** Keeps a hostile 10 kB value from flooding the console (as `errors.ts` does). */
function clip(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * A module loaded on first need. The script-tag entry keeps what every page uses; parts
 * only some pages need, or need only after first paint (the XML readers, the JSON error
 * describer, the writing of the remembered copy, the merge of several feeds, a failed
 * request's words and the CORS probe, the counter's live client, the card's actions and
 * JSON-LD, the bulletin list's other layouts, the lunar calendar, Markdown and the
 * sanitizer) are separate chunks fetched the first time they are asked for.
 *
 * A chunk must not import a module the entry also imports: that module would move to a
 * third chunk every page loads before anything renders. So what a chunk needs from the
 * entry is handed to it (see `kit.ts`).
 */

/** `load` run once and its promise shared; a failed load (offline, a deploy in between) is tried again next time. */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let chunk: Promise<T> | undefined;
  return () =>
    (chunk ??= load().catch((error: unknown) => {
      chunk = undefined;
      throw error;
    }));
}

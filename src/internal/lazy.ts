/**
 * The lazy-loading runtime. The script-tag entry keeps what every page draws first; the
 * rest is in three lazy chunks, fetched the first time a page asks for any part of them
 * (vite.config.ts lists which module goes where; ARCHITECTURE.md says why):
 * - `parse-xml`: the RSS and Atom readers;
 * - `full-article`: the full card's body, attachments and JSON-LD, with marked and DOMPurify;
 * - `extras`: everything small, whether a first paint waits for it (the list's other
 *   layouts, the lunar calendar, the merge of several feeds, HTML to text) or nothing
 *   does (writing the remembered copy, a failure's words, the refresh timer, the card's
 *   actions, "Xem thêm", the live count).
 *
 * A chunk must not import a module the entry also imports: that module would move to a
 * further chunk every page loads before anything renders, or the chunk would import the
 * entry itself and load a second copy of it when a page adds `?v=2` to the script URL
 * (WordPress adds `?ver=` to every script). So each lazily loaded module is a door: it
 * imports only types and chunk-only modules, and exports `init(runtime)`, which is handed
 * the one runtime object the entry builds (`src/feed/runtime.ts`, extended with Lit and
 * the elements' helpers in `src/components/shared/runtime.ts`) and returns the module's
 * API. `npm run build` fails when a chunk breaks these rules (scripts/check-size.mjs).
 */

/** What a lazily loaded module exports: one door, opened once with what it borrows from the entry. */
export interface Door<R, API> {
  init(runtime: R): API;
}

/** A lazily loaded module's API: call to load it; `ready` has it, synchronously, once loaded. */
export interface Chunk<API> {
  (): Promise<API>;
  /** The API once loaded, for code that must not wait (a render); undefined before. */
  readonly ready: API | undefined;
  /**
   * A load has failed (offline, a deploy in between, a file not copied): a widget then
   * draws its fallback instead of waiting, and asks again only when told to. Read after
   * `ready`, which a later successful load sets.
   */
  readonly failed?: boolean;
}

/**
 * A door loaded on first call, once per page, and opened with `runtime`. A failed load
 * (offline, a deploy in between) is tried again on the next call.
 *
 * @param load the `import()` of the door; when the door's chunk imports another chunk,
 *   `load` asks for both at once (`Promise.all`), so a first paint waits for one round
 *   trip, not a waterfall of two.
 */
export function chunk<R, API>(load: () => Promise<Door<R, API>>, runtime: R): Chunk<API> {
  let loading: Promise<API> | undefined;
  const get = (): Promise<API> => {
    if (!loading)
      started = Promise.allSettled([
        started,
        (loading = load().then(
          (door) => (state.ready = door.init(runtime)),
          (error: unknown) => {
            loading = undefined;
            state.failed = true;
            missing(error);
            throw error;
          },
        )),
      ]);
    return loading;
  };
  const state = get as Chunk<API> & { ready: API | undefined; failed?: boolean };
  return state;
}

let told = false;

/**
 * Says once per page, on the console, what a site maintainer can do about a chunk that
 * did not load: the usual cause is a deploy that copied `civic-widgets.js` alone. The
 * widgets themselves show their fallback in plain words.
 */
function missing(error: unknown): void {
  if (told) return;
  told = true;
  // A template turns any thrown value into text (an Error as "TypeError: …").
  console.warn(`civic-widgets: ${error as string}; deploy the whole dist/ folder`);
}

/**
 * Every chunk load begun so far, settled or not. A chunk a first paint waits for (a full
 * card's body, the XML readers) may still be on its way when the page is first idle: work
 * after paint waits for it too, rather than take a share of a slow link's bandwidth.
 */
let started: Promise<unknown> = Promise.resolve();

/** How long after-paint work waits for the chunks on their way, at most (ms). */
export const STALL_MS = 10_000;

/**
 * After the next frame is drawn and the chunks asked for so far have arrived (or soon, in
 * a hidden tab): for work no content waits on (writing the remembered copy, the warnings
 * of a big feed's items nobody has shown). A chunk request that never ends (a stalled
 * connection) holds it back for STALL_MS, not for as long as the browser lets it hang.
 */
export function afterPaint(work: () => void): void {
  const idle = (globalThis as { requestIdleCallback?: typeof requestIdleCallback })
    .requestIdleCallback;
  void Promise.race([started, new Promise((stalled) => setTimeout(stalled, STALL_MS))]).then(() =>
    idle ? idle(() => work(), { timeout: 2000 }) : setTimeout(work, 50),
  );
}

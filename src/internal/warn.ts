/**
 * Console warnings for a page's developer, worded in the lazy `extras` chunk
 * (dev-words.ts). The line follows within a moment (at once when the chunk is loaded,
 * which nearly every page does after first paint); if the chunk cannot load, lazy.ts
 * says which file is missing instead. Each line is said once per page, however many
 * widgets or renders meet the same value (as the feed warnings are, events.ts).
 */
import type { DevWords } from './dev-words.js';
import { chunk } from './lazy.js';

const words = chunk(() => import('./dev-words.js'), undefined);

const said = new Set<string>();

/** Says `devWords[key](...values)` on the console, unless this page has already. */
export function warn<K extends keyof DevWords>(key: K, ...values: Parameters<DevWords[K]>): void {
  const line = `${key} ${values.join(' ')}`;
  if (said.has(line)) return;
  said.add(line);
  words().then(
    (w) => console.warn((w[key] as (...v: Parameters<DevWords[K]>) => string)(...values)),
    () => undefined,
  );
}

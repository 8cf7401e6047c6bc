// @ts-check
/**
 * `civic-counter import FEED.json…`: seeds counts from the feed items' `_civic.views`,
 * raising a stored count to the feed's number and never lowering one (an atomic
 * compare-and-set in the store, so it is safe while the service counts).
 */
import { readFile } from 'node:fs/promises';
import { checkId } from './handler.mjs';

/** @typedef {import('./store.mjs').CounterStore} CounterStore */
/** @typedef {import('./log.mjs').Logger} Logger */

/**
 * @param {CounterStore} store @param {string[]} files @param {Logger} log
 * @returns {Promise<{ raised: number, kept: number, skipped: number }>}
 */
export async function importFeeds(store, files, log) {
  const totals = { raised: 0, kept: 0, skipped: 0 };
  for (const file of files) {
    const feed = JSON.parse(await readFile(file, 'utf8'));
    const items = Array.isArray(feed?.items) ? feed.items : [];
    for (const item of items) {
      const views = item?._civic?.views;
      let id;
      try {
        id = checkId(item?.id);
      } catch (error) {
        id = undefined;
        log('warn', 'item skipped', { file, reason: String(/** @type {Error} */ (error).message) });
      }
      if (id === undefined) {
        totals.skipped++;
        continue;
      }
      if (!Number.isSafeInteger(views) || views < 0) {
        if (views !== undefined) log('warn', 'item skipped: views is not a count', { file, id });
        totals.skipped++;
        continue;
      }
      const now = await store.seed(id, views);
      if (now === views) totals.raised++;
      else totals.kept++;
    }
  }
  return totals;
}

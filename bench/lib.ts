// The library helpers the hand-written side (A) of the benchmark uses, bundled by
// bench/run.mjs into bench/results/lib.js. The script-tag bundle exports nothing, so the
// benchmark builds these from the same sources instead.
export { formatDate, resolveTimeZone } from '../src/format/dates.js';
export { messagesFor } from '../src/format/messages.js';
export { toFeed } from '../src/feed/convert.js';
export { headline } from '../src/format/headline.js';

// Size budget for the script-tag entry: under 25 KiB gzipped (the aim is 15 KiB, with
// Markdown and the sanitizer in a lazy chunk). Fails the build when over budget.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET = 25 * 1024;
const AIM = 15 * 1024;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const gz = (file) => gzipSync(readFileSync(new URL(`../dist/${file}`, import.meta.url)), { level: 9 }).length;

const entry = gz('civic-widgets.js');
console.log(`dist/civic-widgets.js       ${kib(entry)} gzipped (budget ${kib(BUDGET)}, aim ${kib(AIM)})`);
for (const f of readdirSync(new URL('../dist/', import.meta.url))) {
  if (f.startsWith('civic-widgets') && f !== 'civic-widgets.js' && f.endsWith('.js')) {
    console.log(`dist/${f.padEnd(24)} ${kib(gz(f))} gzipped`);
  }
}
if (entry > BUDGET) {
  console.error(`dist/civic-widgets.js is ${kib(entry)} gzipped, over the ${kib(BUDGET)} budget`);
  process.exit(1);
}

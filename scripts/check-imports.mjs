// The import-graph check of `npm run lint`: no cycles, no import against the floors
// (.dependency-cruiser.cjs, ARCHITECTURE.md). Fails with one line per violation.
//
// Through dependency-cruiser's API rather than its CLI: the CLI refuses Node 20 (its
// engines say ^22), which this project still supports; the API, pinned, runs on it.
import { createRequire } from 'node:module';
import { cruise } from 'dependency-cruiser';

const require = createRequire(import.meta.url);
const config = require('../.dependency-cruiser.cjs');

const result = await cruise(['src', 'demo', 'server'], {
  ...config.options,
  validate: true,
  ruleSet: { forbidden: config.forbidden },
});
const { violations, totalCruised } = result.output.summary;
for (const v of violations) {
  const cycle = v.cycle?.length ? ` (cycle: ${v.cycle.map((c) => c.name ?? c).join(' -> ')})` : '';
  console.error(`${v.rule.name}: ${v.from} -> ${v.to}${cycle}`);
}
if (violations.length) {
  console.error(
    `check-imports: ${violations.length} import(s) against the floors; see ARCHITECTURE.md`,
  );
  process.exit(1);
}
console.log(`check-imports: ${totalCruised} modules, no cycles, every import on its floor`);

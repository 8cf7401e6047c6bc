/**
 * End-to-end checks in the machine's own Chromium (never a downloaded browser: the
 * launch options name /usr/bin/chromium or $CHROME_PATH, see tests/chromium.mjs).
 *
 * - project `demo` (`npm run test:demo`, the last step of `npm test`): the demo pages on
 *   the demo's Vite server, and the repository checks (one element list, one copy of the
 *   sample feeds);
 * - project `dist` (`npm run test:dist`, after `npm run build`): the script-tag files of
 *   `dist/` (or `$CIVIC_DIST`) on a plain static server.
 *
 * The specs start their servers themselves, on free ports (see the fixtures in
 * tests/e2e/), since the dist checks read what their server was asked.
 */
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/chromium.mjs';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.ts',
  outputDir: 'test-results/e2e',
  // One at a time: the machine is small and shared, and the layout-shift figures are
  // steadier without a second page being drawn beside them.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['./tests/e2e/summary-reporter.ts']],
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    // A viewer far from Vietnam, so that a date in the wrong zone shows.
    timezoneId: 'America/Los_Angeles',
    locale: 'en-US',
    trace: 'off',
    screenshot: 'off',
    video: 'off',
  },
  projects: [
    { name: 'demo', testMatch: ['demo.spec.ts', 'repo.spec.ts'] },
    { name: 'dist', testMatch: 'dist.spec.ts' },
  ],
});

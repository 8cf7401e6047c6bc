// Browser tests run in the machine's own Chromium (no browser download), with the
// browser's clock in a zone far from Vietnam's so that time-zone bugs cannot hide.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';
import { faultMiddleware } from './tests/server/faults.mjs';
import { viewCounterMiddleware } from './tests/server/view-counter.mjs';
import { articleCardMiddleware } from './tests/server/article-card.mjs';
import { bulletinListMiddleware } from './tests/server/bulletin-list.mjs';
import { counterServiceMiddleware, counterServicePlugin } from './tests/server/counter-service.mjs';

/** A Chromium whose viewer time zone is `timezoneId`. */
function chromium(timezoneId) {
  return playwrightLauncher({
    product: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    createBrowserContext: ({ browser }) => browser.newContext({ timezoneId, locale: 'en-US' }),
  });
}

export default {
  files: ['tests/**/*.test.ts'],
  nodeResolve: true,
  rootDir: '.',
  middleware: [
    faultMiddleware,
    viewCounterMiddleware,
    bulletinListMiddleware,
    articleCardMiddleware,
    counterServiceMiddleware,
  ],
  plugins: [
    counterServicePlugin(),
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  // The main run: the viewer sits in Los Angeles (UTC-8/-7), 14-15 hours from Vietnam.
  browsers: [chromium('America/Los_Angeles')],
  groups: [
    {
      // Zone-sensitive suites run a second time on the other side of the date line.
      name: 'viewer-in-kiritimati',
      files: [
        'tests/format/**/*.test.ts',
        'tests/components/date-line/**/*.test.ts',
        'tests/components/article-card/**/*.test.ts',
      ],
      browsers: [chromium('Pacific/Kiritimati')],
    },
  ],
  filterBrowserLogs: ({ args }) =>
    !(typeof args[0] === 'string' && args[0].includes('Lit is in dev mode')),
  testFramework: { config: { timeout: 5000 } },
  testsFinishTimeout: 300000,
};

// Browser tests run in the machine's own Chromium (no browser download), with the
// browser's clock in a zone far from Vietnam's so that time-zone bugs cannot hide.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumLaunchOptions } from './tests/chromium.mjs';
import { demoApiMiddleware, faultMiddleware } from './tests/server/faults.mjs';
import { viewCounterMiddleware } from './tests/server/view-counter.mjs';
import { articleCardMiddleware } from './tests/server/article-card.mjs';
import { bulletinListMiddleware } from './tests/server/bulletin-list.mjs';
import { loadingMiddleware } from './tests/server/loading.mjs';
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
  // The demo's server runs the same fault routes (vite.demo.config.ts), /demo-api/ included.
  middleware: [
    faultMiddleware,
    demoApiMiddleware,
    viewCounterMiddleware,
    bulletinListMiddleware,
    articleCardMiddleware,
    loadingMiddleware,
    counterServiceMiddleware,
  ],
  plugins: [
    counterServicePlugin(),
    {
      // @open-wc's waitUntil gives up after 1 s by default. On a shared 2-core machine a
      // lazy chunk's first import can take longer than that without anything being wrong,
      // so the default becomes 10 s (tests that pass a timeout keep theirs).
      name: 'wait-until-default',
      transform(context) {
        if (context.path.endsWith('/@open-wc/testing-helpers/src/helpers.js'))
          return context.body.replace('timeout = 1000 }', 'timeout = 10000 }');
        return undefined;
      },
    },
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
  // Generous: the test machines are shared 2-core boxes; a slow first import under load is not a failure.
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 300000,
};

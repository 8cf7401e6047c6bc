/**
 * The demo (`npm start`): the portal page, the gallery and the playground, served from
 * `demo/` with the library's source compiled on the fly.
 *
 * The gallery forces every widget state through real HTTP: `/demo-api/*` URLs are answered
 * by the project's one fault server, `tests/server/faults.mjs` (the same routes the browser
 * tests use), with the faults a site's feed server can have (slow, empty, 404, 500, not
 * JSON, an HTML page, a server that fails after its first answer). `feeds/*` are the sample
 * feeds of `tests/fixtures/`, the one copy the tests and the demo share. The library itself
 * carries no mocks: these answers reach it exactly as a real server's would.
 */
import { defineConfig, type Plugin } from 'vite';
import { cpSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { connectAdapter } from './tests/server/connect.mjs';
import { demoApiMiddleware, faultMiddleware } from './tests/server/faults.mjs';

const here = import.meta.dirname;
const demoDir = resolve(here, 'demo');
const fixturesDir = resolve(here, 'tests/fixtures');

/** `/demo-api/*`, `/feeds/*` and `/faults/*`; everything else goes on to Vite. */
const faults = connectAdapter(demoApiMiddleware, faultMiddleware);

/** The fault URLs on the dev server and on `vite preview`, plus the feed files in a build. */
function demoFaults(): Plugin {
  return {
    name: 'civic-demo-faults',
    configureServer(server) {
      server.middlewares.use(faults);
    },
    configurePreviewServer(server) {
      server.middlewares.use(faults);
    },
    // Feeds and images are named in attributes, not imported, so the bundler does not see them.
    closeBundle() {
      const out = resolve(here, 'dist-demo');
      for (const file of readdirSync(fixturesDir).filter((f) => /\.(json|xml)$/.test(f)))
        cpSync(resolve(fixturesDir, file), resolve(out, 'feeds', file));
      cpSync(resolve(demoDir, 'images'), resolve(out, 'images'), { recursive: true });
    },
  };
}

export default defineConfig({
  root: 'demo',
  publicDir: false,
  plugins: [demoFaults()],
  server: { port: 5173, host: '127.0.0.1', open: false, fs: { allow: ['..'] } },
  build: {
    outDir: resolve(here, 'dist-demo'),
    emptyOutDir: true,
    rolldownOptions: {
      input: Object.fromEntries(
        ['index', 'en', 'gallery', 'playground'].map((page) => [
          page,
          resolve(demoDir, `${page}.html`),
        ]),
      ),
    },
  },
});

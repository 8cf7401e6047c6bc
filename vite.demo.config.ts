/**
 * The demo (`npm start`): the portal page, the gallery and the playground, served from
 * `demo/` with the library's source compiled on the fly.
 */
import { defineConfig } from 'vite';
import { resolve } from 'node:path';

export default defineConfig({
  root: 'demo',
  publicDir: false,
  server: { port: 5173, host: '127.0.0.1', open: false, fs: { allow: ['..'] } },
  build: {
    outDir: resolve(import.meta.dirname, 'dist-demo'),
    emptyOutDir: true,
  },
});

// A tiny static server for the dist checks and the benchmark: node:http only, bound to
// 127.0.0.1 on a free port, so a test page can never reach anything but this machine.
// - Files come from the project root; `/dist/…` can be pointed at another build folder.
// - The query string is ignored when reading a file, so `/dist/civic-widgets.js?copy=2`
//   is the same bytes under a second URL: a second module instance in the browser.
// - `/slow/<path>` answers `<path>` after `slowMs` (a feed that arrives late).
// - `routes` maps a path to an in-memory answer (generated pages and feeds).
// - `headers(path)` adds response headers (the strict CSP on the security pages).
// Every request path is recorded in `server.requests`, so a check can ask whether the
// lazy chunk was fetched.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** The content type for a file name, by extension. */
export const contentType = (path) =>
  TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';

/**
 * Start the server. Resolves to `{ origin, requests, close() }`.
 * @param {object} options
 * @param {string} options.root project root to serve
 * @param {string} [options.distDir] folder that answers `/dist/…` (default `<root>/dist`)
 * @param {Map<string, {body: string|Buffer, type?: string, headers?: object}>} [options.routes]
 * @param {(path: string) => object|undefined} [options.headers] extra headers per path
 * @param {number} [options.slowMs] delay of `/slow/…` paths (default 500)
 */
export async function startStaticServer({
  root,
  distDir,
  routes = new Map(),
  headers,
  slowMs = 500,
}) {
  const rootDir = resolve(root);
  const dist = resolve(distDir ?? join(rootDir, 'dist'));
  const requests = [];

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let path = decodeURIComponent(url.pathname);
      requests.push(url.pathname + url.search);
      if (path.startsWith('/slow/')) {
        await sleep(slowMs);
        path = path.slice('/slow'.length);
      }
      const extra = headers?.(path) ?? {};
      const route = routes.get(path);
      if (route) {
        res.writeHead(200, {
          'content-type': route.type ?? contentType(path),
          'cache-control': 'no-store',
          ...extra,
          ...route.headers,
        });
        res.end(req.method === 'HEAD' ? undefined : route.body);
        return;
      }
      const file = resolveFile(path, rootDir, dist);
      if (!file || !(await stat(file).catch(() => null))?.isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...extra });
        res.end(`Not found: ${path}`);
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': contentType(file),
        'cache-control': 'no-store',
        ...extra,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(String(err));
    }
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

/** Map a URL path to a file inside the served folders, or null if it would leave them. */
function resolveFile(path, rootDir, dist) {
  const [base, rest] =
    path === '/dist' || path.startsWith('/dist/') ? [dist, path.slice(5)] : [rootDir, path];
  const file = normalize(join(base, rest));
  if (file !== base && !file.startsWith(base + sep)) return null;
  return file.endsWith(sep) ? join(file, 'index.html') : file;
}

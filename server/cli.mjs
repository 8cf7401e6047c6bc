#!/usr/bin/env node
// @ts-check
/**
 * civic-counter: the view-count service of civic-widgets.
 *
 *   civic-counter                   serve GET/POST /views and GET /healthz
 *   civic-counter import FEED.json  raise stored counts to the feeds' _civic.views
 *
 * Configuration by environment: PORT, HOST, REDIS_URL, ALLOW_ORIGINS, RATE_LIMIT,
 * TRUST_PROXY (README "Counting views").
 */
import { readFileSync } from 'node:fs';
import { ConfigError, readConfig } from './config.mjs';
import { importFeeds } from './import.mjs';
import { createLogger } from './log.mjs';
import { openStore, serve } from './service.mjs';

const USAGE = `Usage:
  civic-counter                    serve the view counter (GET/POST /views, GET /healthz)
  civic-counter import FEED.json…  raise stored counts to the feeds' _civic.views (needs REDIS_URL)

Environment: PORT (8787), HOST (127.0.0.1), REDIS_URL (unset: in memory, lost on restart),
ALLOW_ORIGINS (exact origins for CORS, comma-separated), RATE_LIMIT (counted hits per minute
per client IP, 60; 0: off), TRUST_PROXY (1: client IP from X-Forwarded-For).`;

const log = createLogger();
const [command, ...args] = process.argv.slice(2);

async function main() {
  if (command === '--help' || command === '-h') return console.log(USAGE);
  if (command === '--version') {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    return console.log(pkg.version);
  }
  const config = readConfig(process.env);
  if (command === undefined) {
    await serve(config, log);
    return;
  }
  if (command === 'import') {
    if (args.length === 0) throw new ConfigError('import needs at least one feed file');
    if (!config.redisUrl) {
      throw new ConfigError('import needs REDIS_URL: the in-memory store ends with this process');
    }
    const store = await openStore(config, log, { wait: 10_000 });
    try {
      const totals = await importFeeds(store, args, log);
      log('info', 'import done', totals);
    } finally {
      await store.close();
    }
    return;
  }
  throw new ConfigError(`unknown command "${command}"\n\n${USAGE}`);
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    log('error', error.message);
    process.exit(2);
  }
  log('error', 'failed', { error: String(error?.stack ?? error) });
  process.exit(1);
});

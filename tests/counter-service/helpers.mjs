// Helpers for the counter-service tests (node --test): a real redis-server and real
// `civic-counter` processes on free loopback ports, stopped by pid; plain HTTP requests.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, Agent } from 'node:http';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from '@redis/client';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CLI = join(ROOT, 'server/cli.mjs');
export const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';

/** Every process started here, so a failing test still leaves none behind. */
const children = new Set();
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

/** A port nobody listens on right now. */
export async function freePort() {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

/** Polls `check` until it returns a truthy value; throws after `timeout` ms. */
export async function until(check, what, timeout = 15_000, every = 50) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end)
      throw new Error(`timed out waiting for ${what}${last ? `: ${last}` : ''}`);
    await sleep(every);
  }
}

/** True when something answers a TCP connect on the port. */
function listening(port) {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

/**
 * A redis-server of its own: no RDB snapshots; with `aof`, an append-only file (fsync
 * every second; a clean stop writes it out) in a temp dir that survives `restart()`.
 */
export async function startRedis({ aof = false } = {}) {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'civic-redis-'));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dir];
  args.push(
    ...(aof ? ['--appendonly', 'yes', '--appendfsync', 'everysec'] : ['--appendonly', 'no']),
  );
  let proc;
  const redis = {
    port,
    url: `redis://127.0.0.1:${port}`,
    get pid() {
      return proc.pid;
    },
    async start() {
      proc = spawn(REDIS_SERVER, args, { stdio: 'ignore' });
      children.add(proc);
      proc.once('error', (error) => {
        throw new Error(`cannot start ${REDIS_SERVER} (apt-get install redis-server): ${error}`);
      });
      await until(() => listening(port), `redis-server on port ${port}`);
    },
    freeze: () => process.kill(proc.pid, 'SIGSTOP'),
    thaw: () => process.kill(proc.pid, 'SIGCONT'),
    /** Gone at once, like a crash. */
    async kill() {
      process.kill(proc.pid, 'SIGCONT');
      process.kill(proc.pid, 'SIGKILL');
      if (proc.exitCode === null && proc.signalCode === null) await once(proc, 'exit');
    },
    /** A clean shutdown (the AOF is complete). */
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      process.kill(proc.pid, 'SIGCONT');
      process.kill(proc.pid, 'SIGTERM');
      await once(proc, 'exit');
    },
    async restart() {
      await redis.stop();
      await redis.start();
    },
    async close() {
      await redis.stop();
      rmSync(dir, { recursive: true, force: true });
    },
    /** A node-redis client for looking at the keys directly. */
    async client() {
      const client = createClient({ url: redis.url });
      await client.connect();
      return client;
    },
  };
  await redis.start();
  return redis;
}

/**
 * A `civic-counter` process (or any of its commands with `args`). Resolves once it
 * listens; `logs` collects its JSON lines.
 */
export async function startService(env = {}, args = []) {
  const proc = spawn(process.execPath, [CLI, ...args], {
    env: { PATH: process.env.PATH, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(proc);
  const logs = [];
  let buffered = '';
  proc.stdout.setEncoding('utf8');
  proc.stdout.on('data', (text) => {
    buffered += text;
    const lines = buffered.split('\n');
    buffered = lines.pop();
    for (const line of lines) logs.push(JSON.parse(line));
  });
  let stderr = '';
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (text) => (stderr += text));
  const exited = new Promise((done) => proc.once('exit', (code, signal) => done({ code, signal })));
  const service = {
    proc,
    logs,
    exited,
    get stderr() {
      return stderr;
    },
    url: '',
    /** Sends a signal and resolves with the exit. */
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      return exited;
    },
  };
  if (args.length === 0) {
    const started = await Promise.race([
      until(() => logs.find((l) => l.msg === 'listening'), 'the service to listen'),
      exited.then(({ code }) => {
        throw new Error(`civic-counter exited ${code}: ${stderr} ${JSON.stringify(logs)}`);
      }),
    ]);
    service.url = started.url.replace(/\/views$/, '');
  }
  return service;
}

/** Runs a civic-counter command to its end: { code, logs, stderr }. */
export async function runCli(args, env = {}) {
  const service = await startService(env, args);
  const { code } = await service.exited;
  return { code, logs: service.logs, stderr: service.stderr };
}

/** A keep-alive agent for `request`. */
export const keepAlive = (maxSockets = 50) => new Agent({ keepAlive: true, maxSockets });

/**
 * One HTTP request. `json` is sent as an application/json body; resolves with the
 * status, headers, parsed body (or text) and the time it took.
 */
export function request(base, path, { method = 'GET', headers = {}, json, body, agent } = {}) {
  const started = Date.now();
  const payload = json !== undefined ? JSON.stringify(json) : body;
  const allHeaders = { ...headers };
  if (json !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    allHeaders['Content-Type'] = 'application/json';
  }
  return new Promise((done, fail) => {
    const req = httpRequest(`${base}${path}`, { method, headers: allHeaders, agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => {
        let parsed = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // not JSON: keep the text
        }
        done({
          status: res.statusCode,
          headers: res.headers,
          body: parsed,
          ms: Date.now() - started,
        });
      });
    });
    req.on('error', fail);
    req.end(payload);
  });
}

/** POST a hit for `id`. */
export const hit = (base, id, options = {}) =>
  request(base, '/views', { ...options, method: 'POST', json: { id } });
/** GET the count of `id`. */
export const views = (base, id, options = {}) =>
  request(base, `/views?id=${encodeURIComponent(id)}`, options);

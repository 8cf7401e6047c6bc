// @ts-check
/**
 * One-line JSON logs: one object per line on stdout (warnings and errors included), so a
 * log shipper needs no multi-line parsing. No IP address or User-Agent is ever logged.
 */

/** @typedef {'info' | 'warn' | 'error'} Level */
/** @typedef {(level: Level, msg: string, fields?: Record<string, unknown>) => void} Logger */

/**
 * A logger that writes `{"time","level","msg",...fields}` lines to `stream`.
 * @param {{ write(line: string): unknown }} [stream]
 * @returns {Logger}
 */
export function createLogger(stream = process.stdout) {
  return (level, msg, fields = {}) => {
    stream.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })}\n`);
  };
}

/** A logger that drops everything (the demo server has its own output). */
/** @type {Logger} */
export const silentLogger = () => {};

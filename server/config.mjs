// @ts-check
/** `civic-counter`'s configuration, from the environment (see README "Counting views"). */

/**
 * @typedef {object} Config
 * @property {number} port
 * @property {string} host
 * @property {string | undefined} redisUrl
 * @property {boolean} redisCluster
 * @property {string[]} allowOrigins
 * @property {number} rateLimit
 * @property {number} trustProxy
 */

/** A configuration mistake: `civic-counter` prints it and exits 2. */
export class ConfigError extends Error {}

/**
 * @param {Record<string, string | undefined>} env
 * @returns {Config}
 */
export function readConfig(env) {
  return {
    port: integer(env, 'PORT', 8787, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    redisUrl: env.REDIS_URL?.trim() || undefined,
    redisCluster: env.REDIS_CLUSTER === '1',
    allowOrigins: origins(env.ALLOW_ORIGINS),
    rateLimit: integer(env, 'RATE_LIMIT', 60, 0, Number.MAX_SAFE_INTEGER),
    trustProxy: integer(env, 'TRUST_PROXY', 0, 0, 10),
  };
}

/**
 * @param {Record<string, string | undefined>} env @param {string} name
 * @param {number} fallback @param {number} min @param {number} max
 */
function integer(env, name, fallback, min, max) {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  }
  return value;
}

/** Exact origins only: each entry must be scheme://host[:port] and nothing else. */
/** @param {string | undefined} raw */
function origins(raw) {
  if (!raw?.trim()) return [];
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      let origin;
      try {
        origin = new URL(entry).origin;
      } catch {
        origin = 'null';
      }
      if (origin === 'null' || origin !== entry.replace(/\/$/, '')) {
        throw new ConfigError(
          `ALLOW_ORIGINS takes exact origins such as https://www.example.gov.vn (no "*", path or wildcard), not "${entry}"`,
        );
      }
      return origin;
    });
}

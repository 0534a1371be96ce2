// ioredis connections that never hang a request: bounded connect timeout, a
// per-command timeout, no offline queue for request-path clients, and
// reconnects with backoff capped at 2 s forever in the background.
import { Redis, type RedisOptions } from 'ioredis';

export interface RedisSettings {
  url: string;
  connectTimeoutMs: number;
  commandTimeoutMs: number;
}

/** The longest wait between two reconnect attempts. */
export const REDIS_RETRY_CAP_MS = 2_000;

export type RedisRole = 'request-path' | 'blocking-worker';

export function createRedis(settings: RedisSettings, role: RedisRole): Redis {
  const options: RedisOptions = {
    connectTimeout: settings.connectTimeoutMs,
    lazyConnect: false,
    // Exponential backoff capped at 2 s (so the queue, the shared limits and
    // live updates are back within about 2 s of Redis; one connection attempt
    // a second or two per client costs Redis nothing), with jitter so
    // replicas do not reconnect in lockstep after an outage.
    retryStrategy: (times) => {
      const ceiling = Math.min(100 * 2 ** Math.min(times, 5), REDIS_RETRY_CAP_MS);
      return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
    },
    // TLS comes from the rediss:// scheme; ioredis reads it from the URL.
  };
  if (role === 'request-path') {
    // Fail at once while disconnected instead of queueing commands in memory.
    options.enableOfflineQueue = false;
    options.commandTimeout = settings.commandTimeoutMs;
    options.maxRetriesPerRequest = 1;
  } else {
    // BullMQ workers block on Redis and must keep retrying (its requirement).
    options.maxRetriesPerRequest = null;
  }
  return new Redis(settings.url, options);
}

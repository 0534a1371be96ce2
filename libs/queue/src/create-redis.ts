// ioredis connections that never hang a request: bounded connect timeout, a
// per-command timeout, no offline queue for request-path clients, and
// reconnects with capped backoff forever in the background.
import { Redis, type RedisOptions } from 'ioredis';

export interface RedisSettings {
  url: string;
  connectTimeoutMs: number;
  commandTimeoutMs: number;
}

export type RedisRole = 'request-path' | 'blocking-worker';

export function createRedis(settings: RedisSettings, role: RedisRole): Redis {
  const options: RedisOptions = {
    connectTimeout: settings.connectTimeoutMs,
    lazyConnect: false,
    // Exponential backoff capped at 5 s, with jitter so replicas do not
    // reconnect in lockstep after an outage.
    retryStrategy: (times) => {
      const ceiling = Math.min(200 * 2 ** Math.min(times, 6), 5_000);
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

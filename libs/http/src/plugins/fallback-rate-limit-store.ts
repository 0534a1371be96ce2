// A @fastify/rate-limit store that counts every request in Redis (shared by
// every replica) and falls back to the plugin's in-memory LocalStore while
// Redis is down: the per-route limits (sign-in, uploads) of
// batched-rate-limit-store.ts.
// The plugin's own `skipOnError` would stop limiting altogether during an
// outage; this keeps per-process limits instead, logs the switch once, and
// never waits on a dead connection (request-path ioredis clients fail fast).
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import type { Redis } from 'ioredis';
import type { Logger } from '@zamio/logger';
// The plugin ships both stores but does not type their deep imports.
// @ts-expect-error untyped CommonJS module of @fastify/rate-limit
import RedisStoreImpl from '@fastify/rate-limit/store/RedisStore.js';
// @ts-expect-error untyped CommonJS module of @fastify/rate-limit
import LocalStoreImpl from '@fastify/rate-limit/store/LocalStore.js';

export type IncrCallback = Parameters<FastifyRateLimitStore['incr']>[1];
export type StoreOptions = {
  continueExceeding?: boolean;
  exponentialBackoff?: boolean;
  cache?: number;
  routeInfo?: { method?: string; url?: string };
};
export interface InnerStore {
  incr(key: string, callback: IncrCallback, timeWindow: number, max: number): void;
  child(options: StoreOptions): InnerStore;
}

const RedisStore = RedisStoreImpl as new (
  continueExceeding: boolean,
  exponentialBackoff: boolean,
  redis: Redis,
  key: string,
) => InnerStore;
const LocalStore = LocalStoreImpl as new (
  continueExceeding: boolean,
  exponentialBackoff: boolean,
  cache?: number,
) => InnerStore;

export interface FallbackState {
  redis: Redis;
  logger: Logger;
  degraded: boolean;
}

export class FallbackStore {
  constructor(
    private readonly state: FallbackState,
    private readonly shared: InnerStore,
    private readonly local: InnerStore,
  ) {}

  incr(key: string, callback: IncrCallback, timeWindow: number, max: number): void {
    if (this.state.redis.status !== 'ready') {
      this.noteDegraded(new Error(`redis connection is ${this.state.redis.status}`));
      return this.local.incr(key, callback, timeWindow, max);
    }
    this.shared.incr(
      key,
      (error, result) => {
        if (!error) {
          this.noteRecovered();
          return callback(null, result);
        }
        this.noteDegraded(error);
        this.local.incr(key, callback, timeWindow, max);
      },
      timeWindow,
      max,
    );
  }

  child(options: StoreOptions): FallbackStore {
    return new FallbackStore(this.state, this.shared.child(options), this.local.child(options));
  }

  private noteDegraded(error: Error): void {
    if (this.state.degraded) return;
    this.state.degraded = true;
    this.state.logger.warn({ err: error }, 'rate limits fall back to in-memory counters until redis returns');
  }

  private noteRecovered(): void {
    if (!this.state.degraded) return;
    this.state.degraded = false;
    this.state.logger.info('rate limits are shared through redis again');
  }
}

/** Redis counting every request, and the in-memory stand-in for outages. */
export function exactStores(
  redis: Redis,
  namespace: string,
  options: StoreOptions,
): [InnerStore, InnerStore] {
  const continueExceeding = options.continueExceeding ?? false;
  const exponentialBackoff = options.exponentialBackoff ?? false;
  return [
    new RedisStore(continueExceeding, exponentialBackoff, redis, namespace),
    new LocalStore(continueExceeding, exponentialBackoff, options.cache),
  ];
}

// A @fastify/rate-limit store that counts in Redis (shared by every replica)
// and falls back to the plugin's in-memory LocalStore while Redis is down.
// The plugin's own `skipOnError` would stop limiting altogether during an
// outage; this keeps per-process limits instead, logs the switch once, and
// never waits on a dead connection (request-path ioredis clients fail fast).
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Redis } from 'ioredis';
import type { Logger } from '@zamio/logger';
// The plugin ships both stores but does not type their deep imports.
// @ts-expect-error untyped CommonJS module of @fastify/rate-limit
import RedisStoreImpl from '@fastify/rate-limit/store/RedisStore.js';
// @ts-expect-error untyped CommonJS module of @fastify/rate-limit
import LocalStoreImpl from '@fastify/rate-limit/store/LocalStore.js';

type IncrCallback = Parameters<FastifyRateLimitStore['incr']>[1];
type StoreOptions = {
  continueExceeding?: boolean;
  exponentialBackoff?: boolean;
  cache?: number;
  routeInfo?: { method?: string; url?: string };
};
interface InnerStore {
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

interface FallbackState {
  redis: Redis;
  logger: Logger;
  degraded: boolean;
}

class FallbackStore {
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

/** The store constructor @fastify/rate-limit instantiates with its global options. */
export function fallbackRateLimitStore(
  redis: Redis,
  namespace: string,
  logger: Logger,
): FastifyRateLimitStoreCtor {
  const state: FallbackState = { redis, logger, degraded: false };
  const Store = class extends FallbackStore {
    constructor(options: StoreOptions) {
      const continueExceeding = options.continueExceeding ?? false;
      const exponentialBackoff = options.exponentialBackoff ?? false;
      super(
        state,
        new RedisStore(continueExceeding, exponentialBackoff, redis, namespace),
        new LocalStore(continueExceeding, exponentialBackoff, options.cache),
      );
    }
  };
  // The plugin passes its merged route options to child(); StoreOptions is the part we read.
  return Store as unknown as FastifyRateLimitStoreCtor;
}

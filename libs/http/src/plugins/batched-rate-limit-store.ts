// The global per-IP limit, counted in Redis (shared by every replica) without
// a Redis round trip on each request. Every request passes this limit, so
// each process counts locally and folds its counts into Redis in one
// pipeline every `flushIntervalMs`, learning the shared totals back; a
// request is decided from (shared total at the last flush + this process's
// count since). The limit can be overrun by what the other replicas admitted
// in one flush interval (docs/security.md). The per-route limits (sign-in,
// uploads) stay exact: `child()` gives them the per-request Redis store.
// While Redis is down the counts stay local, like the exact store's fallback.
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Redis } from 'ioredis';
import type { Logger } from '@zamio/logger';
import {
  exactStores,
  FallbackStore,
  type FallbackState,
  type IncrCallback,
  type StoreOptions,
} from './fallback-rate-limit-store';

// INCRBY, then the window's remaining time (a new key starts the window).
const FOLD_SCRIPT = `
  local current = redis.call('INCRBY', KEYS[1], ARGV[1])
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl < 0 then
    redis.call('PEXPIRE', KEYS[1], ARGV[2])
    ttl = tonumber(ARGV[2])
  end
  return {current, ttl}
`;

interface Counter {
  /** The shared total (every replica) as of the last flush. */
  shared: number;
  /** Counted here and sent in the flush under way. */
  inFlight: number;
  /** Counted here since. */
  pending: number;
  windowEndsAt: number;
  timeWindow: number;
}

type FoldingRedis = Redis & {
  zamioFoldCount(key: string, increment: number, windowMs: number): Promise<[number, number]>;
};

export interface BatchedStoreSettings {
  redis: Redis;
  namespace: string;
  logger: Logger;
  flushIntervalMs: number;
  /** Distinct keys kept, at most (the oldest dropped first; Redis keeps their shared totals). */
  maxKeys: number;
}

export class BatchedRedisStore {
  private readonly counters = new Map<string, Counter>();
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly redis: FoldingRedis;

  constructor(
    private readonly settings: BatchedStoreSettings,
    private readonly fallback: FallbackState,
  ) {
    if (!('zamioFoldCount' in settings.redis))
      settings.redis.defineCommand('zamioFoldCount', { numberOfKeys: 1, lua: FOLD_SCRIPT });
    this.redis = settings.redis as FoldingRedis;
  }

  incr(key: string, callback: IncrCallback, timeWindow: number): void {
    const now = Date.now();
    if (this.settings.redis.status !== 'ready' && !this.fallback.degraded)
      this.noteDegraded(new Error(`redis connection is ${this.settings.redis.status}`));
    let counter = this.counters.get(key);
    const fresh = !counter || counter.windowEndsAt <= now;
    if (!counter || fresh) {
      if (!counter && this.counters.size >= this.settings.maxKeys) this.evictOne();
      counter = { shared: 0, inFlight: 0, pending: 0, windowEndsAt: now + timeWindow, timeWindow };
      this.counters.set(key, counter);
    }
    counter.pending += 1;
    // A key's first request goes to Redis at once (the other replicas' counts
    // arrive with the answer); the rest of its window is batched.
    this.scheduleFlush(fresh ? 0 : this.settings.flushIntervalMs);
    const current = counter.shared + counter.inFlight + counter.pending;
    callback(null, { current, ttl: counter.windowEndsAt - now });
  }

  /**
   * Exact, per request: the per-route limits (auth, uploads) and explicit
   * limiters, each route with its own key (as @fastify/rate-limit's Redis
   * store names them: namespace + method + url).
   */
  child(options: StoreOptions): FallbackStore {
    const [shared, local] = exactStores(this.settings.redis, this.settings.namespace, {});
    return new FallbackStore(this.fallback, shared.child(options), local.child(options));
  }

  private scheduleFlush(delayMs: number): void {
    if (this.flushTimer && delayMs > 0) return;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => this.flush(), delayMs).unref();
  }

  private flush(): void {
    this.flushTimer = undefined;
    const now = Date.now();
    const batch: [string, Counter, number][] = [];
    for (const [key, counter] of this.counters) {
      if (counter.windowEndsAt <= now && counter.pending === 0 && counter.inFlight === 0) {
        this.counters.delete(key);
        continue;
      }
      if (counter.pending === 0 || counter.inFlight > 0) continue;
      batch.push([key, counter, counter.pending]);
      counter.inFlight = counter.pending;
      counter.pending = 0;
    }
    if (batch.length === 0) return;
    if (this.settings.redis.status !== 'ready') {
      this.noteDegraded(new Error(`redis connection is ${this.settings.redis.status}`));
      return this.keepLocal(batch);
    }
    const pipeline = this.settings.redis.pipeline();
    for (const [key, counter, sent] of batch)
      (pipeline as unknown as FoldingRedis).zamioFoldCount(
        this.settings.namespace + key,
        sent,
        counter.timeWindow,
      );
    pipeline.exec().then(
      (results) => {
        const failed = results?.find(([error]) => error)?.[0];
        if (failed || !results) {
          this.noteDegraded(failed ?? new Error('redis pipeline returned nothing'));
          return this.keepLocal(batch);
        }
        const at = Date.now();
        batch.forEach(([, counter], index) => {
          const [total, ttl] = results[index]![1] as [number, number];
          counter.shared = Number(total);
          counter.inFlight = 0;
          counter.windowEndsAt = at + Number(ttl);
        });
        this.noteRecovered();
        // Requests counted while the flush was under way go out with the next one.
        if (batch.some(([, counter]) => counter.pending > 0))
          this.scheduleFlush(this.settings.flushIntervalMs);
      },
      (error: Error) => {
        this.noteDegraded(error);
        this.keepLocal(batch);
      },
    );
  }

  /** Redis did not take the counts: they stay this process's own (per-process limits meanwhile). */
  private keepLocal(batch: [string, Counter, number][]): void {
    for (const [, counter, sent] of batch) {
      counter.shared += sent;
      counter.inFlight = 0;
    }
  }

  /** The oldest key counted (Map order): O(1), however many keys a flood brings. */
  private evictOne(): void {
    const oldest = this.counters.keys().next();
    if (!oldest.done) this.counters.delete(oldest.value);
  }

  private noteDegraded(error: Error): void {
    if (this.fallback.degraded) return;
    this.fallback.degraded = true;
    this.settings.logger.warn(
      { err: error },
      'rate limits fall back to in-memory counters until redis returns',
    );
  }

  private noteRecovered(): void {
    if (!this.fallback.degraded) return;
    this.fallback.degraded = false;
    this.settings.logger.info('rate limits are shared through redis again');
  }
}

/** The store constructor @fastify/rate-limit instantiates with its global options. */
export function sharedRateLimitStore(settings: BatchedStoreSettings): FastifyRateLimitStoreCtor {
  const fallback: FallbackState = { redis: settings.redis, logger: settings.logger, degraded: false };
  // The plugin passes its global options; the batched store needs none of them.
  return class extends BatchedRedisStore {
    constructor() {
      super(settings, fallback);
    }
  } as unknown as FastifyRateLimitStoreCtor;
}

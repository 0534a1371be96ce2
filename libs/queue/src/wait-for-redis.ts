// Start-up: wait until Redis answers, logging every failed attempt, up to a
// deadline. ioredis itself retries with capped, jittered exponential backoff
// (see create-redis.ts); this only watches and gives up with a clear error.
import type { Redis } from 'ioredis';

export interface RedisWaitOptions {
  deadlineMs: number;
  onRetry?: (attempt: number, delayMs: number, error: unknown) => void;
}

export function waitForRedis(redis: Redis, options: RedisWaitOptions): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    let lastError: unknown;
    let attempt = 0;
    const onError = (error: unknown) => void (lastError = error);
    const onReconnecting = (delayMs: number) => options.onRetry?.(++attempt, delayMs, lastError);
    const cleanup = () => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      redis.off('error', onError);
      redis.off('reconnecting', onReconnecting);
    };
    const onReady = () => {
      cleanup();
      resolve();
    };
    const timer = setTimeout(() => {
      cleanup();
      const reason = lastError instanceof Error ? lastError.message : 'no answer';
      reject(
        new Error(`redis not reachable within ${options.deadlineMs} ms: ${reason}`, { cause: lastError }),
      );
    }, options.deadlineMs);
    redis.on('ready', onReady);
    redis.on('error', onError);
    redis.on('reconnecting', onReconnecting);
  });
}

// The global limit's store against the real Redis: exact within a process,
// shared between processes through Redis (folded every flush interval),
// local while Redis is away, and exact per request for per-route limits.
import { afterEach, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { createLogger } from '@zamio/logger';
import { captureLogs, createTcpProxy, createTestRedis, type TcpProxy } from '@zamio/testing';
import { BatchedRedisStore, type BatchedStoreSettings } from '../src/plugins/batched-rate-limit-store';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const WINDOW = 60_000;

function connect(url: string): Redis {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 1_000 });
  redis.on('error', () => undefined);
  cleanups.push(async () => void redis.disconnect());
  return redis;
}

async function ready(redis: Redis): Promise<void> {
  if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
}

function store(redis: Redis, namespace: string, logs = captureLogs()): BatchedRedisStore {
  const settings: BatchedStoreSettings = {
    redis,
    namespace,
    logger: createLogger({
      service: 't',
      version: '0',
      level: 'info',
      pretty: false,
      destination: logs.stream,
    }),
    flushIntervalMs: 50,
    maxKeys: 100,
  };
  return new BatchedRedisStore(settings, { redis, logger: settings.logger, degraded: false });
}

const count = (s: BatchedRedisStore, key: string) =>
  new Promise<{ current: number; ttl: number }>((resolve, reject) =>
    s.incr(key, (error, result) => (error || !result ? reject(error) : resolve(result)), WINDOW),
  );

const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe('batched Redis rate-limit store', () => {
  it('counts every request exactly in one process and folds the counts into Redis', async () => {
    const testRedis = createTestRedis();
    cleanups.push(() => testRedis.cleanup());
    const redis = connect(testRedis.url);
    await ready(redis);
    const limits = store(redis, `${testRedis.prefix}:rl:`);
    const seen: number[] = [];
    for (let i = 0; i < 25; i++) seen.push((await count(limits, 'ip:a')).current);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    await settle();
    expect(Number(await redis.get(`${testRedis.prefix}:rl:ip:a`))).toBe(25);
    expect(await redis.pttl(`${testRedis.prefix}:rl:ip:a`)).toBeGreaterThan(WINDOW - 5_000);
  });

  it("shares counts between replicas: each learns the other's with its next flush", async () => {
    const testRedis = createTestRedis();
    cleanups.push(() => testRedis.cleanup());
    const [one, two] = [connect(testRedis.url), connect(testRedis.url)];
    await Promise.all([ready(one), ready(two)]);
    const namespace = `${testRedis.prefix}:rl:`;
    const [first, second] = [store(one, namespace), store(two, namespace)];
    for (let i = 0; i < 10; i++) await count(first, 'ip:b');
    for (let i = 0; i < 5; i++) await count(second, 'ip:b');
    await settle();
    expect(Number(await one.get(`${namespace}ip:b`))).toBe(15);
    // The first replica decides its next request on what it knew (10), and
    // learns the shared total with the flush that request causes…
    expect((await count(first, 'ip:b')).current).toBe(11);
    await settle();
    // …so every request after that counts the other replica's too.
    expect((await count(first, 'ip:b')).current).toBe(17);
    await settle();
    expect(Number(await one.get(`${namespace}ip:b`))).toBe(17);
  });

  it('keeps counting locally while Redis is away, logs it once, and shares again after', async () => {
    const testRedis = createTestRedis();
    cleanups.push(() => testRedis.cleanup());
    const target = new URL(testRedis.url);
    const proxy: TcpProxy = await createTcpProxy({ host: target.hostname, port: Number(target.port) });
    cleanups.push(() => proxy.close());
    const redis = connect(proxy.urlFor(testRedis.url));
    await ready(redis);
    const logs = captureLogs();
    const limits = store(redis, `${testRedis.prefix}:rl:`, logs);
    expect((await count(limits, 'ip:c')).current).toBe(1);
    await settle();

    proxy.setMode('refuse');
    const during: number[] = [];
    for (let i = 0; i < 5; i++) {
      during.push((await count(limits, 'ip:c')).current);
      await settle();
    }
    expect(during).toEqual([2, 3, 4, 5, 6]);
    const fallBack = logs
      .lines()
      .filter((l) => l.msg === 'rate limits fall back to in-memory counters until redis returns');
    expect(fallBack).toHaveLength(1);

    proxy.setMode('open');
    await ready(redis);
    expect((await count(limits, 'ip:c')).current).toBe(7);
    await expect
      .poll(() => logs.lines().some((l) => l.msg === 'rate limits are shared through redis again'), {
        timeout: 5_000,
      })
      .toBe(true);
  });

  it('gives per-route limits an exact store that counts each request in Redis', async () => {
    const testRedis = createTestRedis();
    cleanups.push(() => testRedis.cleanup());
    const redis = connect(testRedis.url);
    await ready(redis);
    const limits = store(redis, `${testRedis.prefix}:rl:`);
    const route = (url: string) => limits.child({ routeInfo: { method: 'POST', url } });
    const exactCount = (exact: ReturnType<typeof route>) =>
      new Promise<number>((resolve, reject) =>
        exact.incr(
          'ip:d',
          (error, result) => (error || !result ? reject(error) : resolve(result.current)),
          WINDOW,
          5,
        ),
      );
    const login = route('/api/auth/login');
    expect(await exactCount(login)).toBe(1);
    expect(await exactCount(login)).toBe(2);
    // Each route counts apart, every request in Redis.
    expect(await exactCount(route('/api/auth/signup'))).toBe(1);
    expect(Number(await redis.get(`${testRedis.prefix}:rl:POST/api/auth/login-ip:d`))).toBe(2);
  });
});

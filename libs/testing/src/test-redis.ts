// Each test gets a random Redis key prefix on the real server (TEST_REDIS_URL
// / REDIS_URL, else the machine's) and deletes its keys afterwards.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { isInProcessRedisUrl } from '@zamio/env';

export interface TestRedis {
  url: string;
  prefix: string;
  cleanup(): Promise<void>;
}

export function testRedisUrl(env: Record<string, string | undefined> = process.env): string {
  const candidate = env.TEST_REDIS_URL ?? env.REDIS_URL;
  return candidate && !isInProcessRedisUrl(candidate) ? candidate : 'redis://127.0.0.1:6379/0';
}

export function createTestRedis(): TestRedis {
  const url = testRedisUrl();
  const prefix = `zamio-test-${randomBytes(5).toString('hex')}`;
  return {
    url,
    prefix,
    async cleanup() {
      const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
      await redis.connect();
      try {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
          cursor = next;
          if (keys.length > 0) await redis.del(...keys);
        } while (cursor !== '0');
      } finally {
        redis.disconnect();
      }
    },
  };
}

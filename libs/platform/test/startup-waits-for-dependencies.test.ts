// Start-up against dependencies that appear late: a TCP proxy in front of the
// real Postgres / Redis refuses (or blackholes) connections until the test
// "opens" it; start-up retries with logged attempts and then succeeds, or
// gives up at its deadline with a clear error.
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '@zamio/logger';
import { openReachableDatabase, openRedisJobs } from '../src/index';
import {
  captureLogs,
  createTcpProxy,
  createTestDatabase,
  createTestRedis,
  type TcpProxy,
} from '@zamio/testing';
import { testDatabaseConfig, testRedisConfig } from './data-config';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function proxyTo(url: string, mode: 'refuse' | 'blackhole'): Promise<TcpProxy> {
  const target = new URL(url);
  const proxy = await createTcpProxy({ host: target.hostname, port: Number(target.port) }, mode);
  cleanups.push(() => proxy.close());
  return proxy;
}

const testLogger = () => {
  const logs = captureLogs();
  return {
    logs,
    logger: createLogger({
      service: 'test',
      version: '0',
      level: 'info',
      pretty: false,
      destination: logs.stream,
    }),
  };
};

describe('start-up waits for Postgres', () => {
  it('retries with logged attempts until a database that appears late answers', async () => {
    const testDb = await createTestDatabase();
    cleanups.push(() => testDb.drop());
    const proxy = await proxyTo(testDb.url, 'refuse');
    const { logs, logger } = testLogger();

    const started = Date.now();
    const opening = openReachableDatabase(
      testDatabaseConfig({ url: proxy.urlFor(testDb.url) }),
      logger,
      'test',
    );
    setTimeout(() => proxy.setMode('open'), 2_000);
    const db = await opening;
    cleanups.push(() => db.close());

    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
    const retries = logs.lines().filter((line) => line.msg === 'database not reachable yet, retrying');
    expect(retries.length).toBeGreaterThanOrEqual(2);
    expect(retries.map((line) => line.attempt)).toEqual(retries.map((_, i) => i + 1));
    expect(logs.lines().some((line) => line.msg === 'database reachable')).toBe(true);
    expect((await db.query<{ ok: number }>('SELECT 1 AS ok')).rows[0]?.ok).toBe(1);
  });

  it('gives up at the deadline with a clear error when the database never answers', async () => {
    const proxy = await proxyTo('postgres://127.0.0.1:5432/postgres', 'blackhole');
    const { logger } = testLogger();
    const started = Date.now();
    await expect(
      openReachableDatabase(
        testDatabaseConfig({
          url: proxy.urlFor('postgres://postgres@127.0.0.1:5432/postgres'),
          startupDeadlineMs: 2_500,
        }),
        logger,
        'test',
      ),
    ).rejects.toThrow(/database not reachable within 2500 ms/);
    expect(Date.now() - started).toBeLessThan(6_000);
  });
});

describe('start-up waits for Redis', () => {
  it('logs reconnect attempts and continues once Redis appears', async () => {
    const testRedis = createTestRedis();
    cleanups.push(() => testRedis.cleanup());
    const proxy = await proxyTo(testRedis.url, 'refuse');
    const { logs, logger } = testLogger();
    const config = testRedisConfig({ url: proxy.urlFor(testRedis.url), keyPrefix: testRedis.prefix });

    setTimeout(() => proxy.setMode('open'), 2_000);
    const { redis, jobs } = await openRedisJobs(config, logger);
    cleanups.push(async () => {
      await jobs.close();
      redis.disconnect();
    });
    expect(
      logs.lines().filter((line) => line.msg === 'redis not reachable yet, retrying').length,
    ).toBeGreaterThanOrEqual(1);
    expect(await redis.ping()).toBe('PONG');
  });

  it('gives up at the deadline with a clear error', async () => {
    const proxy = await proxyTo('redis://127.0.0.1:6379', 'refuse');
    const { logger } = testLogger();
    const config = testRedisConfig({
      url: proxy.urlFor('redis://127.0.0.1:6379/0'),
      startupDeadlineMs: 1_500,
    });
    await expect(openRedisJobs(config, logger)).rejects.toThrow(/redis not reachable within 1500 ms/);
  });
});

// One job per unit of work while it is unfinished, on BullMQ over a Redis of
// the test's own and on the in-process queue alike: enqueueing the same
// capture twice adds one job; once it finished, a new enqueue adds a new one.
// And deferToSweep: with that Redis stopped, work already committed is
// reported as left to the sweep instead of failing the caller.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { startRedisServer, type RedisServer } from '@zamio/testing';
import {
  createBullmqConsumer,
  createBullmqProducer,
  createInProcessQueue,
  createRedis,
  deferToSweep,
  QueueUnavailableError,
  type JobName,
  type JobProducer,
} from '../src/index';

const settings = (url: string) => ({ url, connectTimeoutMs: 500, commandTimeoutMs: 500 });
const capture = (captureId: string) => ({ requestId: 'test', captureId });

describe('job deduplication and deferral', () => {
  let redis: RedisServer;
  let connection: ReturnType<typeof createRedis>;
  let producer: JobProducer;
  beforeAll(async () => {
    redis = await startRedisServer();
    connection = createRedis(settings(redis.url), 'request-path');
    connection.on('error', () => {});
    await new Promise((ready) => connection.once('ready', ready));
    producer = createBullmqProducer(connection, 'dedupe', { enqueueTimeoutMs: 500 });
  });
  afterAll(async () => {
    await producer?.close();
    connection?.disconnect();
    await redis?.stop();
  });

  it('adds one BullMQ job per unfinished capture, and a new one once it finished', async () => {
    const first = await producer.enqueue('airplay.match-capture', capture('c1'));
    const again = await producer.enqueue('airplay.match-capture', capture('c1'));
    const other = await producer.enqueue('airplay.match-capture', capture('c2'));
    expect(again).toBe(first);
    expect(other).not.toBe(first);
    const inspect = new Queue('match', { connection, prefix: 'dedupe:bull' });
    try {
      expect(await inspect.getWaitingCount()).toBe(2);
      // Heartbeats stand for no stored work: never deduplicated.
      const beats = [
        await producer.enqueue('system.heartbeat', { requestId: 'a', origin: 'test' }),
        await producer.enqueue('system.heartbeat', { requestId: 'a', origin: 'test' }),
      ];
      expect(new Set(beats).size).toBe(2);

      const blocking = createRedis(settings(redis.url), 'blocking-worker');
      blocking.on('error', () => {});
      const done: string[] = [];
      const consumer = createBullmqConsumer(
        blocking,
        { concurrency: 1, prefix: 'dedupe' },
        {
          'airplay.match-capture': async (data) => void done.push(data.captureId),
          'system.heartbeat': async () => {},
        },
      );
      try {
        await expect.poll(() => done.sort(), { timeout: 10_000 }).toEqual(['c1', 'c2']);
        await expect.poll(() => inspect.getCompletedCount(), { timeout: 5_000 }).toBe(2);
        const later = await producer.enqueue('airplay.match-capture', capture('c1'));
        expect(later).not.toBe(first);
        await expect.poll(() => done.length, { timeout: 10_000 }).toBe(3);
      } finally {
        await consumer.close();
        blocking.disconnect();
      }
    } finally {
      await inspect.close();
    }
  });

  it('leaves committed work to the sweep while Redis is down, and passes other errors on', async () => {
    const deferred: JobName[] = [];
    const jobs = deferToSweep(producer, (name, error) => {
      expect(error).toBeInstanceOf(QueueUnavailableError);
      deferred.push(name);
    });
    await redis.stop();
    try {
      await expect.poll(() => connection.status, { timeout: 5_000 }).not.toBe('ready');
      const started = performance.now();
      expect(await jobs.enqueue('airplay.match-capture', capture('c3'))).toBe('');
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(deferred).toEqual(['airplay.match-capture']);
      // The raw producer still refuses (what answers 503 where nothing was stored).
      await expect(producer.enqueue('system.heartbeat', { requestId: 'b', origin: 'test' })).rejects.toThrow(
        QueueUnavailableError,
      );
    } finally {
      await redis.start();
    }
    const broken = deferToSweep(
      {
        enqueue: async () => {
          throw new Error('not a queue outage');
        },
      },
      () => deferred.push('system.heartbeat'),
    );
    await expect(broken.enqueue('airplay.match-capture', capture('c4'))).rejects.toThrow(
      'not a queue outage',
    );
    expect(deferred).toEqual(['airplay.match-capture']);
  });

  it('deduplicates the same way on the in-process queue', async () => {
    const queue = createInProcessQueue();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const runs: string[] = [];
    queue.consume({
      'airplay.match-capture': async (data) => {
        runs.push(data.captureId);
        await gate;
      },
    });
    const first = await queue.enqueue('airplay.match-capture', capture('p1'));
    await new Promise((resolve) => setImmediate(resolve));
    // Running now: a second enqueue is the same job.
    expect(await queue.enqueue('airplay.match-capture', capture('p1'))).toBe(first);
    release();
    await queue.idle();
    expect(await queue.enqueue('airplay.match-capture', capture('p1'))).not.toBe(first);
    await queue.idle();
    expect(runs).toEqual(['p1', 'p1']);
  });
});

// The job queue of a process: BullMQ on Redis (compose, production), or the
// in-process queue when the config says `memory:` (embedded mode, tests).
// One request-path Redis connection carries enqueues, pings and shared rate
// limits; a consumer opens its own blocking connection.
import type { Redis } from 'ioredis';
import type { RedisServerConfig } from '@zamio/env';
import { createRepeatLimiter, type Logger } from '@zamio/logger';
import {
  createBullmqConsumer,
  createBullmqProducer,
  createInProcessQueue,
  createRedis,
  waitForRedis,
  type InProcessQueue,
  type JobConsumer,
  type JobEvents,
  type JobHandlers,
  type JobProducer,
  type QueueErrorListener,
} from '@zamio/queue';

export interface JobQueue extends JobProducer {
  /** Starts taking jobs with these handlers; close the consumer to stop. */
  consume(handlers: JobHandlers, events: JobEvents, concurrency: number): JobConsumer;
}

/** Jobs run in this process (their concurrency is the event loop's). */
export const inProcessJobs = (): JobQueue & InProcessQueue => createInProcessQueue();

export interface RedisJobs {
  jobs: JobQueue;
  /** The request-path connection (fails fast while Redis is down). */
  redis: Redis;
}

/**
 * BullMQ's errors as JSON warnings, each distinct message at most once per
 * 30 s (createRepeatLimiter's default; an outage repeats the same error for every queue
 * and every reconnect attempt; the redis state lines below say the rest).
 */
function quietQueueErrors(logger: Logger): QueueErrorListener {
  const due = createRepeatLimiter();
  return (error, source) => {
    if (due(`${source.kind}:${error.message}`))
      logger.warn({ err: error, queue: source.queue, source: source.kind }, 'job queue error (redis)');
  };
}

export async function openRedisJobs(config: RedisServerConfig, logger: Logger): Promise<RedisJobs> {
  const settings = {
    url: config.url,
    connectTimeoutMs: config.connectTimeoutMs,
    commandTimeoutMs: config.commandTimeoutMs,
  };
  const redis = createRedis(settings, 'request-path');
  let lastState = '';
  const note = (state: string, error?: unknown) => {
    if (state === lastState) return;
    lastState = state;
    if (state === 'ready') logger.info('redis connected');
    else logger.warn({ err: error }, `redis ${state}; queue and shared limits degraded until it returns`);
  };
  redis.on('ready', () => note('ready'));
  redis.on('error', (error) => note('unavailable', error));
  redis.on('end', () => note('closed'));

  const onQueueError = quietQueueErrors(logger);
  const producer = createBullmqProducer(redis, config.keyPrefix, {
    enqueueTimeoutMs: config.commandTimeoutMs,
    onError: onQueueError,
  });
  const jobs: JobQueue = {
    ...producer,
    consume(handlers, events, concurrency) {
      const blocking = createRedis(settings, 'blocking-worker');
      // Once per distinct error per 30 s, not on every reconnect attempt.
      const due = createRepeatLimiter();
      blocking.on('error', (error) => {
        if (due(error.message)) logger.warn({ err: error }, 'redis unavailable; jobs pause until it returns');
      });
      blocking.on('ready', () => logger.info('redis connected; jobs resume'));
      const consumer = createBullmqConsumer(
        blocking,
        { concurrency, prefix: config.keyPrefix, onError: onQueueError },
        handlers,
        events,
      );
      return {
        async close() {
          await consumer.close();
          await blocking.quit().catch(() => blocking.disconnect());
        },
      };
    },
  };

  try {
    await waitForRedis(redis, {
      deadlineMs: config.startupDeadlineMs,
      onRetry: (attempt, delayMs, error) =>
        logger.warn({ attempt, delayMs, err: error }, 'redis not reachable yet, retrying'),
    });
  } catch (error) {
    redis.disconnect();
    throw error;
  }
  return { jobs, redis };
}

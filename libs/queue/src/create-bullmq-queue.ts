// BullMQ producer and consumer over Redis, one BullMQ queue per QueueName.
// Every Queue and Worker gets an `error` listener: without one BullMQ prints
// each connection error as a plain-text stack trace on stderr; with it the
// caller logs them (as JSON, deduplicated).
import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { dedupeKeyOf, JOB_QUEUE, type JobName, type QueueName } from './jobs';
import type { JobConsumer, JobContext, JobEvents, JobHandlers, JobProducer } from './job-queue';
import { QUEUE_NAMES, QUEUE_SETTINGS } from './queue-settings';
import { QueueUnavailableError } from './queue-unavailable-error';

/** Receives BullMQ's connection errors (`queue` or `worker`, and the queue's name). */
export type QueueErrorListener = (
  error: Error,
  source: { kind: 'queue' | 'worker'; queue: QueueName },
) => void;

export interface ProducerSettings {
  /** Upper bound for one enqueue, however BullMQ waits internally. */
  enqueueTimeoutMs?: number;
  onError?: QueueErrorListener;
}

export function createBullmqProducer(
  connection: Redis,
  prefix: string,
  settings_: ProducerSettings = {},
): JobProducer {
  const enqueueTimeoutMs = settings_.enqueueTimeoutMs ?? 3_000;
  const queues = new Map<QueueName, Queue>();
  const queueFor = (name: QueueName) => {
    let queue = queues.get(name);
    if (!queue) {
      const settings = QUEUE_SETTINGS[name];
      queue = new Queue(name, {
        connection,
        prefix: `${prefix}:bull`,
        defaultJobOptions: {
          attempts: settings.attempts,
          backoff: { type: 'exponential', delay: settings.backoffMs },
          removeOnComplete: settings.keepCompleted,
          removeOnFail: settings.keepFailed,
        },
      });
      queue.on('error', (error) => settings_.onError?.(error, { kind: 'queue', queue: name }));
      queues.set(name, queue);
    }
    return queue;
  };
  return {
    async enqueue(name, data) {
      // While Redis is down, BullMQ would wait for the connection to return
      // (a new Queue awaits 'ready'); a request must fail fast instead.
      if (connection.status !== 'ready')
        throw new QueueUnavailableError(`queue unavailable: redis is ${connection.status}`);
      try {
        // A job of the same unit of work still unfinished: BullMQ adds nothing (jobs.ts).
        const key = dedupeKeyOf(name, data);
        const job = await withTimeout(
          queueFor(JOB_QUEUE[name]).add(name, data, key ? { deduplication: { id: key } } : {}),
          enqueueTimeoutMs,
        );
        return job.id ?? '';
      } catch (error) {
        throw new QueueUnavailableError(`queue unavailable: ${(error as Error).message}`, { cause: error });
      }
    },
    async depths() {
      if (connection.status !== 'ready')
        throw new QueueUnavailableError(`queue unavailable: redis is ${connection.status}`);
      return withTimeout(
        Promise.all(
          QUEUE_NAMES.map(async (queue) => {
            const counts = await queueFor(queue).getJobCounts('waiting', 'active', 'delayed', 'failed');
            return {
              queue,
              waiting: counts.waiting ?? 0,
              active: counts.active ?? 0,
              delayed: counts.delayed ?? 0,
              failed: counts.failed ?? 0,
            };
          }),
        ),
        enqueueTimeoutMs,
      );
    },
    async ping() {
      await connection.ping();
    },
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}

export interface ConsumerSettings {
  concurrency: number;
  prefix: string;
  onError?: QueueErrorListener;
}

export function createBullmqConsumer(
  connection: Redis,
  settings: ConsumerSettings,
  handlers: JobHandlers,
  events: JobEvents = {},
): JobConsumer {
  const workers = QUEUE_NAMES.map((queue) => {
    const worker = new Worker(
      queue,
      async (job: Job) => {
        const handler = handlers[job.name as JobName] as
          ((data: unknown, c: JobContext) => Promise<void>) | undefined;
        if (!handler) throw new Error(`no handler for job ${job.name}`);
        const context: JobContext = {
          id: job.id ?? '',
          name: job.name as JobName,
          attempt: job.attemptsMade + 1,
        };
        const started = performance.now();
        try {
          await handler(job.data, context);
          events.onCompleted?.(context, performance.now() - started);
        } catch (error) {
          events.onFailed?.(context, error as Error, performance.now() - started);
          throw error;
        }
      },
      { connection, concurrency: settings.concurrency, prefix: `${settings.prefix}:bull` },
    );
    worker.on('error', (error) => settings.onError?.(error, { kind: 'worker', queue }));
    return worker;
  });
  return {
    async close() {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from redis within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

// Repeating jobs (stream checks): BullMQ's job schedulers on Redis, so several
// worker replicas share one schedule and each tick runs once; in embedded mode
// a timer in this process enqueues the same job into the in-process queue.
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { JOB_QUEUE, type JobData, type JobName, type QueueName } from './jobs';
import type { JobProducer } from './job-queue';
import { QUEUE_SETTINGS } from './queue-settings';

export interface JobScheduler {
  /**
   * Runs `name` every `everyMs` from now on, replacing an earlier schedule of
   * the same id (a restart or a changed interval never doubles it).
   */
  every<N extends JobName>(id: string, name: N, everyMs: number, data: JobData<N>): Promise<void>;
  close(): Promise<void>;
}

export function createBullmqScheduler(
  connection: Redis,
  prefix: string,
  /** Connection errors of the scheduler's queues (without a listener BullMQ prints raw stack traces). */
  onError: (error: unknown, queue: QueueName) => void,
): JobScheduler {
  const queues = new Map<QueueName, Queue>();
  const queueFor = (name: QueueName) => {
    let queue = queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection, prefix: `${prefix}:bull` });
      queue.on('error', (error) => onError(error, name));
      queues.set(name, queue);
    }
    return queue;
  };
  return {
    async every(id, name, everyMs, data) {
      const queueName = JOB_QUEUE[name];
      const settings = QUEUE_SETTINGS[queueName];
      await queueFor(queueName).upsertJobScheduler(
        id,
        { every: everyMs },
        {
          name,
          data,
          opts: {
            attempts: settings.attempts,
            removeOnComplete: settings.keepCompleted,
            removeOnFail: settings.keepFailed,
          },
        },
      );
    },
    async close() {
      await Promise.all([...queues.values()].map((queue) => queue.close()));
    },
  };
}

/** Embedded mode: one timer per schedule, enqueueing into the given (in-process) queue. */
export function createTimerScheduler(
  jobs: Pick<JobProducer, 'enqueue'>,
  onError: (error: unknown, name: JobName) => void = () => {},
): JobScheduler {
  const timers = new Map<string, NodeJS.Timeout>();
  return {
    async every(id, name, everyMs, data) {
      clearInterval(timers.get(id));
      const timer = setInterval(() => {
        jobs.enqueue(name, data).catch((error: unknown) => onError(error, name));
      }, everyMs);
      // A schedule alone never keeps the process alive.
      timer.unref();
      timers.set(id, timer);
    },
    async close() {
      for (const timer of timers.values()) clearInterval(timer);
      timers.clear();
    },
  };
}

// Embedded mode (`npm start`, no Redis): jobs run in this process, with the
// same retry settings as BullMQ, so features behave the same end to end.
import { randomUUID } from 'node:crypto';
import { dedupeKeyOf, JOB_QUEUE, type JobName } from './jobs';
import type { JobConsumer, JobContext, JobEvents, JobHandlers, JobProducer, QueueDepth } from './job-queue';
import { QUEUE_NAMES, QUEUE_SETTINGS } from './queue-settings';

export interface InProcessQueue extends JobProducer {
  /** Attaches the handlers (the worker's), like starting a consumer. */
  consume(handlers: JobHandlers, events?: JobEvents): JobConsumer;
  /** Resolves when no job is waiting or running (tests). */
  idle(): Promise<void>;
}

export function createInProcessQueue(): InProcessQueue {
  let handlers: JobHandlers = {};
  let events: JobEvents = {};
  const pending = new Map<string, { name: JobName; data: unknown }>();
  const running = new Set<Promise<void>>();
  const failed = new Map<string, number>();
  // Dedupe key → id of its unfinished job, as BullMQ's deduplication (jobs.ts).
  const unfinished = new Map<string, string>();

  const execute = async (id: string, name: JobName, data: unknown) => {
    const settings = QUEUE_SETTINGS[JOB_QUEUE[name]];
    for (let attempt = 1; attempt <= settings.attempts; attempt++) {
      const handler = handlers[name] as ((d: unknown, c: JobContext) => Promise<void>) | undefined;
      const context: JobContext = { id, name, attempt };
      const started = performance.now();
      try {
        if (!handler) throw new Error(`no handler for job ${name}`);
        await handler(data, context);
        events.onCompleted?.(context, performance.now() - started);
        return;
      } catch (error) {
        events.onFailed?.(context, error as Error, performance.now() - started);
        if (attempt === settings.attempts) {
          failed.set(JOB_QUEUE[name], (failed.get(JOB_QUEUE[name]) ?? 0) + 1);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, settings.backoffMs * 2 ** (attempt - 1)));
      }
    }
  };

  const start = (id: string) => {
    const job = pending.get(id);
    if (!job) return;
    pending.delete(id);
    const key = dedupeKeyOf(job.name, job.data as never);
    const run = execute(id, job.name, job.data).finally(() => {
      running.delete(run);
      if (key && unfinished.get(key) === id) unfinished.delete(key);
    });
    running.add(run);
  };

  return {
    async enqueue(name, data) {
      const key = dedupeKeyOf(name, data);
      const existing = key ? unfinished.get(key) : undefined;
      if (existing) return existing;
      const id = randomUUID();
      if (key) unfinished.set(key, id);
      pending.set(id, { name, data });
      setImmediate(() => start(id));
      return id;
    },
    async depths(): Promise<QueueDepth[]> {
      return QUEUE_NAMES.map((queue) => ({
        queue,
        waiting: [...pending.values()].filter((j) => JOB_QUEUE[j.name] === queue).length,
        active: running.size,
        delayed: 0,
        failed: failed.get(queue) ?? 0,
      }));
    },
    async ping() {},
    consume(nextHandlers, nextEvents = {}) {
      handlers = nextHandlers;
      events = nextEvents;
      return {
        close: async () => {
          await Promise.all(running);
        },
      };
    },
    async idle() {
      while (pending.size > 0 || running.size > 0) {
        await Promise.all(running);
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    async close() {
      await Promise.all(running);
    },
  };
}

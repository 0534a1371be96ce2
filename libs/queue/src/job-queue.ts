// The queue as producers and consumers see it, whatever carries the jobs
// (BullMQ on Redis in compose/production, in-process in embedded mode).
import type { JobData, JobName, QueueName } from './jobs';

export interface JobContext {
  id: string;
  name: JobName;
  attempt: number;
}

export type JobHandler<N extends JobName> = (data: JobData<N>, context: JobContext) => Promise<void>;
export type JobHandlers = { [N in JobName]?: JobHandler<N> };

export interface QueueDepth {
  queue: QueueName;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

export interface JobEvents {
  onCompleted?: (context: JobContext, durationMs: number) => void;
  onFailed?: (context: JobContext, error: Error, durationMs: number) => void;
}

export interface JobProducer {
  enqueue<N extends JobName>(name: N, data: JobData<N>): Promise<string>;
  depths(): Promise<QueueDepth[]>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface JobConsumer {
  /** Stops taking new jobs and waits for the running ones. */
  close(): Promise<void>;
}

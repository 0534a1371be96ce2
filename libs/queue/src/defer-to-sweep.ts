// Enqueueing the job of work that is already committed to the database (a
// capture, a track's new audio): when the queue is unavailable (Redis down),
// the request still succeeds — the row is stored, and answering 5xx would
// tell the client it was not. The work stays pending in the database and the
// worker's lost-work sweep queues it once Redis is back
// (apps/worker/src/sweeps/requeue-lost-work.ts). Any other error still throws.
import type { JobName } from './jobs';
import type { JobProducer } from './job-queue';
import { QueueUnavailableError } from './queue-unavailable-error';

/** Told about each job left to the sweep (the caller logs it). */
export type DeferredJobListener = (name: JobName, error: QueueUnavailableError) => void;

/** `jobs` whose enqueue resolves with '' (no job id) instead of throwing while the queue is down. */
export function deferToSweep(
  jobs: Pick<JobProducer, 'enqueue'>,
  onDeferred: DeferredJobListener,
): Pick<JobProducer, 'enqueue'> {
  return {
    async enqueue(name, data) {
      try {
        return await jobs.enqueue(name, data);
      } catch (error) {
        if (!(error instanceof QueueUnavailableError)) throw error;
        onDeferred(name, error);
        return '';
      }
    },
  };
}

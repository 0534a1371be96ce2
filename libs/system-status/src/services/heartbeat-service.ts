// The heartbeat proves the whole path end to end: the bff enqueues a job, a
// worker takes it and writes to the database, the admin status page reads it.
import type { Database } from '@zamio/db';
import type { HealthReport } from '@zamio/health';
import type { JobProducer } from '@zamio/queue';
import * as heartbeats from '../repositories/heartbeats-repository';
import type { Heartbeat } from '../repositories/heartbeats-repository';

export function createHeartbeatService({ db, jobs }: { db: Database; jobs: Pick<JobProducer, 'enqueue'> }) {
  return {
    /** Asks a worker for a heartbeat; the job carries the asking request's id. */
    requestHeartbeat: (requestId: string, origin: string): Promise<string> =>
      jobs.enqueue('system.heartbeat', { requestId, origin }),

    /** A worker instance took a heartbeat job and reached the database (with its own health report). */
    recordHeartbeat: (beat: {
      instance: string;
      version: string;
      revision?: string | undefined;
      requestId: string | undefined;
      health?: HealthReport | undefined;
    }) => heartbeats.record(db, { service: 'worker', ...beat }),

    listHeartbeats: (): Promise<Heartbeat[]> => heartbeats.listRecent(db),
  };
}

export type HeartbeatService = ReturnType<typeof createHeartbeatService>;

// system.heartbeat: records that this worker took a job from the queue and
// reached the database — the end-to-end signal shown on the admin status page.
import { hostname } from 'node:os';
import type { Database } from '@zamio/db';
import type { JobHandler } from '@zamio/queue';
import type { Logger } from '@zamio/logger';
import type { BusinessMetrics } from '@zamio/server';

export function heartbeatJob(
  db: Database,
  logger: Logger,
  metrics: BusinessMetrics,
  version: string,
): JobHandler<'system.heartbeat'> {
  const instance = `${hostname()}:${process.pid}`;
  return async (data) => {
    await db.query(
      `INSERT INTO service_heartbeats (service, instance, version, request_id, beat_at)
       VALUES ('worker', $1, $2, $3, now())
       ON CONFLICT (service, instance) DO UPDATE SET version = EXCLUDED.version, request_id = EXCLUDED.request_id, beat_at = EXCLUDED.beat_at`,
      [instance, version, data.requestId],
    );
    metrics.heartbeats.inc();
    logger.info({ origin: data.origin }, 'heartbeat recorded');
  };
}

// system.heartbeat: records that this worker took a job from the queue and
// reached the database, with its release and its own health report — the
// end-to-end signal shown on the admin status page.
import { hostname } from 'node:os';
import type { HealthReport } from '@zamio/health';
import type { Logger } from '@zamio/logger';
import type { BusinessMetrics } from '@zamio/metrics';
import type { JobHandler } from '@zamio/queue';
import type { HeartbeatService } from '@zamio/system-status';

export function heartbeatJob(
  heartbeats: HeartbeatService,
  logger: Logger,
  metrics: BusinessMetrics,
  release: { version: string; revision: string },
  healthReport: () => Promise<HealthReport>,
): JobHandler<'system.heartbeat'> {
  const instance = `${hostname()}:${process.pid}`;
  return async (data) => {
    const health = await healthReport();
    await heartbeats.recordHeartbeat({ instance, ...release, requestId: data.requestId, health });
    metrics.heartbeats.inc();
    logger.info({ origin: data.origin, health: health.status }, 'heartbeat recorded');
  };
}

// system.heartbeat: records that this worker took a job from the queue and
// reached the database — the end-to-end signal shown on the admin status page.
import { hostname } from 'node:os';
import type { Logger } from '@zamio/logger';
import type { BusinessMetrics } from '@zamio/metrics';
import type { JobHandler } from '@zamio/queue';
import type { HeartbeatService } from '@zamio/system-status';

export function heartbeatJob(
  heartbeats: HeartbeatService,
  logger: Logger,
  metrics: BusinessMetrics,
  version: string,
): JobHandler<'system.heartbeat'> {
  const instance = `${hostname()}:${process.pid}`;
  return async (data) => {
    await heartbeats.recordHeartbeat({ instance, version, requestId: data.requestId });
    metrics.heartbeats.inc();
    logger.info({ origin: data.origin }, 'heartbeat recorded');
  };
}

// streams.queue-due-checks (scheduled): one window recording per active
// stream that is due, so the recordings spread over the worker replicas.
import type { StreamMonitor } from '@zamio/airplay';
import type { Logger } from '@zamio/logger';
import type { JobHandler } from '@zamio/queue';

export function queueStreamChecksJob(
  monitor: StreamMonitor,
  logger: Logger,
): JobHandler<'streams.queue-due-checks'> {
  return async (data) => {
    const queued = await monitor.queueDueChecks(data.requestId);
    if (queued > 0) logger.info({ queued }, 'stream checks queued');
  };
}

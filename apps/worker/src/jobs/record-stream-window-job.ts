// stream.record-window: records one window of a station's stream, stores it
// as a capture and queues its match (the service does all of it); counts the
// check as up or down and logs when the stream changes state.
import type { StreamMonitor } from '@zamio/airplay';
import type { Logger } from '@zamio/logger';
import type { BusinessMetrics } from '@zamio/metrics';
import type { JobHandler } from '@zamio/queue';

export function recordStreamWindowJob(
  monitor: StreamMonitor,
  logger: Logger,
  metrics: BusinessMetrics,
  signal: AbortSignal,
): JobHandler<'stream.record-window'> {
  return async (data) => {
    const outcome = await monitor.recordWindow(data.streamId, data.requestId, signal);
    if (outcome.result === 'skipped') {
      logger.info({ streamId: data.streamId, reason: outcome.reason }, 'stream check skipped');
      return;
    }
    const { stream } = outcome;
    metrics.streamChecks.inc({ result: outcome.result === 'recorded' ? 'up' : 'down' });
    if (outcome.changed) {
      metrics.streamStateChanges.inc({ state: stream.state });
      logger.warn(
        { streamId: stream.id, stationId: stream.stationId, state: stream.state },
        `stream is now ${stream.state}`,
      );
    }
    if (outcome.result === 'recorded')
      logger.info({ streamId: stream.id, captureId: outcome.captureId }, 'stream window recorded');
    else logger.info({ streamId: stream.id, error: outcome.error }, 'stream check failed');
  };
}

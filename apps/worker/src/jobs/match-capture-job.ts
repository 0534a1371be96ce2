// airplay.match-capture: a capture → detection and play, or no match; the
// last failed attempt dead-letters it with the reason the station sees.
import type { MatchService } from '@zamio/airplay';
import type { Logger } from '@zamio/logger';
import type { BusinessMetrics } from '@zamio/metrics';
import { JOB_QUEUE, QUEUE_SETTINGS, type JobHandler } from '@zamio/queue';

const ATTEMPTS = QUEUE_SETTINGS[JOB_QUEUE['airplay.match-capture']].attempts;

export function matchCaptureJob(
  matches: MatchService,
  logger: Logger,
  metrics: BusinessMetrics,
): JobHandler<'airplay.match-capture'> {
  return async (data, context) => {
    const result = await matches.matchCapture(data.captureId, { lastAttempt: context.attempt >= ATTEMPTS });
    if (result.status === 'missing') {
      logger.warn({ captureId: data.captureId }, 'capture to match no longer exists');
      return;
    }
    if (result.matchMs !== undefined || result.status === 'failed')
      metrics.capturesMatched.inc({ result: result.status });
    if (result.matchMs !== undefined)
      metrics.captureMatchSeconds.observe({ result: result.status }, result.matchMs / 1000);
    if (result.playsCreated > 0) metrics.playsCreated.inc(result.playsCreated);
    logger.info({ captureId: data.captureId, ...result }, 'capture matched');
  };
}

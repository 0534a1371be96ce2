// catalog.fingerprint-track: a track's new audio → fingerprint rows and
// status ready (or failed with the reason the artist sees).
import type { FingerprintService } from '@zamio/catalog';
import type { Logger } from '@zamio/logger';
import type { BusinessMetrics } from '@zamio/metrics';
import { JOB_QUEUE, QUEUE_SETTINGS, type JobHandler } from '@zamio/queue';

const ATTEMPTS = QUEUE_SETTINGS[JOB_QUEUE['catalog.fingerprint-track']].attempts;

export function fingerprintTrackJob(
  fingerprints: FingerprintService,
  logger: Logger,
  metrics: BusinessMetrics,
): JobHandler<'catalog.fingerprint-track'> {
  return async (data, context) => {
    const result = await fingerprints.fingerprintTrack(data.trackId, data.uploadId, {
      lastAttempt: context.attempt >= ATTEMPTS,
    });
    metrics.tracksFingerprinted.inc({ outcome: result.outcome });
    if (result.outcome === 'failed')
      logger.warn({ trackId: data.trackId, reason: result.reason }, 'track audio could not be fingerprinted');
    else logger.info({ trackId: data.trackId, ...result }, 'track fingerprint job done');
  };
}

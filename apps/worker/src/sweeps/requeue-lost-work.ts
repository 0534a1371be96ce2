// Work whose job was lost (the queue was down when the bff enqueued it, or
// Redis lost it) is found in the database and queued again: captures still
// pending, and tracks whose audio has no fingerprint of the pinned params
// version (which also re-indexes the catalogue after a version change). Both
// jobs are idempotent, so a sweep racing a live job (or another worker's
// sweep) costs a repeated decode, never a duplicate row.
import type { MatchService } from '@zamio/airplay';
import type { FingerprintService } from '@zamio/catalog';
import type { Logger } from '@zamio/logger';
import type { JobProducer } from '@zamio/queue';

/** How old unfinished work must be before it counts as lost. */
const LOST_AFTER_MS = 5 * 60_000;
const SWEEP_EVERY_MS = 60_000;
const BATCH = 200;

export function startLostWorkSweep({
  jobs,
  fingerprints,
  matches,
  logger,
}: {
  jobs: Pick<JobProducer, 'enqueue'>;
  fingerprints: FingerprintService;
  matches: MatchService;
  logger: Logger;
}): { sweep(): Promise<number>; stop(): void } {
  async function sweep(): Promise<number> {
    const before = new Date(Date.now() - LOST_AFTER_MS);
    const tracks = await fingerprints.needingFingerprint(before, BATCH);
    for (const track of tracks)
      await jobs.enqueue('catalog.fingerprint-track', { requestId: 'sweep', ...track });
    const captures = await matches.pendingCaptures(before, BATCH);
    for (const captureId of captures)
      await jobs.enqueue('airplay.match-capture', { requestId: 'sweep', captureId });
    if (tracks.length + captures.length > 0)
      logger.warn({ tracks: tracks.length, captures: captures.length }, 'lost work queued again');
    return tracks.length + captures.length;
  }
  const timer = setInterval(() => {
    sweep().catch((error: unknown) =>
      logger.warn({ err: error }, 'lost-work sweep failed; next one retries'),
    );
  }, SWEEP_EVERY_MS);
  timer.unref();
  return { sweep, stop: () => clearInterval(timer) };
}

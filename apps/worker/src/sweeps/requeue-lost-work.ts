// Work whose job was lost (the queue was down when the bff enqueued it — the
// bff then still answers 2xx, the row being committed — or Redis lost it on a
// restart without persistence) is found in the database and queued again:
// captures still pending, and tracks whose audio has no fingerprint of the
// pinned params version (which also re-indexes the catalogue after a version
// change). Enqueueing is deduplicated per capture and per upload while a job
// is unfinished (JOB_DEDUPE_KEY in @zamio/queue), so re-queueing work whose
// job is merely waiting adds nothing; both jobs are idempotent besides, so a
// sweep racing a job that just finished costs one repeated decode, never a
// duplicate row. Every `intervalMs` (LOST_WORK_SWEEP_INTERVAL), work
// unfinished for longer than that is queued again: after a Redis outage it
// resumes within about two intervals. While Redis is down a sweep fails (one
// warning) and the next one retries. After a params version change it also
// steps the re-index window (ReindexRematchService): once the catalogue is
// indexed at the new version, captures answered `unmatched` meanwhile are
// queued to be matched again.
import type { MatchService, ReindexRematchService } from '@zamio/airplay';
import type { FingerprintService } from '@zamio/catalog';
import type { Logger } from '@zamio/logger';
import type { JobProducer } from '@zamio/queue';

const BATCH = 200;

export function startLostWorkSweep({
  jobs,
  fingerprints,
  matches,
  rematch,
  logger,
  intervalMs,
}: {
  jobs: Pick<JobProducer, 'enqueue'>;
  fingerprints: FingerprintService;
  matches: MatchService;
  rematch: ReindexRematchService;
  logger: Logger;
  /** How often to sweep, and how long work must be unfinished before it counts as lost. */
  intervalMs: number;
}): { sweep(): Promise<number>; stop(): void } {
  async function sweep(): Promise<number> {
    const before = new Date(Date.now() - intervalMs);
    const tracks = await fingerprints.needingFingerprint(before, BATCH);
    for (const track of tracks)
      await jobs.enqueue('catalog.fingerprint-track', { requestId: 'sweep', ...track });
    const captures = await matches.pendingCaptures(before, BATCH);
    for (const captureId of captures)
      await jobs.enqueue('airplay.match-capture', { requestId: 'sweep', captureId });
    // Info, not a warning: under a backlog most of these are jobs still waiting (deduplicated).
    if (tracks.length + captures.length > 0)
      logger.info({ tracks: tracks.length, captures: captures.length }, 'unfinished work queued again');
    // The grace: a match still running when the re-index finished has written its answer by then.
    const reopened = await rematch.reopenCapturesAfterReindex(intervalMs);
    for (const captureId of reopened)
      await jobs.enqueue('airplay.match-capture', { requestId: 'sweep:reindex', captureId });
    if (reopened.length > 0)
      logger.info(
        { captures: reopened.length },
        're-index finished: captures answered unmatched during it are matched again',
      );
    return tracks.length + captures.length + reopened.length;
  }
  let failing = false;
  const timer = setInterval(() => {
    sweep().then(
      () => {
        if (failing) logger.info('lost-work sweep works again');
        failing = false;
      },
      (error: unknown) => {
        // Once per outage, not once per interval.
        if (!failing) logger.warn({ err: error }, 'lost-work sweep failed; the next ones retry');
        failing = true;
      },
    );
  }, intervalMs);
  timer.unref();
  return { sweep, stop: () => clearInterval(timer) };
}

// After a fingerprint params version change the workers' index holds only the
// tracks already re-indexed at the new version, so a capture of a track not
// yet re-indexed is answered `unmatched`. This use case gives those captures
// a second chance: the window opens when a worker of the version starts,
// closes when the whole catalogue is indexed at it, and then (after a grace
// for matches still running) the device captures answered `unmatched` inside
// it go back to pending, to be matched against the complete index. Each step
// happens once per version, whichever worker's sweep gets there first.
import { fingerprintsRepository, tracksRepository } from '@zamio/catalog';
import type { Database } from '@zamio/db';
import { FINGERPRINT_PARAMS_VERSION } from '@zamio/fingerprint';
import * as captures from '../repositories/captures-repository';

export function createReindexRematchService({
  db,
  paramsVersion = FINGERPRINT_PARAMS_VERSION,
}: {
  db: Database;
  /** The version this process matches with (tests pin another). */
  paramsVersion?: number;
}) {
  // Once the version's captures were reopened (by any worker) nothing is left to do: later
  // sweeps skip the transaction instead of asking the database every interval.
  let reopened = false;
  return {
    /** Before a worker matches its first capture: opens the version's window (a no-op after the first). */
    openReindexWindow: async (): Promise<void> => {
      await fingerprintsRepository.openReindex(db, paramsVersion);
    },

    /**
     * One step of the window, run by the lost-work sweep: closes it when no
     * track awaits a fingerprint of the version; once it has been closed for
     * `graceMs`, reopens the captures answered `unmatched` in it and returns
     * their ids (to be queued; the sweep finds them pending anyway).
     */
    reopenCapturesAfterReindex: async (graceMs: number): Promise<string[]> => {
      if (reopened) return [];
      // `done`: the window is (now) reopened; remembered only once the transaction committed.
      const step = await db.transaction(async (tx) => {
        // Opened here too: a worker that started before the migration (or the database) was there.
        const window = await fingerprintsRepository.openReindex(tx, paramsVersion);
        if (window.reopened) return { done: true, ids: [] };
        if (!window.finished) {
          if ((await tracksRepository.needingFingerprint(tx, paramsVersion, 1)).length > 0)
            return { done: false, ids: [] };
          await fingerprintsRepository.finishReindex(tx, paramsVersion);
        }
        const span = await fingerprintsRepository.claimFinishedReindex(tx, paramsVersion, graceMs);
        if (!span) return { done: false, ids: [] };
        const ids = await captures.reopenUnmatched(tx, span.from, span.to);
        await fingerprintsRepository.recordReopenedCaptures(tx, paramsVersion, ids.length);
        return { done: true, ids };
      });
      reopened = step.done;
      return step.ids;
    },
  };
}

export type ReindexRematchService = ReturnType<typeof createReindexRematchService>;

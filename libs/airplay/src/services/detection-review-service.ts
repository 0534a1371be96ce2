// A station's review of a detection: confirm it (it counts) or flag it (it
// is excluded from plays until confirmed). The play it is evidence for is
// recomputed in the same transaction; the change is announced after commit.
import { tracksRepository } from '@zamio/catalog';
import type { Database } from '@zamio/db';
import { notFound } from '@zamio/errors';
import type { AirplayEvents } from '../events/airplay-events';
import * as detections from '../repositories/detections-repository';
import type { Detection } from '../repositories/detections-repository';
import * as plays from '../repositories/plays-repository';
import { attachToPlay, describePlays, recomputePlay, type PlayChange } from './play-assembly';

export function createDetectionReviewService({ db, events }: { db: Database; events: AirplayEvents }) {
  async function review(
    stationId: string,
    detectionId: string,
    reviewer: string,
    verdict: 'confirmed' | 'flagged',
  ): Promise<Detection> {
    const { detection, changes } = await db.transaction(async (tx) => {
      const before = await detections.findOwned(tx, stationId, detectionId);
      if (!before) throw notFound('no such detection');
      await plays.lockStationTrack(tx, stationId, before.trackId);
      await detections.setReview(tx, detectionId, { review: verdict, reviewedBy: reviewer });
      const after = (await detections.findOwned(tx, stationId, detectionId))!;
      let changed: PlayChange[] = [];
      if (after.playId !== null) {
        const change = await recomputePlay(tx, after.playId);
        changed = change ? [change] : [];
      } else if (verdict === 'confirmed') changed = await attachToPlay(tx, after);
      return { detection: (await detections.findOwned(tx, stationId, detectionId))!, changes: changed };
    });
    if (changes.length > 0) {
      const artists = await tracksRepository.artistsOf(db, [detection.trackId]);
      const artistUserIds = [artists.get(detection.trackId)].filter((id): id is string => id !== undefined);
      for (const described of await describePlays(db, changes))
        events.playChanged({ stationId, artistUserIds, ...described });
    }
    return detection;
  }

  return {
    confirmDetection: (stationId: string, detectionId: string, reviewer: string) =>
      review(stationId, detectionId, reviewer, 'confirmed'),
    flagDetection: (stationId: string, detectionId: string, reviewer: string) =>
      review(stationId, detectionId, reviewer, 'flagged'),
  };
}

export type DetectionReviewService = ReturnType<typeof createDetectionReviewService>;

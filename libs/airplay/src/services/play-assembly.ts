// Detections into plays, inside the caller's transaction (the match job and
// a station's review both change plays). A detection joins the play it fits
// (play-merge rule); one that bridges two plays merges the later into the
// earlier; a late capture updates the play it belongs to, never adds a
// second one. Flagged detections count for nothing until confirmed.
import type { Queryable } from '@zamio/db';
import * as detections from '../repositories/detections-repository';
import type { Detection } from '../repositories/detections-repository';
import * as plays from '../repositories/plays-repository';
import type { Play } from '../repositories/plays-repository';
import { belongsToPlay, DEFAULT_MERGE_OPTIONS, extentOf, type MergeOptions } from '../rules/play-merge';

export interface PlayChange {
  change: 'created' | 'updated' | 'flagged' | 'merged';
  playId: string;
}

const counts = (d: Detection) => d.review !== 'flagged';

/** Puts an unflagged detection into its play (new, extended, or merged); the plays that changed. */
export async function attachToPlay(
  tx: Queryable,
  detection: Detection,
  options: MergeOptions = DEFAULT_MERGE_OPTIONS,
): Promise<PlayChange[]> {
  const from = new Date(detection.startedAt.getTime() - options.maxGapMs);
  const to = new Date(detection.startedAt.getTime() + detection.durationMs + options.maxGapMs);
  const near = await plays.activeNear(tx, detection.stationId, detection.trackId, from, to);
  const evidence = await detections.ofPlays(
    tx,
    near.map((p) => p.id),
  );
  const fitting = near.filter((play) =>
    belongsToPlay(
      evidence.filter((d) => d.playId === play.id && counts(d) && d.id !== detection.id),
      detection,
      options,
    ),
  );
  if (fitting.length === 0) {
    const id = await plays.insert(tx, {
      stationId: detection.stationId,
      trackId: detection.trackId,
      ...extentOf([detection]),
    });
    await detections.assignPlay(tx, [detection.id], id);
    return [{ change: 'created', playId: id }];
  }
  // The oldest play keeps its id (what clients and royalties already saw).
  const [target, ...absorbed] = fitting;
  const members = evidence.filter((d) => fitting.some((p) => p.id === d.playId) && d.id !== detection.id);
  const all = [...members, detection];
  await plays.updateSpan(tx, target!.id, extentOf(all.filter(counts)));
  await detections.assignPlay(
    tx,
    all.map((d) => d.id),
    target!.id,
  );
  const changes: PlayChange[] = [{ change: 'updated', playId: target!.id }];
  for (const play of absorbed) {
    await plays.setStatus(tx, play.id, 'merged', target!.id);
    changes.push({ change: 'merged', playId: play.id });
  }
  return changes;
}

/** A play after one of its detections was flagged or confirmed: new bounds, or flagged when no evidence counts. */
export async function recomputePlay(tx: Queryable, playId: string): Promise<PlayChange | undefined> {
  const evidence = (await detections.ofPlays(tx, [playId])).filter(counts);
  if (evidence.length === 0)
    return (await plays.setStatus(tx, playId, 'flagged', null)) ? { change: 'flagged', playId } : undefined;
  return (await plays.updateSpan(tx, playId, extentOf(evidence))) ? { change: 'updated', playId } : undefined;
}

/** The plays and their counting detections, as events announce them. */
export async function describePlays(
  db: Queryable,
  changes: readonly PlayChange[],
): Promise<{ change: PlayChange['change']; play: Play; detectionIds: string[] }[]> {
  const found = await plays.findByIds(
    db,
    changes.map((c) => c.playId),
  );
  const evidence = await detections.ofPlays(
    db,
    found.map((p) => p.id),
  );
  return changes.flatMap((change) => {
    const play = found.find((p) => p.id === change.playId);
    if (!play) return [];
    const detectionIds = evidence.filter((d) => d.playId === play.id && counts(d)).map((d) => d.id);
    return [{ change: change.change, play, detectionIds }];
  });
}

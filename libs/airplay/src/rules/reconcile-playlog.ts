// What the station says it played against what was detected (pure): a
// playlog row and a play match when they name the same catalogue track and
// their times overlap, give or take a tolerance (clocks and automation logs
// drift; a play starts where the first capture heard it). Each play answers
// at most one row; the closest start wins.

export interface ReconcilableEntry {
  id: string;
  row: number;
  trackId: string | null;
  playedAt: Date;
  durationMs: number;
}

export interface ReconcilablePlay {
  id: string;
  trackId: string;
  startedAt: Date;
  endedAt: Date;
}

export interface Reconciliation<E extends ReconcilableEntry, P extends ReconcilablePlay> {
  matched: { entry: E; play: P; startDifferenceMs: number }[];
  /** Rows no detected play answers; `unknownTrack` when no catalogue track has the row's ISRC. */
  onlyInPlaylog: { entry: E; unknownTrack: boolean }[];
  onlyDetected: P[];
}

/** Default slack on each side of a row's [played_at, played_at + duration]. */
export const RECONCILE_TOLERANCE_MS = 5 * 60_000;

export function reconcilePlaylog<E extends ReconcilableEntry, P extends ReconcilablePlay>(
  entries: readonly E[],
  plays: readonly P[],
  toleranceMs = RECONCILE_TOLERANCE_MS,
): Reconciliation<E, P> {
  // Every overlapping (row, play) pair of the same track, closest starts first.
  const pairs: { entry: E; play: P; difference: number }[] = [];
  for (const entry of entries) {
    if (!entry.trackId) continue;
    const from = entry.playedAt.getTime() - toleranceMs;
    const to = entry.playedAt.getTime() + entry.durationMs + toleranceMs;
    for (const play of plays) {
      if (play.trackId !== entry.trackId) continue;
      if (play.startedAt.getTime() > to || play.endedAt.getTime() < from) continue;
      pairs.push({ entry, play, difference: play.startedAt.getTime() - entry.playedAt.getTime() });
    }
  }
  pairs.sort(
    (a, b) =>
      Math.abs(a.difference) - Math.abs(b.difference) ||
      a.entry.row - b.entry.row ||
      a.play.startedAt.getTime() - b.play.startedAt.getTime(),
  );
  const usedEntries = new Set<string>();
  const usedPlays = new Set<string>();
  const matched: Reconciliation<E, P>['matched'] = [];
  for (const pair of pairs) {
    if (usedEntries.has(pair.entry.id) || usedPlays.has(pair.play.id)) continue;
    usedEntries.add(pair.entry.id);
    usedPlays.add(pair.play.id);
    matched.push({ entry: pair.entry, play: pair.play, startDifferenceMs: pair.difference });
  }
  matched.sort(
    (a, b) => a.entry.playedAt.getTime() - b.entry.playedAt.getTime() || a.entry.row - b.entry.row,
  );
  return {
    matched,
    onlyInPlaylog: entries
      .filter((entry) => !usedEntries.has(entry.id))
      .map((entry) => ({ entry, unknownTrack: entry.trackId === null })),
    onlyDetected: plays.filter((play) => !usedPlays.has(play.id)),
  };
}

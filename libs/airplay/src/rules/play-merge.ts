// When detections are one play: the same track on the same station, aligned
// (the track started on air at the same moment, within a tolerance that
// absorbs capture clock jitter and a slightly fast or slow playout), and no
// gap between them longer than the threshold (a capture or two may be lost).
// Pure: the match service loads the candidates and writes the result.

export interface MergeOptions {
  /** Largest difference between two detections' implied on-air track start. */
  readonly alignmentToleranceMs: number;
  /** Largest silence between the end of one detection and the start of the next. */
  readonly maxGapMs: number;
}

export const DEFAULT_MERGE_OPTIONS: MergeOptions = Object.freeze({
  alignmentToleranceMs: 3_000,
  maxGapMs: 45_000,
});

/** What the rule needs of a detection. */
export interface PlayEvidence {
  readonly id: string;
  readonly startedAt: Date;
  readonly durationMs: number;
  /** Where in the track the detected audio starts. */
  readonly trackOffsetMs: number;
  readonly confidence: number;
}

export interface PlayExtent {
  startedAt: Date;
  endedAt: Date;
  trackOffsetMs: number;
  detectionCount: number;
  confidence: number;
}

/** The on-air moment the track's first second played, as this detection implies. */
export const trackStartOnAir = (d: Pick<PlayEvidence, 'startedAt' | 'trackOffsetMs'>): number =>
  d.startedAt.getTime() - d.trackOffsetMs;

const endOf = (d: PlayEvidence) => d.startedAt.getTime() + d.durationMs;

/** Whether the detection continues (or fills in) a play of these detections. */
export function belongsToPlay(
  play: readonly PlayEvidence[],
  detection: PlayEvidence,
  options: MergeOptions = DEFAULT_MERGE_OPTIONS,
): boolean {
  if (play.length === 0) return false;
  const start = Math.min(...play.map((d) => d.startedAt.getTime()));
  const end = Math.max(...play.map(endOf));
  const from = detection.startedAt.getTime();
  const gap = Math.max(from - end, start - endOf(detection), 0);
  if (gap > options.maxGapMs) return false;
  const anchor = trackStartOnAir(detection);
  return play.some((d) => Math.abs(trackStartOnAir(d) - anchor) <= options.alignmentToleranceMs);
}

/** A play's bounds from its detections: first start to last end, offset of the first, mean confidence. */
export function extentOf(detections: readonly PlayEvidence[]): PlayExtent {
  if (detections.length === 0) throw new RangeError('a play needs at least one detection');
  const ordered = [...detections].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  const first = ordered[0]!;
  const endedAt = Math.max(...ordered.map(endOf));
  const confidence = ordered.reduce((sum, d) => sum + d.confidence, 0) / ordered.length;
  return {
    startedAt: first.startedAt,
    endedAt: new Date(endedAt),
    trackOffsetMs: first.trackOffsetMs,
    detectionCount: ordered.length,
    confidence: Math.round(confidence * 10_000) / 10_000,
  };
}

// Matching: a query's landmarks vote for (track, trackOffset − queryOffset). The excerpt of
// a registered track piles its votes into one offset bin of one track; chance collisions
// scatter across bins and tracks. Score = votes in the best bin (±1 frame, which absorbs
// the half-hop misalignment between query and track frames).
import { DEFAULT_CONFIG, secondsPerFrame, type FingerprintConfig } from './config.ts';
import type { FingerprintIndex } from './fingerprint-index.ts';
import type { Fingerprint } from './fingerprint.ts';

export interface Match {
  readonly trackId: string;
  /** Landmarks aligned at the best offset (±1 frame). */
  readonly score: number;
  /** 0..1: how far the best track stands above the best other track. */
  readonly confidence: number;
  /** Where the query starts inside the track, seconds. */
  readonly offsetSeconds: number;
}

export interface MatchOptions {
  /** Fewer aligned landmarks than this is treated as chance. */
  readonly minScore: number;
  /** Below this confidence the best track is not distinct enough from the runner-up. */
  readonly minConfidence: number;
}

export const DEFAULT_MATCH_OPTIONS: MatchOptions = { minScore: 10, minConfidence: 0.3 };

// Histogram key = track * SPAN + (delta + HALF): one numeric Map instead of per-track maps.
const SPAN = 1 << 22;
const HALF = 1 << 21;

export function matchFingerprint(
  index: FingerprintIndex,
  query: Fingerprint,
  options: MatchOptions = DEFAULT_MATCH_OPTIONS,
  config: FingerprintConfig = DEFAULT_CONFIG,
): Match | null {
  const votes = new Map<number, number>();
  for (const { hash, offset } of query.landmarks) {
    for (const posting of index.lookup(hash)) {
      const key = posting.track * SPAN + (posting.offset - offset + HALF);
      votes.set(key, (votes.get(key) ?? 0) + 1);
    }
  }

  // Best (windowed) bin per track; ties go to the smaller offset for determinism.
  const bestPerTrack = new Map<number, { score: number; key: number }>();
  for (const key of votes.keys()) {
    const score = (votes.get(key - 1) ?? 0) + (votes.get(key) ?? 0) + (votes.get(key + 1) ?? 0);
    const track = Math.floor(key / SPAN);
    const current = bestPerTrack.get(track);
    if (!current || score > current.score || (score === current.score && key < current.key))
      bestPerTrack.set(track, { score, key });
  }

  let best: { track: number; score: number; key: number } | undefined;
  let runnerUp = 0;
  for (const [track, { score, key }] of bestPerTrack) {
    if (!best || isBetter(index, track, score, best.track, best.score)) {
      if (best) runnerUp = Math.max(runnerUp, best.score);
      best = { track, score, key };
    } else {
      runnerUp = Math.max(runnerUp, score);
    }
  }
  if (!best || best.score < options.minScore) return null;

  const confidence = (best.score - runnerUp) / (best.score + options.minScore);
  if (confidence < options.minConfidence) return null;

  return {
    trackId: index.trackIds[best.track] ?? '',
    score: best.score,
    confidence,
    offsetSeconds: refinedDelta(votes, best.key) * secondsPerFrame(config),
  };
}

/** Higher score wins; equal scores go to the lexically smaller track id (order-independent). */
function isBetter(
  index: FingerprintIndex,
  track: number,
  score: number,
  bestTrack: number,
  bestScore: number,
): boolean {
  if (score !== bestScore) return score > bestScore;
  return (index.trackIds[track] ?? '') < (index.trackIds[bestTrack] ?? '');
}

/** Vote-weighted mean delta over the three bins: sub-frame offset estimate. */
function refinedDelta(votes: Map<number, number>, key: number): number {
  let weighted = 0;
  let total = 0;
  for (let k = key - 1; k <= key + 1; k++) {
    const v = votes.get(k) ?? 0;
    weighted += v * ((k % SPAN) - HALF);
    total += v;
  }
  return weighted / total;
}

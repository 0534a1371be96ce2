// Landmarks are triplets: an anchor peak and two of the most prominent peaks of its target
// zone (ahead in time, within an octave). A pair of peaks carries ~17 bits of information —
// on 9 h of music an average lookup returned 44 postings, and a catalog 100× larger would
// drown every query in chance votes — while a triplet carries ~30, so postings per lookup
// stay near one. Choosing targets by prominence rather than proximity means a lost or added
// weak peak rarely changes which triplets exist; a query takes more targets per anchor than
// the index, so the index's triplets are mostly among the query's.
import type { FingerprintParams } from './params.ts';
import type { Peaks } from './peaks.ts';

export interface Triplets {
  readonly count: number;
  readonly anchor: Int32Array;
  /** The earlier and the later of the two targets. */
  readonly first: Int32Array;
  readonly second: Int32Array;
}

export function findTriplets(peaks: Peaks, params: FingerprintParams, targetsPerAnchor: number): Triplets {
  const anchors: number[] = [];
  const firsts: number[] = [];
  const seconds: number[] = [];
  const zone: number[] = [];
  const maxRatio = 2 ** params.maxOctaves;
  for (let i = 0; i < peaks.count; i++) {
    const t = peaks.time[i]!;
    const f = peaks.bin[i]!;
    zone.length = 0;
    for (let j = i + 1; j < peaks.count; j++) {
      if (peaks.frame[j]! - peaks.frame[i]! > params.maxDt + 1) break; // sorted by frame
      const dt = peaks.time[j]! - t;
      if (dt < params.minDt || dt > params.maxDt) continue;
      const ratio = peaks.bin[j]! / f;
      if (ratio > maxRatio || ratio < 1 / maxRatio) continue;
      zone.push(j);
    }
    // Most prominent first; ties by index so the choice is deterministic.
    zone.sort((a, b) => peaks.prominence[b]! - peaks.prominence[a]! || a - b);
    const k = Math.min(zone.length, targetsPerAnchor);
    for (let x = 0; x < k; x++) {
      for (let y = x + 1; y < k; y++) {
        const a = zone[x]!;
        const b = zone[y]!;
        // Peaks are sorted by (frame, bin), so index order is time order.
        anchors.push(i);
        firsts.push(a < b ? a : b);
        seconds.push(a < b ? b : a);
      }
    }
  }
  return {
    count: anchors.length,
    anchor: Int32Array.from(anchors),
    first: Int32Array.from(firsts),
    second: Int32Array.from(seconds),
  };
}

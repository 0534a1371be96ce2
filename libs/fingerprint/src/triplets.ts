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
  const K = targetsPerAnchor;
  const most = peaks.count * ((K * (K - 1)) / 2);
  const anchors = new Int32Array(most);
  const firsts = new Int32Array(most);
  const seconds = new Int32Array(most);
  // The K most prominent peaks of the zone, kept sorted by insertion (ties by index, so the
  // choice is deterministic): cheaper than sorting the whole zone for every anchor.
  const top = new Int32Array(K + 1);
  const maxRatio = 2 ** params.maxOctaves;
  const minRatio = 1 / maxRatio;
  const { time, bin, frame, prominence } = peaks;
  let n = 0;
  for (let i = 0; i < peaks.count; i++) {
    const t = time[i]!;
    const f = bin[i]!;
    let k = 0;
    for (let j = i + 1; j < peaks.count; j++) {
      if (frame[j]! - frame[i]! > params.maxDt + 1) break; // sorted by frame
      const dt = time[j]! - t;
      if (dt < params.minDt || dt > params.maxDt) continue;
      const ratio = bin[j]! / f;
      if (ratio > maxRatio || ratio < minRatio) continue;
      // j has the largest index so far: it goes after every peak at least as prominent.
      const p = prominence[j]!;
      let at = k;
      while (at > 0 && prominence[top[at - 1]!]! < p) at--;
      if (at >= K) continue;
      for (let m = Math.min(k, K - 1); m > at; m--) top[m] = top[m - 1]!;
      top[at] = j;
      if (k < K) k++;
    }
    for (let x = 0; x < k; x++) {
      for (let y = x + 1; y < k; y++) {
        const a = top[x]!;
        const b = top[y]!;
        // Peaks are sorted by (frame, bin), so index order is time order.
        anchors[n] = i;
        firsts[n] = a < b ? a : b;
        seconds[n] = a < b ? b : a;
        n++;
      }
    }
  }
  return {
    count: n,
    anchor: anchors.slice(0, n),
    first: firsts.slice(0, n),
    second: seconds.slice(0, n),
  };
}

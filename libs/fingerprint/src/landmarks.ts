// Landmarks: each anchor peak paired with up to `fanOut` peaks in a target zone ahead of
// it. A pair's (f1, f2, Δt) is invariant to where the excerpt starts and to gain, and is far
// more specific than a single peak, so one hash lookup returns few candidates.
import type { FingerprintConfig } from './config.ts';
import { packHash } from './hash.ts';
import type { Peak } from './peaks.ts';

export interface Landmark {
  readonly hash: number;
  /** Anchor time in frames from the start of the audio. */
  readonly offset: number;
}

/** `peaks` must be sorted by (frame, bin), as findPeaks returns them. */
export function pairLandmarks(peaks: readonly Peak[], config: FingerprintConfig): Landmark[] {
  const out: Landmark[] = [];
  for (let i = 0; i < peaks.length; i++) {
    const anchor = peaks[i];
    if (!anchor) continue;
    let paired = 0;
    for (let j = i + 1; j < peaks.length && paired < config.fanOut; j++) {
      const target = peaks[j];
      if (!target) continue;
      const dt = target.frame - anchor.frame;
      if (dt > config.targetMaxDt) break; // sorted by frame: nothing further qualifies
      if (dt < config.targetMinDt || Math.abs(target.bin - anchor.bin) > config.targetMaxDf) continue;
      out.push({ hash: packHash(anchor.bin, target.bin, dt), offset: anchor.frame });
      paired++;
    }
  }
  return out;
}

// The one parameter set of the fingerprint. Index and query must be computed with the same
// set, so every stored fingerprint records FINGERPRINT_PARAMS_VERSION and a store refuses to
// mix versions: changing any value below (or the code that reads it) means a new version
// and a re-index of the catalog. v4 = v3's values with the STFT computed by PFFFT (float32)
// instead of fft.js (float64): on the Postgres bench's 563 captures 40 of 14.8 M query
// entries and none of the track entries changed, but a store must still not mix the two.
export const FINGERPRINT_PARAMS_VERSION = 4;

export interface FingerprintParams {
  /** Rate all audio is resampled to before analysis, Hz. */
  readonly sampleRate: number;
  /** STFT frame length (power of two). 1024 at 8 kHz = 128 ms, 7.8 Hz bins. */
  readonly frameSize: number;
  /** STFT hop, samples; also the unit of every offset ("frame"). */
  readonly hopSize: number;
  /** Analysed band, FFT bins [minBin, maxBin]. */
  readonly minBin: number;
  readonly maxBin: number;
  /** Band edges (bins) for the per-band peak budget; peaks in each band compete only there. */
  readonly bandEdges: readonly number[];
  /** A peak is the maximum of its (2·peakHalfBins+1) × (2·peakHalfFrames+1) neighbourhood. */
  readonly peakHalfBins: number;
  readonly peakHalfFrames: number;
  /**
   * Power is averaged over ±smoothHalfFrames frames before peaks are picked (0 = off): a
   * sustained partial keeps its level while a noise maximum, which lasts about a frame, is
   * averaged towards the noise floor, so fewer noise maxima outrank the music's peaks.
   */
  readonly smoothHalfFrames: number;
  /** Half-width (bins) of the in-frame mean that a peak's prominence is measured against. */
  readonly backgroundHalfBins: number;
  /** Minimum prominence over that background, dB. */
  readonly minProminenceDb: number;
  /** Cells quieter than this (dB re full-scale sine) are never peaks: silence is empty. */
  readonly floorDb: number;
  /** Peaks kept per band within any window of ±densityHalfFrames (strongest by prominence). */
  readonly peaksPerBandWindow: number;
  readonly queryPeaksPerBandWindow: number;
  readonly densityHalfFrames: number;
  /** Target zone of an anchor: Δt in [minDt, maxDt] frames, |log2(f2/f1)| ≤ maxOctaves. */
  readonly minDt: number;
  readonly maxDt: number;
  readonly maxOctaves: number;
  /**
   * Most prominent targets per anchor; every two of them make a triplet. Fewer in the index
   * (compact: 3 targets → 3 triplets per anchor), more in a query (5 → 10).
   */
  readonly targetsPerAnchor: number;
  readonly queryTargetsPerAnchor: number;
  /** Hash quantisation: anchor log-frequency steps per octave, log-ratio steps per octave. */
  readonly anchorStepsPerOctave: number;
  readonly ratioStepsPerOctave: number;
  /** Lowest anchor frequency represented, Hz (the log-frequency origin). */
  readonly anchorMinHz: number;
  /**
   * Playback speeds a query is tried at (1.02 = played 2 % fast: pitch and tempo up).
   * Each query peak is mapped back to the track's time/frequency axes at every speed. Steps
   * of 1.5 % (0.97 … 1.03, five speeds): a speed between two of them is at most 0.75 % off,
   * which the hash's anchor cell (24 per octave ≈ 2.9 %) and Δt rounding absorb for most
   * triplets, and a query costs 5/7 of the lookups of a 1 % grid.
   */
  readonly speeds: readonly number[];
}

const speedGrid = (max: number, step: number): number[] => {
  const n = Math.round(max / step);
  return Array.from({ length: 2 * n + 1 }, (_, i) => Math.round((1 + (i - n) * step) * 1e6) / 1e6);
};

export const FINGERPRINT_PARAMS: FingerprintParams = Object.freeze({
  sampleRate: 8000,
  frameSize: 1024,
  hopSize: 256,
  minBin: 16,
  maxBin: 448,
  bandEdges: Object.freeze([16, 40, 80, 160, 300, 449]),
  peakHalfBins: 6,
  peakHalfFrames: 3,
  smoothHalfFrames: 1,
  backgroundHalfBins: 24,
  minProminenceDb: 6,
  floorDb: -90,
  peaksPerBandWindow: 3,
  queryPeaksPerBandWindow: 5,
  densityHalfFrames: 8,
  minDt: 2,
  maxDt: 30,
  maxOctaves: 1,
  targetsPerAnchor: 4,
  queryTargetsPerAnchor: 6,
  anchorStepsPerOctave: 24,
  ratioStepsPerOctave: 48,
  anchorMinHz: 100,
  speeds: Object.freeze(speedGrid(0.03, 0.015)),
});

/** Seconds per frame: converts offsets to time. */
export function secondsPerFrame(params: FingerprintParams = FINGERPRINT_PARAMS): number {
  return params.hopSize / params.sampleRate;
}

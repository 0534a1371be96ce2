// Fingerprint parameters, in one place so index and query always agree.
//
// 8000 Hz: radio identification lives in 100 Hz–4 kHz (speech/music fundamentals and the
// first harmonics survive FM, AM and lossy streams there); halving 16 kHz keeps the STFT
// cheap and makes 1024-sample frames 128 ms long (7.8 Hz bins) — fine enough in frequency
// to separate notes, short enough for ~32 ms landmark timing with a 256-sample hop.
export interface FingerprintConfig {
  /** Rate all audio is resampled to before analysis. */
  readonly sampleRate: number;
  /** STFT frame length (power of two, required by the FFT). */
  readonly frameSize: number;
  /** STFT hop in samples; also the time resolution of offsets. */
  readonly hopSize: number;
  /** Peak neighbourhood half-widths: a peak is the max of (2*df+1) bins × (2*dt+1) frames. */
  readonly peakNeighbourhoodBins: number;
  readonly peakNeighbourhoodFrames: number;
  /**
   * A peak must exceed the mean dB of its frame by this margin (adaptive threshold). 20 dB
   * keeps only tonal peaks well clear of the noise floor: at 10 dB, noise-floor peaks made
   * up most landmarks and only ~13 % of a clean excerpt's landmarks aligned (measured).
   */
  readonly peakMarginDb: number;
  /** Absolute floor: cells quieter than this (dBFS) are never peaks, so silence is empty. */
  readonly peakFloorDb: number;
  /** Cap on peaks kept per second of audio (strongest first). */
  readonly maxPeaksPerSecond: number;
  /** Lowest/highest FFT bin considered (skips DC rumble and the band edge). */
  readonly minBin: number;
  readonly maxBin: number;
  /** Target zone ahead of each anchor: frames [minDt, maxDt], |f2 - f1| <= maxDf bins. */
  readonly targetMinDt: number;
  readonly targetMaxDt: number;
  readonly targetMaxDf: number;
  /** Pairs per anchor (fan-out). */
  readonly fanOut: number;
}

export const DEFAULT_CONFIG: FingerprintConfig = {
  sampleRate: 8000,
  frameSize: 1024,
  hopSize: 256,
  peakNeighbourhoodBins: 10,
  peakNeighbourhoodFrames: 3,
  peakMarginDb: 20,
  peakFloorDb: -70,
  maxPeaksPerSecond: 30,
  minBin: 6,
  maxBin: 500,
  targetMinDt: 1,
  targetMaxDt: 63,
  targetMaxDf: 96,
  fanOut: 6,
};

/** Seconds per STFT hop: converts frame offsets to time. */
export function secondsPerFrame(config: FingerprintConfig): number {
  return config.hopSize / config.sampleRate;
}

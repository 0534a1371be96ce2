// The whole pipeline for one clip: PCM (any rate) → resample → STFT → peaks → landmarks.
import { DEFAULT_CONFIG, type FingerprintConfig } from './config.ts';
import { pairLandmarks, type Landmark } from './landmarks.ts';
import { findPeaks } from './peaks.ts';
import { resampleLinear } from './resample.ts';
import { spectrogram } from './spectrogram.ts';

export interface Fingerprint {
  readonly landmarks: readonly Landmark[];
  /** Duration analysed, seconds (after resampling). */
  readonly durationSeconds: number;
}

export function fingerprintPcm(
  samples: Float32Array,
  sampleRate: number,
  config: FingerprintConfig = DEFAULT_CONFIG,
): Fingerprint {
  const pcm = resampleLinear(samples, sampleRate, config.sampleRate);
  const spec = spectrogram(pcm, config.frameSize, config.hopSize);
  const peaks = findPeaks(spec, config);
  return { landmarks: pairLandmarks(peaks, config), durationSeconds: pcm.length / config.sampleRate };
}

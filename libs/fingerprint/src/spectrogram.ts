// Short-time Fourier transform → magnitude in dB. FFT by fft.js (pure JS, radix-4,
// no dependencies), so we do not maintain our own.
import FFT from 'fft.js';

export interface Spectrogram {
  readonly frames: number;
  /** frameSize / 2 + 1 bins per frame. */
  readonly bins: number;
  /** Row-major [frame * bins + bin], dBFS (0 dB = full-scale sine). */
  readonly db: Float32Array;
}

/** Magnitudes below this are clamped, so silence is a flat, finite floor. */
const MIN_DB = -120;

export function hannWindow(size: number): Float64Array {
  const w = new Float64Array(size);
  for (let i = 0; i < size; i++) w[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size);
  return w;
}

export function spectrogram(samples: Float32Array, frameSize: number, hopSize: number): Spectrogram {
  if (frameSize < 4 || (frameSize & (frameSize - 1)) !== 0)
    throw new RangeError(`frameSize must be a power of two >= 4 (got ${frameSize})`);
  if (hopSize < 1) throw new RangeError(`hopSize must be >= 1 (got ${hopSize})`);
  const bins = frameSize / 2 + 1;
  const frames = samples.length < frameSize ? 0 : Math.floor((samples.length - frameSize) / hopSize) + 1;
  const db = new Float32Array(frames * bins);
  const fft = new FFT(frameSize);
  const window = hannWindow(frameSize);
  const input = new Float64Array(frameSize);
  const out = new Float64Array(frameSize * 2);
  // A full-scale sine through a Hann window peaks at amplitude * N / 4 in its bin.
  const norm = 4 / frameSize;
  for (let f = 0; f < frames; f++) {
    const start = f * hopSize;
    for (let i = 0; i < frameSize; i++) input[i] = (samples[start + i] ?? 0) * (window[i] ?? 0);
    fft.realTransform(out, input);
    const row = f * bins;
    for (let k = 0; k < bins; k++) {
      const re = out[2 * k] ?? 0;
      const im = out[2 * k + 1] ?? 0;
      const mag = Math.sqrt(re * re + im * im) * norm;
      db[row + k] = mag > 0 ? Math.max(MIN_DB, 20 * Math.log10(mag)) : MIN_DB;
    }
  }
  return { frames, bins, db };
}

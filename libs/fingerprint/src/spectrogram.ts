// Short-time Fourier transform → power in dB, only for the analysed band. One FFT plan
// (fft.js: pure JS, radix-4) and one window per frame size, reused across calls.
import FFT from 'fft.js';

export interface Spectrogram {
  readonly frames: number;
  /** First bin kept; column c of a row is FFT bin firstBin + c. */
  readonly firstBin: number;
  /** Bins kept per frame. */
  readonly bins: number;
  /** Row-major [frame * bins + column], dB re a full-scale sine (0 dB). */
  readonly db: Float32Array;
}

/** Power below this is clamped, so silence is a flat, finite floor. */
const MIN_DB = -200;

export function hannWindow(size: number): Float64Array {
  const w = new Float64Array(size);
  for (let i = 0; i < size; i++) w[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size);
  return w;
}

interface Plan {
  readonly fft: FFT;
  readonly window: Float64Array;
  readonly input: Float64Array;
  readonly output: Float64Array;
}
const plans = new Map<number, Plan>();

function planFor(frameSize: number): Plan {
  let plan = plans.get(frameSize);
  if (!plan) {
    plan = {
      fft: new FFT(frameSize),
      window: hannWindow(frameSize),
      input: new Float64Array(frameSize),
      output: new Float64Array(frameSize * 2),
    };
    plans.set(frameSize, plan);
  }
  return plan;
}

// 10·log10(p) via the float's exponent and a cubic for log2 of the mantissa (max error
// 0.004 dB): several times cheaper than Math.log10 on ~14 000 cells per second of audio.
const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);
const DB_PER_LOG2 = 10 * Math.log10(2);
function powerDb(p: number): number {
  f32[0] = p;
  const bits = i32[0]!;
  const m = (bits & 0x7fffff) * (1 / 8388608);
  const log2 =
    (bits >> 23) - 127 + m * (1.4234931980794694 + m * (-0.5877652935353633 + m * 0.16558642587915148));
  return log2 * DB_PER_LOG2;
}

/** Computes one frame's dB row at a time: the analyser streams frames without a full grid. */
export class FrameSpectrum {
  readonly bins: number;
  readonly frames: number;
  private readonly plan: Plan;
  // A full-scale sine through a Hann window peaks at amplitude · N / 4 in its bin.
  private readonly norm2: number;

  constructor(
    private readonly samples: Float32Array,
    private readonly frameSize: number,
    private readonly hopSize: number,
    readonly firstBin: number,
    readonly lastBin: number,
  ) {
    if (frameSize < 4 || (frameSize & (frameSize - 1)) !== 0)
      throw new RangeError(`frameSize must be a power of two >= 4 (got ${frameSize})`);
    if (hopSize < 1) throw new RangeError(`hopSize must be >= 1 (got ${hopSize})`);
    if (!(firstBin >= 0 && lastBin <= frameSize / 2 && firstBin <= lastBin))
      throw new RangeError(`bin range [${firstBin}, ${lastBin}] is outside [0, ${frameSize / 2}]`);
    this.bins = lastBin - firstBin + 1;
    this.frames = samples.length < frameSize ? 0 : Math.floor((samples.length - frameSize) / hopSize) + 1;
    this.plan = planFor(frameSize);
    this.norm2 = (4 / frameSize) ** 2;
  }

  /** Writes frame f's dB values for bins firstBin..lastBin into row[at .. at + bins). */
  compute(f: number, row: Float32Array, at = 0): void {
    this.computePower(f, row, at);
    for (let c = at; c < at + this.bins; c++) row[c] = toDb(row[c]!);
  }

  /** The same row as power (1 = a full-scale sine), before the conversion to dB. */
  computePower(f: number, row: Float32Array, at = 0): void {
    const { fft, window, input, output } = this.plan;
    const { samples, frameSize, norm2 } = this;
    const start = f * this.hopSize;
    for (let i = 0; i < frameSize; i++) input[i] = samples[start + i]! * window[i]!;
    fft.realTransform(output, input);
    const shift = at - this.firstBin;
    for (let k = this.firstBin; k <= this.lastBin; k++) {
      const re = output[2 * k]!;
      const im = output[2 * k + 1]!;
      row[shift + k] = (re * re + im * im) * norm2;
    }
  }
}

/** Power → dB re a full-scale sine, floored at MIN_DB. */
export function toDb(p: number): number {
  return p > MIN_POWER ? powerDb(p) : MIN_DB;
}
const MIN_POWER = 10 ** (MIN_DB / 10);

/** The whole grid (tests, tools); the fingerprint itself streams frames through FrameSpectrum. */
export function spectrogram(
  samples: Float32Array,
  frameSize: number,
  hopSize: number,
  firstBin = 0,
  lastBin = frameSize / 2,
): Spectrogram {
  const frames = new FrameSpectrum(samples, frameSize, hopSize, firstBin, lastBin);
  const db = new Float32Array(frames.frames * frames.bins);
  for (let f = 0; f < frames.frames; f++) frames.compute(f, db, f * frames.bins);
  return { frames: frames.frames, firstBin, bins: frames.bins, db };
}

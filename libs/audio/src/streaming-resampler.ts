// Sample-rate conversion chunk by chunk with libsamplerate (Erik de Castro Lopo's SRC, as WASM:
// @alexanderolsen/libsamplerate-js). SINC_FASTEST is its band-limited converter with the least
// work per sample: flat to ~90 % of the new Nyquist, aliasing below -90 dB, so a downsample to
// the fingerprinter's rate keeps the band it looks at intact. State carries across chunks, so a
// long track is converted as it decodes and never held at its native rate.
import libsamplerate from '@alexanderolsen/libsamplerate-js';
import { concatFloat } from './pcm-concat.ts';

type Src = Awaited<ReturnType<typeof libsamplerate.create>>;

const CONVERTER = libsamplerate.ConverterType.SRC_SINC_FASTEST;

// Creating a converter instantiates its WASM module (~5 ms); resetting one costs microseconds.
// Idle converters are kept per rate pair, so a stream of 10 s captures does not pay each time.
const MAX_IDLE_PER_RATES = 4;
const idle = new Map<string, Src[]>();
const ratesKey = (input: number, output: number) => `${input}>${output}`;

async function acquire(input: number, output: number): Promise<Src> {
  const src = idle.get(ratesKey(input, output))?.pop();
  if (!src) return libsamplerate.create(1, input, output, { converterType: CONVERTER });
  src.converterType = CONVERTER; // the setter re-initialises the converter: fresh filter state
  return src;
}

function release(src: Src): void {
  const key = ratesKey(src.inputSampleRate, src.outputSampleRate);
  const list = idle.get(key) ?? [];
  idle.set(key, list);
  if (list.length < MAX_IDLE_PER_RATES) list.push(src);
  else src.destroy();
}

export class StreamingResampler {
  private consumed = 0;
  private produced = 0;

  private constructor(
    private src: Src | undefined,
    readonly inputRate: number,
    readonly outputRate: number,
  ) {}

  static async create(inputRate: number, outputRate: number): Promise<StreamingResampler> {
    if (!(outputRate >= 1 && outputRate <= 192_000))
      throw new RangeError(`output sample rate must be 1–192000 Hz (got ${outputRate})`);
    if (inputRate === outputRate) return new StreamingResampler(undefined, inputRate, outputRate);
    return new StreamingResampler(await acquire(inputRate, outputRate), inputRate, outputRate);
  }

  /** Converts the next piece of mono PCM; the filter delay means output lags input slightly. */
  push(samples: Float32Array): Float32Array {
    this.consumed += samples.length;
    if (!this.src || samples.length === 0) return this.count(samples);
    return this.count(this.src.full(samples));
  }

  /** Drains the filter so the total output is exactly inputLength × ratio (rounded down). */
  end(): Float32Array {
    const expected = Math.floor((this.consumed * this.outputRate) / this.inputRate);
    if (!this.src || this.produced >= expected) return new Float32Array(0);
    // Silence pushes the held-back tail out; keep only as much as the real input accounts for.
    const tail: Float32Array[] = [];
    let have = 0;
    for (let round = 0; round < 8 && this.produced + have < expected; round++) {
      const out = this.src.full(new Float32Array(4096));
      tail.push(out);
      have += out.length;
    }
    return this.count(concatFloat(tail).subarray(0, Math.min(have, expected - this.produced)));
  }

  /** Hands the converter back for reuse; the resampler is unusable afterwards. */
  free(): void {
    if (this.src) release(this.src);
    this.src = undefined;
  }

  private count(out: Float32Array): Float32Array {
    this.produced += out.length;
    return out;
  }
}

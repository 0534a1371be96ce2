import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resampleLinear, spectrogram } from '../src/index.ts';
import { seededRandom } from './synthetic-audio.ts';

function sine(freq: number, rate: number, seconds: number): Float32Array {
  return Float32Array.from(
    { length: Math.floor(rate * seconds) },
    (_, i) => 0.5 * Math.sin((2 * Math.PI * freq * i) / rate),
  );
}

function peakBin(samples: Float32Array): number {
  const spec = spectrogram(samples, 1024, 1024);
  let best = 0;
  for (let k = 1; k < spec.bins; k++) if ((spec.db[k] ?? -Infinity) > (spec.db[best] ?? -Infinity)) best = k;
  return best;
}

describe('resampleLinear', () => {
  it('keeps a tone at the same frequency (44.1 kHz → 8 kHz and 8 kHz → 11.025 kHz)', () => {
    const down = resampleLinear(sine(1000, 44_100, 0.2), 44_100, 8000);
    expect(peakBin(down)).toBe(Math.round((1000 * 1024) / 8000));
    const up = resampleLinear(sine(1000, 8000, 0.2), 8000, 11_025);
    expect(peakBin(up)).toBe(Math.round((1000 * 1024) / 11_025));
  });

  it('attenuates content above the new Nyquist when downsampling', () => {
    const down = resampleLinear(sine(15_000, 44_100, 0.2), 44_100, 8000);
    let sum = 0;
    for (const s of down) sum += s * s;
    expect(Math.sqrt(sum / down.length)).toBeLessThan(0.5 / Math.SQRT2 / 3);
  });

  it('returns a copy for equal rates and rejects non-positive rates', () => {
    const input = new Float32Array([1, 2, 3]);
    const out = resampleLinear(input, 8000, 8000);
    expect(out).toEqual(input);
    expect(out).not.toBe(input);
    expect(() => resampleLinear(input, 0, 8000)).toThrow(RangeError);
    expect(() => resampleLinear(input, 8000, -1)).toThrow(RangeError);
  });

  it('every output is the normalised tent kernel of the input, whichever path computes it', () => {
    // 44.1 and 48 kHz run the written-out 13-tap dot product, other rates the loop, the ends
    // the clipped kernel: all must be the direct formula (weights 1 − |k − centre| / ratio).
    const tent = (input: Float32Array, ratio: number, i: number): number => {
      let sum = 0;
      let total = 0;
      for (let k = Math.ceil(i * ratio - ratio); k <= Math.floor(i * ratio + ratio); k++) {
        const w = 1 - Math.abs(k - i * ratio) / ratio;
        if (k < 0 || k >= input.length || w <= 0) continue;
        sum += w * input[k]!;
        total += w;
      }
      return total > 0 ? sum / total : 0;
    };
    fc.assert(
      fc.property(
        // Lengths drawn uniformly: fast-check's arrays are mostly short, i.e. all ends.
        fc.integer({ min: 1, max: 4000 }),
        fc.integer(),
        fc.constantFrom(44_100, 48_000, 96_000, 32_000, 22_050, 16_000, 11_025),
        (length, seed, from) => {
          const random = seededRandom(seed);
          const input = Float32Array.from({ length }, () => 2 * random() - 1);
          const out = resampleLinear(input, from, 8000);
          out.forEach((s, i) => expect(Math.abs(s - tent(input, from / 8000, i))).toBeLessThan(1e-6));
        },
      ),
      { numRuns: 100 },
    );
    // Long inputs too: the 13-tap kernel takes them a block of 8192 outputs at a time.
    for (const [length, from] of [
      [120_000, 44_100],
      [100_001, 48_000],
    ] as const) {
      const random = seededRandom(length);
      const input = Float32Array.from({ length }, () => 2 * random() - 1);
      const out = resampleLinear(input, from, 8000);
      const worst = out.reduce((m, s, i) => Math.max(m, Math.abs(s - tent(input, from / 8000, i))), 0);
      expect(worst).toBeLessThan(1e-6);
    }
  });

  it('properties: length scales with the rate ratio; constants stay constant; output within input range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 4000, max: 96_000 }),
        fc.integer({ min: 4000, max: 96_000 }),
        fc.float({ min: -1, max: 1, noNaN: true }),
        (n, from, to, c) => {
          const out = resampleLinear(new Float32Array(n).fill(c), from, to);
          expect(out.length).toBe(from === to ? n : Math.floor((n * to) / from));
          expect(out.every((s) => Math.abs(s - c) < 1e-5)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(
        fc.float32Array({ minLength: 1, maxLength: 500, noNaN: true, min: -1, max: 1 }),
        fc.integer({ min: 4000, max: 48_000 }),
        (input, to) => {
          const lo = Math.min(...input);
          const hi = Math.max(...input);
          for (const s of resampleLinear(input, 44_100, to)) {
            expect(s).toBeGreaterThanOrEqual(lo - 1e-6);
            expect(s).toBeLessThanOrEqual(hi + 1e-6);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

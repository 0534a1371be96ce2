// The per-cell kernels against the arithmetic they replace, written out in JS: equal to the
// bit (toEqual on float32 values), on random rows of every length (vector bodies and tails).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claim, heapF32, heapF64, kernels } from '../src/kernels.ts';
import { MIN_POWER, toDb } from '../src/spectrogram.ts';

const power = fc.oneof(
  fc.float({ min: 0, max: 4, noNaN: true }),
  fc.constantFrom(0, MIN_POWER, Math.fround(MIN_POWER), 1e-21, 1),
);
const f32 = (values: number[]): Float32Array => Float32Array.from(values);

describe('the spectrum kernels', () => {
  it('smoothToDb: float32 sum of the ring rows in order, mean in f64, floored, in dB', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 23 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(power, { minLength: 4 * 23, maxLength: 4 * 23 }),
        fc.nat(),
        (bins, rows, cells, pick) => {
          const a = pick % rows;
          const b = a + ((pick >> 3) % (rows - a));
          const ring = claim('test-ring', 4 * 23 * 4);
          const dst = claim('test-dst', 23 * 4);
          heapF32().set(f32(cells.slice(0, rows * bins)), ring >> 2);
          kernels.smoothToDb(ring, rows, bins, a, b, 1 / (b - a + 1), MIN_POWER, dst);
          const expected = Array.from({ length: bins }, (_, c) => {
            let sum = Math.fround(cells[a * bins + c]!);
            for (let x = a + 1; x <= b; x++) sum = Math.fround(sum + Math.fround(cells[x * bins + c]!));
            return Math.fround(toDb(sum * (1 / (b - a + 1))));
          });
          expect([...heapF32().subarray(dst >> 2, (dst >> 2) + bins)]).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('binPower: (re² + im²) · norm2 of ordered FFT bins, rounded once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: -300, max: 300, noNaN: true }), { minLength: 64, maxLength: 64 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 0, max: 30 }),
        (spectrum, from, span) => {
          const to = Math.min(31, from + span);
          const fft = claim('test-fft', 64 * 4);
          const row = claim('test-power', 32 * 4);
          heapF32().set(f32(spectrum), fft >> 2);
          const norm2 = (4 / 64) ** 2;
          kernels.binPower(fft, from, to, row, norm2);
          const values = heapF32().subarray(fft >> 2, (fft >> 2) + 64);
          const expected = Array.from({ length: to - from + 1 }, (_, i) => {
            const re = values[2 * (from + i)]!;
            const im = values[2 * (from + i) + 1]!;
            return Math.fround((re * re + im * im) * norm2);
          });
          expect([...heapF32().subarray(row >> 2, (row >> 2) + expected.length)]).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('applyWindow: each sample times its (f64) weight, rounded once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: -1, max: 1, noNaN: true }), { minLength: 32, maxLength: 32 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 32, maxLength: 32 }),
        (samples, window) => {
          const src = claim('test-samples', 32 * 4);
          const weights = claim('test-window', 32 * 8);
          const dst = claim('test-windowed', 32 * 4);
          heapF32().set(f32(samples), src >> 2);
          heapF64().set(window, weights >> 3);
          kernels.applyWindow(src, weights, dst, 32);
          const expected = samples.map((s, i) => Math.fround(Math.fround(s) * window[i]!));
          expect([...heapF32().subarray(dst >> 2, (dst >> 2) + 32)]).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});

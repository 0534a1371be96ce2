import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claim, heapF32, heapI32, kernels } from '../src/kernels.ts';

describe('the slidingMax kernel', () => {
  it('gives every window maximum and lists the in-range cells that are theirs and above the floor', () => {
    fc.assert(
      fc.property(
        // Few distinct levels, so ties and plateaus are common.
        fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 0, max: 8 }),
        fc.nat(),
        fc.nat(),
        (levels, half, a, b) => {
          const n = levels.length;
          const row = new Float32Array([7, ...levels, 7]); // offset 1 inside a larger row
          const [lo, hi] = [a % n, b % n].sort((x, y) => x - y) as [number, number];
          // Inside the kernels' memory; the rows around the output must stay untouched.
          const rowAt = claim('test-row', (n + 2) * 4);
          const outAt = claim('test-out', (n + 4) * 4);
          const marksAt = claim('test-marks', (n + 3) * 4);
          const scratchAt = claim('test-scratch', (n + 4 * half + 5) * 4);
          heapF32().set(row, rowAt >> 2);
          heapF32().fill(7, outAt >> 2, (outAt >> 2) + n + 4);
          const count = kernels.slidingMax(rowAt + 4, n, half, outAt + 8, lo, hi, 0, marksAt + 4, scratchAt);
          const out = heapF32().slice(outAt >> 2, (outAt >> 2) + n + 4);
          const marks = heapI32().slice(marksAt >> 2, (marksAt >> 2) + n + 3);
          const expectedMax = levels.map((_, c) =>
            Math.max(...levels.slice(Math.max(0, c - half), c + half + 1)),
          );
          const expectedMarks = expectedMax
            .map((m, c) => (c >= lo && c <= hi && levels[c] === m && m >= 0 ? c : -1))
            .filter((c) => c >= 0);
          expect([...out.subarray(2, 2 + n)]).toEqual(expectedMax);
          expect([...out.subarray(0, 2), ...out.subarray(2 + n)]).toEqual([7, 7, 7, 7]);
          expect([...marks.subarray(1, 1 + count)]).toEqual(expectedMarks);
        },
      ),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SlidingMax } from '../src/running-max.ts';

describe('SlidingMax', () => {
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
          const out = new Float32Array(n + 2);
          const marks = new Int32Array(n + 3);
          const count = new SlidingMax(n, half).apply(row, 1, out, 2, lo, hi, 0, marks, 1);
          const expectedMax = levels.map((_, c) =>
            Math.max(...levels.slice(Math.max(0, c - half), c + half + 1)),
          );
          const expectedMarks = expectedMax
            .map((m, c) => (c >= lo && c <= hi && levels[c] === m && m >= 0 ? c : -1))
            .filter((c) => c >= 0);
          expect([...out.subarray(2, 2 + n)]).toEqual(expectedMax);
          expect([...marks.subarray(1, 1 + count)]).toEqual(expectedMarks);
        },
      ),
      { numRuns: 300 },
    );
  });
});

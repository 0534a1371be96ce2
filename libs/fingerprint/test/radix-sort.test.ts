import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortOrder } from '../src/radix-sort.ts';

describe('sortOrder', () => {
  it('is the stable ascending permutation of any uint32 keys', () => {
    fc.assert(
      fc.property(
        // Few distinct values (ties) or the whole uint32 range (every digit, the top one too).
        fc.oneof(
          fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 300 }),
          fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 300 }),
        ),
        (values) => {
          const keys = Uint32Array.from(values);
          const expected = [...keys.keys()].sort((a, b) => keys[a]! - keys[b]! || a - b);
          expect([...sortOrder(keys)]).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

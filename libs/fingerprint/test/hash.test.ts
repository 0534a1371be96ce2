import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packHash, unpackHash } from '../src/index.ts';

const anchor = fc.integer({ min: 0, max: 127 });
const ratio = fc.integer({ min: -64, max: 63 });
const dt = fc.integer({ min: 0, max: 31 });
const fields = fc.tuple(anchor, ratio, ratio, dt, dt);

describe('packHash', () => {
  it('round-trips every field combination into a non-negative int4-sized integer', () => {
    fc.assert(
      fc.property(fields, ([anchor, ratio1, ratio2, dt1, dt2]) => {
        const h = packHash(anchor, ratio1, ratio2, dt1, dt2);
        // Fits a Postgres int4 column as it is: 31 bits, never negative.
        expect(Number.isInteger(h) && h >= 0 && h < 2 ** 31).toBe(true);
        expect(unpackHash(h)).toEqual({ anchor, ratio1, ratio2, dt1, dt2 });
      }),
    );
  });

  it('is injective: distinct triples give distinct hashes', () => {
    fc.assert(
      fc.property(fields, fields, (x, y) => {
        fc.pre(x.join() !== y.join());
        expect(packHash(...x)).not.toBe(packHash(...y));
      }),
    );
  });

  it('rejects out-of-range or fractional fields, naming them', () => {
    expect(() => packHash(128, 0, 0, 0, 0)).toThrow(/anchor=128/);
    expect(() => packHash(0, 64, 0, 0, 0)).toThrow(/ratio1=64/);
    expect(() => packHash(0, 0, -65, 0, 0)).toThrow(/ratio2=-65/);
    expect(() => packHash(0, 0, 0, 32, 0)).toThrow(/dt1=32/);
    expect(() => packHash(0, 0, 0, 0, -1)).toThrow(/dt2=-1/);
    expect(() => packHash(0.5, 0, 0, 0, 0)).toThrow(RangeError);
  });
});

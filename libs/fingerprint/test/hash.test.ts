import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packHash, unpackHash } from '../src/index.ts';

const field = fc.integer({ min: 0, max: 1023 });
const dt = fc.integer({ min: 0, max: 4095 });

describe('packHash', () => {
  it('round-trips every field combination into an unsigned 32-bit integer', () => {
    fc.assert(
      fc.property(field, field, dt, (f1, f2, d) => {
        const h = packHash(f1, f2, d);
        expect(Number.isInteger(h) && h >= 0 && h <= 0xffffffff).toBe(true);
        expect(unpackHash(h)).toEqual({ f1, f2, dt: d });
      }),
    );
  });

  it('is injective: distinct triples give distinct hashes', () => {
    fc.assert(
      fc.property(fc.tuple(field, field, dt), fc.tuple(field, field, dt), (a, b) => {
        fc.pre(a.join() !== b.join());
        expect(packHash(...a)).not.toBe(packHash(...b));
      }),
    );
  });

  it('rejects out-of-range or fractional fields', () => {
    expect(() => packHash(1024, 0, 0)).toThrow(RangeError);
    expect(() => packHash(0, -1, 0)).toThrow(RangeError);
    expect(() => packHash(0, 0, 4096)).toThrow(RangeError);
    expect(() => packHash(0.5, 0, 0)).toThrow(RangeError);
  });
});

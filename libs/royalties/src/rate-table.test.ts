import { describe, expect, it } from 'vitest';
import { classRate, selectRateTable, startingRateTable } from './rate-table.ts';

describe('startingRateTable', () => {
  it('encodes the design-doc table exactly in integers', () => {
    const t = startingRateTable('rt', 0);
    expect(t.rates.class_a).toEqual({
      baseRateMicro: 15000,
      multipliersBp: { prime: 15000, regular: 10000, off_peak: 7000 },
    });
    expect(t.rates.class_b).toEqual({
      baseRateMicro: 12000,
      multipliersBp: { prime: 13000, regular: 10000, off_peak: 8000 },
    });
    expect(t.rates.class_c).toEqual({
      baseRateMicro: 8000,
      multipliersBp: { prime: 12000, regular: 10000, off_peak: 9000 },
    });
    expect(t.rates.online).toEqual({
      baseRateMicro: 10000,
      multipliersBp: { prime: 11000, regular: 10000, off_peak: 9000 },
    });
    expect(t.rates.community).toEqual({
      baseRateMicro: 5000,
      multipliersBp: { prime: 10000, regular: 10000, off_peak: 10000 },
    });
  });

  it('classRate accepts up to 6 rate decimals and rejects more', () => {
    expect(classRate('0.000001', '1', '1', '1').baseRateMicro).toBe(1);
    expect(() => classRate('0.0000001', '1', '1', '1')).toThrow(/baseRate/);
  });
});

describe('selectRateTable', () => {
  const a = startingRateTable('a', 1000);
  const b = startingRateTable('b', 2000);
  const c = startingRateTable('c', 3000);

  it('picks the latest table effective at or before the instant, in any input order', () => {
    expect(selectRateTable([c, a, b], 2500)?.id).toBe('b');
    expect(selectRateTable([c, a, b], 2000)?.id).toBe('b'); // effective instant is inclusive
    expect(selectRateTable([c, a, b], 1999)?.id).toBe('a');
    expect(selectRateTable([c, a, b], 10_000)?.id).toBe('c');
  });

  it('returns undefined before the first table or with no tables', () => {
    expect(selectRateTable([a, b], 999)).toBeUndefined();
    expect(selectRateTable([], 5000)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { startingRateTable, type RateTable } from './rate-table.ts';
import { validateRateTable, validateRateTables } from './validate-rate-table.ts';

const fields = (errors: Array<{ field: string }>) => errors.map((e) => e.field);
const good = startingRateTable('rt', Date.UTC(2026, 0, 1));

describe('validateRateTable', () => {
  it('accepts the starting table', () => {
    expect(validateRateTable(good)).toEqual([]);
  });

  it('names a missing station class', () => {
    const { class_b: _dropped, ...rest } = good.rates;
    expect(fields(validateRateTable({ ...good, rates: rest } as unknown as RateTable))).toEqual([
      'rates.class_b',
    ]);
  });

  it('names non-positive or fractional base rates', () => {
    const zero = { ...good, rates: { ...good.rates, class_a: { ...good.rates.class_a, baseRateMicro: 0 } } };
    const frac = { ...good, rates: { ...good.rates, online: { ...good.rates.online, baseRateMicro: 1.5 } } };
    expect(fields(validateRateTable(zero))).toEqual(['rates.class_a.baseRateMicro']);
    expect(fields(validateRateTable(frac))).toEqual(['rates.online.baseRateMicro']);
  });

  it('allows a zero multiplier but names a negative or missing one', () => {
    const m = (multipliersBp: object) =>
      ({
        ...good,
        rates: { ...good.rates, class_c: { baseRateMicro: 8000, multipliersBp } },
      }) as unknown as RateTable;
    expect(validateRateTable(m({ prime: 0, regular: 0, off_peak: 0 }))).toEqual([]);
    expect(fields(validateRateTable(m({ prime: -1, regular: 10000 })))).toEqual([
      'rates.class_c.multipliersBp.prime',
      'rates.class_c.multipliersBp.off_peak',
    ]);
  });

  it('names unknown classes, empty ids and bad instants', () => {
    const bad = {
      ...good,
      id: ' ',
      effectiveFromMs: Number.NaN,
      rates: { ...good.rates, pirate: good.rates.online },
    };
    expect(fields(validateRateTable(bad as unknown as RateTable))).toEqual([
      'id',
      'effectiveFromMs',
      'rates.pirate',
    ]);
  });
});

describe('validateRateTables', () => {
  it('rejects two tables with the same effective instant, naming the later one', () => {
    const errors = validateRateTables([good, { ...good, id: 'rt-2' }]);
    expect(fields(errors)).toEqual(['tables[1].effectiveFromMs']);
    expect(errors[0]?.message).toMatch(/tables\[0\]/);
  });

  it('rejects duplicate ids and prefixes per-table errors with their index', () => {
    const later = startingRateTable('rt', good.effectiveFromMs + 1);
    const broken = {
      ...startingRateTable('x', 5),
      rates: { ...good.rates, community: { ...good.rates.community, baseRateMicro: -5 } },
    };
    expect(fields(validateRateTables([good, later, broken]))).toEqual([
      'tables[1].id',
      'tables[2].rates.community.baseRateMicro',
    ]);
  });

  it('accepts distinct tables', () => {
    expect(validateRateTables([good, startingRateTable('rt-2', good.effectiveFromMs + 1)])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { RoyaltyError } from './errors.ts';
import { calculatePlayRoyalty, type PlayInput } from './play-royalty.ts';
import { classRate, startingRateTable, type RateTable } from './rate-table.ts';

const launch = startingRateTable('rt-2026', Date.UTC(2026, 0, 1));
const tables = [launch];
const accra = (over: Partial<PlayInput> = {}): PlayInput => ({
  stationClass: 'class_a',
  timezone: 'Africa/Accra',
  start: Date.UTC(2026, 0, 15, 12),
  durationSeconds: 180,
  ...over,
});

describe('calculatePlayRoyalty', () => {
  it('prices a regular-period play: 0.015 × 180 s × 1.0 = GHS 2.70', () => {
    const r = calculatePlayRoyalty(accra(), tables);
    expect(r.amountMinor).toBe(270);
    expect(r.amountMicro).toBe('2700000.0000000');
    expect(r.rateTableId).toBe('rt-2026');
    expect(r.segments).toHaveLength(1);
    expect(r.segments[0]).toMatchObject({ period: 'regular', seconds: 180, multiplierBp: 10000 });
  });

  it.each([
    ['class_a', 8, 405], // 0.015 × 180 × 1.5 prime
    ['class_b', 8, 281], // 0.012 × 180 × 1.3 = 2.808
    ['class_c', 3, 130], // 0.008 × 180 × 0.9 off-peak = 1.296
    ['online', 21, 180], // 0.010 × 180 × 1.0 regular
    ['community', 17, 90], // 0.005 × 180 × 1.0
  ] as const)('%s at %d:00 local → %d pesewas', (stationClass, hour, expected) => {
    expect(
      calculatePlayRoyalty(accra({ stationClass, start: Date.UTC(2026, 0, 15, hour) }), tables).amountMinor,
    ).toBe(expected);
  });

  it('prices each segment by its own period (09:58–10:03)', () => {
    const r = calculatePlayRoyalty(
      accra({ start: new Date(Date.UTC(2026, 0, 15, 9, 58)), durationSeconds: 300 }),
      tables,
    );
    expect(r.segments.map((s) => [s.period, s.seconds, s.multiplierBp, s.amountMicro])).toEqual([
      ['prime', 120, 15000, '2700000.0000000'],
      ['regular', 180, 10000, '2700000.0000000'],
    ]);
    expect(r.amountMinor).toBe(540);
  });

  it('rounds once on the exact total, not per segment', () => {
    // 0.2 s prime = 0.45 pes and 0.3 s regular = 0.45 pes: per-segment rounding gives 0, once gives 1.
    const r = calculatePlayRoyalty(
      accra({ start: Date.UTC(2026, 0, 15, 9, 59, 59, 800), durationSeconds: 0.5 }),
      tables,
    );
    expect(r.segments.map((s) => s.amountMicro)).toEqual(['4500.0000000', '4500.0000000']);
    expect(r.amountMinor).toBe(1);
  });

  it('rounds exact half-pesewa ties to even', () => {
    // community: 0.005 GHS/s = 0.5 pesewa per second.
    const community = (durationSeconds: number) =>
      calculatePlayRoyalty(accra({ stationClass: 'community', durationSeconds }), tables).amountMinor;
    expect(community(1)).toBe(0); // 0.5 → 0
    expect(community(3)).toBe(2); // 1.5 → 2
    expect(community(5)).toBe(2); // 2.5 → 2
    expect(community(7)).toBe(4); // 3.5 → 4
  });

  it('prices a full Accra day for class_a exactly (GHS 1414.80)', () => {
    const r = calculatePlayRoyalty(accra({ start: Date.UTC(2026, 0, 15), durationSeconds: 86_400 }), tables);
    expect(r.amountMinor).toBe(141_480);
  });

  it('uses the table in force at the play START, even if a new one starts mid-play', () => {
    const newer: RateTable = {
      ...startingRateTable('rt-new', Date.UTC(2026, 0, 15, 12, 1)),
      rates: { ...launch.rates, class_a: classRate('0.030', '1.5', '1.0', '0.7') },
    };
    const both = [newer, launch];
    expect(calculatePlayRoyalty(accra(), both)).toMatchObject({ rateTableId: 'rt-2026', amountMinor: 270 });
    expect(calculatePlayRoyalty(accra({ start: Date.UTC(2026, 0, 15, 12, 1) }), both)).toMatchObject({
      rateTableId: 'rt-new',
      amountMinor: 540,
    });
  });

  it('zero-duration play costs nothing', () => {
    expect(calculatePlayRoyalty(accra({ durationSeconds: 0 }), tables)).toMatchObject({
      amountMinor: 0,
      segments: [],
    });
  });

  it('rejects plays with no table in force, bad zone, bad duration, bad class', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e instanceof RoyaltyError ? e.code : 'other';
      }
      return 'none';
    };
    expect(code(() => calculatePlayRoyalty(accra({ start: Date.UTC(2025, 0, 1) }), tables))).toBe(
      'no_rate_table',
    );
    expect(code(() => calculatePlayRoyalty(accra({ timezone: 'Not/AZone' }), tables))).toBe(
      'invalid_timezone',
    );
    expect(code(() => calculatePlayRoyalty(accra({ durationSeconds: -1 }), tables))).toBe('invalid_duration');
    expect(code(() => calculatePlayRoyalty(accra({ durationSeconds: 1.0001 }), tables))).toBe(
      'invalid_duration',
    );
    expect(code(() => calculatePlayRoyalty(accra({ durationSeconds: Number.NaN }), tables))).toBe(
      'invalid_duration',
    );
    expect(code(() => calculatePlayRoyalty(accra({ start: new Date('nope') }), tables))).toBe(
      'invalid_instant',
    );
    expect(
      code(() =>
        calculatePlayRoyalty(
          accra({ stationClass: 'pirate' as unknown as PlayInput['stationClass'] }),
          tables,
        ),
      ),
    ).toBe('invalid_station_class');
  });
});

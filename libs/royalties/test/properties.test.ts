// Property suite: invariants that must hold for ALL inputs, not just examples.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildCycleEntries,
  calculatePlayRoyalty,
  cycleTotalsByPayee,
  distributeAmount,
  periodAtTimeOfDay,
  resolveDisputeEntries,
  segmentByPeriod,
  selectRateTable,
  startingRateTable,
  STATION_CLASSES,
  wallClockAt,
  type ContributorSplit,
  type CyclePlay,
} from '../src/index.ts';

const ZONES = [
  'Africa/Accra',
  'Europe/London',
  'America/Santiago',
  'America/New_York',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe', // 30-minute DST shift
  'Pacific/Chatham', // +12:45 / +13:45
];
const zone = fc.constantFrom(...ZONES);
// 2000-01-01 .. 2040-01-01, ms precision.
const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) });

/** Valid splits: cut 10000 at distinct points so every share is > 0; distinct ids. */
const splitsArb: fc.Arbitrary<ContributorSplit[]> = fc
  .uniqueArray(fc.integer({ min: 1, max: 9999 }), { maxLength: 12 })
  .chain((cuts) => {
    const sorted = [...cuts].sort((a, b) => a - b);
    const bounds = [0, ...sorted, 10000];
    const shares = bounds.slice(1).map((b, i) => b - bounds[i]!);
    return fc
      .tuple(
        fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9_-]{1,6}$/), {
          minLength: shares.length,
          maxLength: shares.length,
        }),
        fc.array(fc.option(fc.constantFrom('pubA', 'pubB'), { nil: undefined }), {
          minLength: shares.length,
          maxLength: shares.length,
        }),
      )
      .map(([ids, pubs]) =>
        shares.map((shareBp, i) => ({ contributorId: ids[i]!, shareBp, publisherId: pubs[i] })),
      );
  });
const amountArb = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 });

describe('distributeAmount properties', () => {
  it('preserves the sum and keeps each part within 1 pesewa of its exact share', () => {
    fc.assert(
      fc.property(amountArb, splitsArb, (amount, splits) => {
        const parts = distributeAmount(amount, splits);
        expect(parts.reduce((s, p) => s + p.amountMinor, 0)).toBe(amount);
        parts.forEach((p, i) => {
          const exactTimes10k = amount * splits[i]!.shareBp; // < 2^53 for this range
          expect(Math.abs(p.amountMinor * 10000 - exactTimes10k)).toBeLessThan(10000);
        });
      }),
    );
  });

  it('is independent of input order (tie-break by contributor id)', () => {
    fc.assert(
      fc.property(amountArb, splitsArb, fc.integer(), (amount, splits, seed) => {
        const rotated = splits.map((_, i) => splits[(i + Math.abs(seed)) % splits.length]!).reverse();
        const byId = (ps: ReturnType<typeof distributeAmount>) =>
          Object.fromEntries(ps.map((p) => [p.contributorId, p.amountMinor]));
        expect(byId(distributeAmount(amount, rotated))).toEqual(byId(distributeAmount(amount, splits)));
      }),
    );
  });

  it('negating the amount negates every part', () => {
    fc.assert(
      fc.property(amountArb, splitsArb, (amount, splits) => {
        const pos = distributeAmount(amount, splits).map((p) => p.amountMinor);
        const neg = distributeAmount(-amount, splits).map((p) => -p.amountMinor + 0);
        expect(neg).toEqual(pos.map((x) => x + 0));
      }),
    );
  });
});

describe('segmentByPeriod properties', () => {
  it('tiles [start, end) contiguously, each segment in one period, neighbours differ', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 2 * 86_400_000 }), zone, (start, duration, tz) => {
        const segs = segmentByPeriod(start, duration, tz);
        if (duration === 0) {
          expect(segs).toEqual([]);
          return;
        }
        expect(segs[0]!.startMs).toBe(start);
        expect(segs.at(-1)!.endMs).toBe(start + duration);
        segs.forEach((s, i) => {
          expect(s.endMs).toBeGreaterThan(s.startMs);
          if (i > 0) {
            expect(s.startMs).toBe(segs[i - 1]!.endMs);
            expect(s.period).not.toBe(segs[i - 1]!.period);
          }
          for (const probe of [s.startMs, s.endMs - 1, Math.floor((s.startMs + s.endMs) / 2)]) {
            expect(periodAtTimeOfDay(wallClockAt(probe, tz).msOfDay)).toBe(s.period);
          }
        });
      }),
      { numRuns: 200 },
    );
  });

  // Random instants rarely land near a DST change, so also aim at known ones (2026).
  const nearTransition = fc
    .constantFrom<[string, number]>(
      ['Europe/London', Date.UTC(2026, 2, 29, 1)],
      ['Europe/London', Date.UTC(2026, 9, 25, 1)],
      ['America/New_York', Date.UTC(2026, 2, 8, 7)],
      ['America/New_York', Date.UTC(2026, 10, 1, 6)],
      ['America/Santiago', Date.UTC(2026, 3, 5, 3)],
      ['America/Santiago', Date.UTC(2026, 8, 6, 4)],
      ['Australia/Lord_Howe', Date.UTC(2026, 3, 4, 15)],
    )
    .chain(([tz, t]) => fc.tuple(fc.constant(tz), fc.integer({ min: t - 30 * 3_600_000, max: t })));

  it('holds across DST transitions, measuring real elapsed time', () => {
    fc.assert(
      fc.property(nearTransition, fc.integer({ min: 1, max: 36 * 3_600_000 }), ([tz, start], duration) => {
        const segs = segmentByPeriod(start, duration, tz);
        expect(segs.reduce((s, x) => s + (x.endMs - x.startMs), 0)).toBe(duration);
        for (const s of segs) {
          for (const probe of [s.startMs, s.endMs - 1]) {
            expect(periodAtTimeOfDay(wallClockAt(probe, tz).msOfDay)).toBe(s.period);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('calculatePlayRoyalty properties', () => {
  const tables = [startingRateTable('t0', Date.UTC(1999, 0, 1))];
  const play = fc.record({
    stationClass: fc.constantFrom(...STATION_CLASSES),
    timezone: zone,
    start: instant,
    durationSeconds: fc.integer({ min: 0, max: 4 * 3600 }),
  });

  it('is the exact sum rounded once: within ½ pesewa of the exact micro total', () => {
    fc.assert(
      fc.property(play, (p) => {
        const r = calculatePlayRoyalty(p, tables);
        const [whole, frac = ''] = r.amountMicro.split('.');
        // exact micro-GHS × 10^7 vs amountMinor × 10^4 micro × 10^7
        const exact = BigInt(whole! + frac);
        const diff = BigInt(r.amountMinor) * 10n ** 11n - exact;
        expect(diff <= 5n * 10n ** 10n && diff >= -(5n * 10n ** 10n)).toBe(true);
        expect(r.segments.reduce((s, x) => s + x.seconds, 0)).toBeCloseTo(p.durationSeconds, 6);
      }),
      { numRuns: 200 },
    );
  });

  it('never decreases when the play gets longer', () => {
    fc.assert(
      fc.property(play, fc.integer({ min: 0, max: 3600 }), (p, extra) => {
        const shorter = calculatePlayRoyalty(p, tables).amountMinor;
        const longer = calculatePlayRoyalty(
          { ...p, durationSeconds: p.durationSeconds + extra },
          tables,
        ).amountMinor;
        expect(longer).toBeGreaterThanOrEqual(shorter);
      }),
      { numRuns: 100 },
    );
  });
});

describe('selectRateTable properties', () => {
  it('returns the latest table not after the instant', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { maxLength: 8 }),
        fc.integer({ min: -10, max: 1010 }),
        (starts, at) => {
          const tables = starts.map((s) => startingRateTable(`t${s}`, s));
          const chosen = selectRateTable(tables, at);
          const eligible = starts.filter((s) => s <= at);
          if (eligible.length === 0) expect(chosen).toBeUndefined();
          else expect(chosen?.effectiveFromMs).toBe(Math.max(...eligible));
        },
      ),
    );
  });
});

describe('ledger properties', () => {
  const playsArb: fc.Arbitrary<CyclePlay[]> = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), splitsArb, fc.boolean()), { maxLength: 15 })
    .map((rows) =>
      rows.map(([amountMinor, splits, disputed], i) => ({ playId: `p${i}`, amountMinor, splits, disputed })),
    );

  it('payable + held per cycle equals the plays total; releasing every dispute leaves nothing held', () => {
    fc.assert(
      fc.property(playsArb, (plays) => {
        const ledger = buildCycleEntries('c', plays);
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
        const totals = cycleTotalsByPayee(ledger, 'c');
        expect(sum(totals.map((t) => t.payableMinor + t.heldMinor))).toBe(
          sum(plays.map((p) => p.amountMinor)),
        );
        expect(sum(totals.map((t) => t.heldMinor))).toBe(
          sum(plays.filter((p) => p.disputed).map((p) => p.amountMinor)),
        );

        let after = ledger;
        for (const p of plays) after = [...after, ...resolveDisputeEntries(after, 'c', p.playId, 'release')];
        const released = cycleTotalsByPayee(after, 'c');
        expect(released.every((t) => t.heldMinor === 0)).toBe(true);
        expect(sum(released.map((t) => t.payableMinor))).toBe(sum(plays.map((p) => p.amountMinor)));
        // Append-only: the original entries are an untouched prefix.
        expect(after.slice(0, ledger.length)).toEqual(ledger);
      }),
      { numRuns: 100 },
    );
  });
});

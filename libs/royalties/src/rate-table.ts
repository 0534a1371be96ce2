// Rate tables: base rate per second by station class plus per-period
// multipliers. Integers only, so pricing is exact:
//   - baseRateMicro: micro-GHS per second (GHS with up to 6 decimals × 10^6)
//   - multipliers: basis points (× 10^4), e.g. 1.5 → 15000
import { parseDecimalScaled } from './money.ts';
import type { Period } from './periods.ts';
import type { StationClass } from './station-class.ts';

export const MICRO_PER_GHS = 1_000_000;
export const MULTIPLIER_SCALE = 10_000;

export type PeriodMultipliers = Readonly<Record<Period, number>>;

export interface ClassRate {
  readonly baseRateMicro: number;
  readonly multipliersBp: PeriodMultipliers;
}

export interface RateTable {
  readonly id: string;
  /** Instant from which this table applies (inclusive), epoch ms. */
  readonly effectiveFromMs: number;
  readonly rates: Readonly<Record<StationClass, ClassRate>>;
}

/** Build a ClassRate from human decimals, exactly: classRate('0.015', '1.5', '1.0', '0.7'). */
export function classRate(ghsPerSecond: string, prime: string, regular: string, offPeak: string): ClassRate {
  return {
    baseRateMicro: parseDecimalScaled(ghsPerSecond, 6, 'baseRate'),
    multipliersBp: {
      prime: parseDecimalScaled(prime, 4, 'multipliers.prime'),
      regular: parseDecimalScaled(regular, 4, 'multipliers.regular'),
      off_peak: parseDecimalScaled(offPeak, 4, 'multipliers.off_peak'),
    },
  };
}

/** The launch table from the design doc (GHS per second; prime / regular / off-peak). */
export function startingRateTable(id: string, effectiveFromMs: number): RateTable {
  return {
    id,
    effectiveFromMs,
    rates: {
      class_a: classRate('0.015', '1.5', '1.0', '0.7'),
      class_b: classRate('0.012', '1.3', '1.0', '0.8'),
      class_c: classRate('0.008', '1.2', '1.0', '0.9'),
      online: classRate('0.010', '1.1', '1.0', '0.9'),
      community: classRate('0.005', '1.0', '1.0', '1.0'),
    },
  };
}

/**
 * The table in force at `instantMs`: greatest effectiveFromMs ≤ instant.
 * Undefined if the instant predates every table. Input order does not matter.
 */
export function selectRateTable(tables: readonly RateTable[], instantMs: number): RateTable | undefined {
  let best: RateTable | undefined;
  for (const table of tables) {
    if (table.effectiveFromMs <= instantMs && (!best || table.effectiveFromMs > best.effectiveFromMs))
      best = table;
  }
  return best;
}

// Prices one play: amount = base_rate × duration × multiplier, per period
// segment, summed exactly and rounded ONCE (half-even) to pesewas.
import { RoyaltyError } from './errors.ts';
import { divideRoundHalfEven, formatScaled } from './money.ts';
import type { Period } from './periods.ts';
import { selectRateTable, type RateTable } from './rate-table.ts';
import { segmentByPeriod } from './segment-play.ts';
import { isStationClass, type StationClass } from './station-class.ts';
import { assertTimeZone } from './zoned-time.ts';

// Exact unit: micro-GHS/s × ms × basis-points = 10^-6 · 10^-3 · 10^-4 GHS = 10^-13 GHS.
// One pesewa (10^-2 GHS) is 10^11 exact units; one micro-GHS is 10^7.
const EXACT_PER_PESEWA = 10n ** 11n;
const EXACT_MICRO_DECIMALS = 7;

export interface PlayInput {
  readonly stationClass: StationClass;
  /** IANA zone of the station, e.g. "Africa/Accra". */
  readonly timezone: string;
  /** Play start instant (Date or epoch ms). */
  readonly start: Date | number;
  /** Play length in seconds; up to millisecond precision. */
  readonly durationSeconds: number;
}

export interface PricedSegment {
  readonly period: Period;
  readonly startMs: number;
  readonly endMs: number;
  /** Real elapsed seconds in this segment (ms precision). */
  readonly seconds: number;
  /** Multiplier in basis points (10000 = 1.0). */
  readonly multiplierBp: number;
  /** Exact, unrounded segment amount in micro-GHS, as a decimal string (no float loss). */
  readonly amountMicro: string;
}

export interface PlayRoyalty {
  /** Total in pesewas, rounded once from the exact sum (half-even). */
  readonly amountMinor: number;
  /** Exact total in micro-GHS (decimal string), before rounding. */
  readonly amountMicro: string;
  readonly segments: PricedSegment[];
  readonly rateTableId: string;
}

function toInstantMs(start: Date | number): number {
  const ms = start instanceof Date ? start.getTime() : start;
  if (!Number.isSafeInteger(ms)) {
    throw new RoyaltyError(
      'invalid_instant',
      `start must be a valid instant with whole ms, got ${String(start)}`,
      'start',
    );
  }
  return ms;
}

function toDurationMs(seconds: number): number {
  const ms = Math.round(seconds * 1000);
  if (
    !Number.isFinite(seconds) ||
    seconds < 0 ||
    Math.abs(ms - seconds * 1000) > 1e-6 ||
    !Number.isSafeInteger(ms)
  ) {
    throw new RoyaltyError(
      'invalid_duration',
      `durationSeconds must be ≥ 0 with at most millisecond precision, got ${seconds}`,
      'durationSeconds',
    );
  }
  return ms;
}

/**
 * Price a play against the table in force at its START instant (a play that
 * straddles a new table's effective instant stays on the old one, so a play
 * always has exactly one rate table).
 */
export function calculatePlayRoyalty(play: PlayInput, tables: readonly RateTable[]): PlayRoyalty {
  if (!isStationClass(play.stationClass)) {
    throw new RoyaltyError(
      'invalid_station_class',
      `unknown station class "${String(play.stationClass)}"`,
      'stationClass',
    );
  }
  assertTimeZone(play.timezone);
  const startMs = toInstantMs(play.start);
  const durationMs = toDurationMs(play.durationSeconds);
  const table = selectRateTable(tables, startMs);
  if (!table) {
    throw new RoyaltyError(
      'no_rate_table',
      `no rate table in force at ${new Date(startMs).toISOString()}`,
      'start',
    );
  }
  const rate = table.rates[play.stationClass];
  let totalExact = 0n;
  const segments = segmentByPeriod(startMs, durationMs, play.timezone).map((segment): PricedSegment => {
    const ms = segment.endMs - segment.startMs;
    const multiplierBp = rate.multipliersBp[segment.period];
    const exact = BigInt(rate.baseRateMicro) * BigInt(ms) * BigInt(multiplierBp);
    totalExact += exact;
    return {
      ...segment,
      seconds: ms / 1000,
      multiplierBp,
      amountMicro: formatScaled(exact, EXACT_MICRO_DECIMALS),
    };
  });
  return {
    amountMinor: Number(divideRoundHalfEven(totalExact, EXACT_PER_PESEWA)),
    amountMicro: formatScaled(totalExact, EXACT_MICRO_DECIMALS),
    segments,
    rateTableId: table.id,
  };
}

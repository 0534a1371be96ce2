// Splits a play into contiguous segments, each lying in one time-of-day period
// of the station's local clock, so each part is priced by its own multiplier.
import { RoyaltyError } from './errors.ts';
import { msUntilNextBoundary, periodAtTimeOfDay, type Period } from './periods.ts';
import { findOffsetTransition, wallClockAt } from './zoned-time.ts';

export interface PeriodSegment {
  readonly period: Period;
  /** Inclusive start instant, epoch ms. */
  readonly startMs: number;
  /** Exclusive end instant, epoch ms. */
  readonly endMs: number;
}

/**
 * Walk from start to end in steps that never cross a wall-clock boundary or a
 * UTC-offset change. Between two such events local time advances 1:1 with real
 * time, so one period covers the whole step. DST jumps are therefore measured
 * in real elapsed time (a 01:00→02:00 spring-forward costs no seconds), and
 * adjacent steps with the same period are merged.
 */
export function segmentByPeriod(startMs: number, durationMs: number, timeZone: string): PeriodSegment[] {
  if (!Number.isSafeInteger(startMs)) {
    throw new RoyaltyError(
      'invalid_instant',
      `start must be an integer epoch-ms instant, got ${startMs}`,
      'start',
    );
  }
  if (!Number.isSafeInteger(durationMs) || durationMs < 0) {
    throw new RoyaltyError(
      'invalid_duration',
      `duration must be ≥ 0 whole ms, got ${durationMs}`,
      'durationSeconds',
    );
  }
  const endMs = startMs + durationMs;
  const segments: PeriodSegment[] = [];
  let cursor = startMs;
  while (cursor < endMs) {
    const here = wallClockAt(cursor, timeZone);
    const period = periodAtTimeOfDay(here.msOfDay);
    let next = Math.min(cursor + msUntilNextBoundary(here.msOfDay), endMs);
    if (wallClockAt(next, timeZone).offsetMs !== here.offsetMs) {
      next = findOffsetTransition(cursor, next, timeZone);
    }
    const last = segments.at(-1);
    if (last && last.period === period) segments[segments.length - 1] = { ...last, endMs: next };
    else segments.push({ period, startMs: cursor, endMs: next });
    cursor = next;
  }
  return segments;
}

// Time-of-day pricing periods, defined on the station's local wall clock.
// prime 06–10 and 16–20, off-peak 00–06, regular otherwise (half-open ranges).
export const PERIODS = ['prime', 'regular', 'off_peak'] as const;
export type Period = (typeof PERIODS)[number];

const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** [startHour, period] in ascending order; each range runs until the next start. */
const SCHEDULE: ReadonlyArray<readonly [number, Period]> = [
  [0, 'off_peak'],
  [6, 'prime'],
  [10, 'regular'],
  [16, 'prime'],
  [20, 'regular'],
];

/** Period in force at a local time of day given in ms since local midnight. */
export function periodAtTimeOfDay(msOfDay: number): Period {
  let current: Period = 'off_peak';
  for (const [hour, period] of SCHEDULE) {
    if (msOfDay >= hour * HOUR_MS) current = period;
  }
  return current;
}

/**
 * Wall-clock ms from `msOfDay` until the next period boundary (strictly later);
 * midnight counts as a boundary so 23:58 → 2 min (regular → off-peak).
 */
export function msUntilNextBoundary(msOfDay: number): number {
  for (const [hour] of SCHEDULE) {
    if (hour * HOUR_MS > msOfDay) return hour * HOUR_MS - msOfDay;
  }
  return DAY_MS - msOfDay;
}

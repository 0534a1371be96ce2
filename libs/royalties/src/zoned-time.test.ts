import { describe, expect, it } from 'vitest';
import { RoyaltyError } from './errors.ts';
import { assertTimeZone, findOffsetTransition, wallClockAt } from './zoned-time.ts';

const HOUR = 3_600_000;

describe('wallClockAt', () => {
  it('reads Accra as UTC', () => {
    const w = wallClockAt(Date.UTC(2026, 0, 15, 9, 58, 30, 250), 'Africa/Accra');
    expect(w.offsetMs).toBe(0);
    expect(w.msOfDay).toBe(((9 * 60 + 58) * 60 + 30) * 1000 + 250);
  });

  it('applies DST and fractional-hour offsets', () => {
    expect(wallClockAt(Date.UTC(2026, 6, 1, 12), 'Europe/London').offsetMs).toBe(HOUR);
    expect(wallClockAt(Date.UTC(2026, 0, 1, 12), 'Europe/London').offsetMs).toBe(0);
    expect(wallClockAt(Date.UTC(2026, 0, 1, 12), 'Asia/Kolkata').offsetMs).toBe(5.5 * HOUR);
    expect(wallClockAt(Date.UTC(2026, 0, 1, 12), 'Asia/Kathmandu').offsetMs).toBe(5.75 * HOUR);
  });

  it('handles instants before 1970 (negative ms)', () => {
    const w = wallClockAt(Date.UTC(1969, 11, 31, 23, 0, 0, 500), 'Africa/Accra');
    expect(w.msOfDay).toBe(23 * HOUR + 500);
  });

  it('reports local midnight as 0, never 24:00', () => {
    expect(wallClockAt(Date.UTC(2026, 0, 2), 'Africa/Accra').msOfDay).toBe(0);
  });
});

describe('assertTimeZone', () => {
  it('rejects unknown zones with a named error', () => {
    expect(() => assertTimeZone('Mars/Olympus')).toThrow(RoyaltyError);
    expect(() => assertTimeZone('Africa/Accra')).not.toThrow();
  });
});

describe('findOffsetTransition', () => {
  it('finds the London spring-forward instant to the millisecond', () => {
    const t = Date.UTC(2026, 2, 29, 1);
    expect(findOffsetTransition(t - 5 * HOUR, t + 5 * HOUR, 'Europe/London')).toBe(t);
  });
});

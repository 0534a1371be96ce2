import { describe, expect, it } from 'vitest';
import { msUntilNextBoundary, periodAtTimeOfDay } from './periods.ts';

const at = (h: number, m = 0) => (h * 60 + m) * 60_000;

describe('periodAtTimeOfDay', () => {
  it.each([
    [0, 0, 'off_peak'],
    [5, 59, 'off_peak'],
    [6, 0, 'prime'],
    [9, 59, 'prime'],
    [10, 0, 'regular'],
    [15, 59, 'regular'],
    [16, 0, 'prime'],
    [19, 59, 'prime'],
    [20, 0, 'regular'],
    [23, 59, 'regular'],
  ])('%d:%d is %s', (h, m, period) => {
    expect(periodAtTimeOfDay(at(h, m))).toBe(period);
  });

  it('treats boundaries as half-open (the last ms before 06:00 is off-peak)', () => {
    expect(periodAtTimeOfDay(at(6) - 1)).toBe('off_peak');
  });
});

describe('msUntilNextBoundary', () => {
  it('finds the next boundary strictly after now', () => {
    expect(msUntilNextBoundary(at(9, 58))).toBe(at(0, 2));
    expect(msUntilNextBoundary(at(10))).toBe(at(6));
    expect(msUntilNextBoundary(at(0))).toBe(at(6));
    expect(msUntilNextBoundary(at(23, 58))).toBe(at(0, 2));
    expect(msUntilNextBoundary(at(20))).toBe(at(4));
  });
});

import { describe, expect, it } from 'vitest';
import { backoffCeilingMs, fullJitter } from '../src/index';

describe('retry policy', () => {
  it('doubles the backoff ceiling per retry up to the cap', () => {
    const options = { baseDelayMs: 100, maxDelayMs: 350 };
    expect([1, 2, 3, 4].map((retry) => backoffCeilingMs(retry, options))).toEqual([100, 200, 350, 350]);
  });

  it('spreads full jitter over [0, ceiling)', () => {
    expect(fullJitter(1_000, () => 0)).toBe(0);
    expect(fullJitter(1_000, () => 0.5)).toBe(500);
    expect(fullJitter(1_000, () => 0.999)).toBeLessThan(1_000);
  });
});

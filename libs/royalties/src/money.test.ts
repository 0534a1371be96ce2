import { describe, expect, it } from 'vitest';
import { RoyaltyError } from './errors.ts';
import { divideRoundHalfEven, formatMinorAsGhs, formatScaled, parseDecimalScaled } from './money.ts';

describe('divideRoundHalfEven', () => {
  it.each([
    [5n, 2n, 2n],
    [7n, 2n, 4n],
    [3n, 2n, 2n],
    [1n, 3n, 0n],
    [2n, 3n, 1n],
    [0n, 7n, 0n],
    [-5n, 2n, -2n],
    [-7n, 2n, -4n],
    [-2n, 3n, -1n],
    [149n, 100n, 1n],
    [151n, 100n, 2n],
  ])('%d / %d → %d', (n, d, expected) => {
    expect(divideRoundHalfEven(n, d)).toBe(expected);
  });

  it('rejects a non-positive denominator', () => {
    expect(() => divideRoundHalfEven(1n, 0n)).toThrow(RangeError);
  });
});

describe('parseDecimalScaled', () => {
  it('parses exactly where a float multiply would not', () => {
    expect(1.13 * 100).not.toBe(113); // the trap this function exists to avoid
    expect(parseDecimalScaled('1.13', 2)).toBe(113);
    expect(parseDecimalScaled('0.015', 6)).toBe(15000);
    expect(parseDecimalScaled('1.5', 4)).toBe(15000);
    expect(parseDecimalScaled('2', 4)).toBe(20000);
    expect(parseDecimalScaled('0.000001', 6)).toBe(1);
  });

  it.each(['-1', 'abc', '1e3', '', '1.', '.5', '0.0000001'])('rejects %j', (text) => {
    expect(() => parseDecimalScaled(text, 6, 'rate')).toThrow(RoyaltyError);
  });

  it('names the field in the error', () => {
    expect(() => parseDecimalScaled('x', 6, 'rates.class_a')).toThrow(/rates\.class_a/);
  });
});

describe('formatting', () => {
  it('formats scaled integers', () => {
    expect(formatScaled(15000n, 6)).toBe('0.015000');
    expect(formatScaled(-5, 2)).toBe('-0.05');
    expect(formatScaled(7, 0)).toBe('7');
  });

  it('formats pesewas as GHS', () => {
    expect(formatMinorAsGhs(12345)).toBe('123.45');
    expect(formatMinorAsGhs(5)).toBe('0.05');
    expect(formatMinorAsGhs(0)).toBe('0.00');
    expect(() => formatMinorAsGhs(1.5)).toThrow(RoyaltyError);
  });
});

// Exact money helpers. Amounts are integers (pesewas = GHS × 100); intermediate
// products use bigint so no step can silently lose precision past 2^53.
import { RoyaltyError } from './errors.ts';

/**
 * Divide and round to the nearest integer, ties to even ("banker's rounding").
 * Why half-even: every play is rounded once, millions of times per cycle. Half-up
 * would bias every exact tie upward by ½ pesewa in the stations' disfavour;
 * half-even makes ties cancel out in aggregate. Works for negative numerators.
 */
export function divideRoundHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  const q = n / denominator;
  const r = n % denominator;
  const twice = r * 2n;
  let rounded = q;
  if (twice > denominator || (twice === denominator && q % 2n === 1n)) rounded = q + 1n;
  return negative ? -rounded : rounded;
}

/**
 * Parse a non-negative decimal string ("0.015", "1.5", "2") into an integer
 * scaled by 10^decimals, exactly — never via a float multiply, which would turn
 * 1.13 × 100 into 112.99999999999999.
 */
export function parseDecimalScaled(text: string, decimals: number, field = 'value'): number {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match)
    throw new RoyaltyError('invalid_decimal', `${field}: "${text}" is not a non-negative decimal`, field);
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > decimals) {
    throw new RoyaltyError(
      'invalid_decimal',
      `${field}: "${text}" has more than ${decimals} decimals`,
      field,
    );
  }
  const scaled = BigInt(whole + fraction.padEnd(decimals, '0'));
  if (scaled > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RoyaltyError('invalid_decimal', `${field}: "${text}" is too large`, field);
  }
  return Number(scaled);
}

/** Render an integer scaled by 10^decimals as a decimal string (for display/statements). */
export function formatScaled(value: bigint | number, decimals: number): string {
  const v = BigInt(value);
  const negative = v < 0n;
  const digits = (negative ? -v : v).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals);
  return `${negative ? '-' : ''}${whole}${decimals > 0 ? `.${fraction}` : ''}`;
}

/** Pesewas → "GHS" decimal string, e.g. 12345 → "123.45". */
export function formatMinorAsGhs(amountMinor: number): string {
  assertSafeInteger(amountMinor, 'amountMinor');
  return formatScaled(amountMinor, 2);
}

export function assertSafeInteger(value: number, field: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RoyaltyError('invalid_amount', `${field} must be a safe integer, got ${value}`, field);
  }
}

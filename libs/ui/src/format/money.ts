// Money in the portals: integer pesewas (1 GHS = 100 pesewas) everywhere, as the
// ledger keeps it. Display goes through Intl.NumberFormat; input strings are
// parsed digit by digit into integers, so no float ever enters the arithmetic.

export const PESEWAS_PER_CEDI = 100;

export type MinorUnits = number | bigint;

const formatters = new Map<string, Intl.NumberFormat>();
function ghsFormatter(locale: string, display: 'symbol' | 'code'): Intl.NumberFormat {
  const key = `${locale}|${display}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'GHS',
      currencyDisplay: display,
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Cedis and pesewas as the decimal string Intl formats exactly
 * (`"-12.05"`), built from the integer with BigInt: exact at any size.
 */
export function pesewasToDecimalString(pesewas: MinorUnits): `${number}` {
  if (typeof pesewas === 'number' && !Number.isSafeInteger(pesewas))
    throw new RangeError(`pesewas must be a safe integer, got ${pesewas}`);
  const value = BigInt(pesewas);
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const cedis = magnitude / 100n;
  const rest = (magnitude % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${cedis}.${rest}` as `${number}`;
}

export interface FormatGhsOptions {
  locale?: string;
  /** `symbol` ("GH₵ 12.50" in en-GH) or `code` ("GHS 12.50"). Default `code`, unambiguous everywhere. */
  display?: 'symbol' | 'code';
}

/** 1250 → "GHS 12.50" (locale en-GH by default). */
export function formatGhs(
  pesewas: MinorUnits,
  { locale = 'en-GH', display = 'code' }: FormatGhsOptions = {},
) {
  // Intl formats decimal strings exactly (no float rounding) — ES2023 string input.
  return ghsFormatter(locale, display).format(pesewasToDecimalString(pesewas));
}

const DECIMAL_AMOUNT = /^([+-])?(\d{1,15})?(?:[.,](\d*))?$/;

/**
 * "12.5" → 1250, "GHS 1,234.56" → 123456. Returns an error message for input a
 * person must fix (letters, a third decimal digit, empty), never rounds.
 */
export function parseGhsToPesewas(
  input: string,
): { ok: true; pesewas: number } | { ok: false; error: string } {
  const cleaned = input
    .trim()
    .replace(/^(GHS|GH₵|₵)\s*/i, '')
    .replace(/(?<=\d)[,\s](?=\d{3}(\D|$))/g, '');
  const match = DECIMAL_AMOUNT.exec(cleaned);
  if (cleaned === '' || !match || (match[2] === undefined && !match[3]))
    return { ok: false, error: 'Enter an amount in cedis, e.g. 12.50' };
  const fraction = match[3] ?? '';
  if (fraction.length > 2) return { ok: false, error: 'Use at most two decimal places (pesewas)' };
  const pesewas = Number(match[2] ?? '0') * PESEWAS_PER_CEDI + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(pesewas)) return { ok: false, error: 'The amount is too large' };
  return { ok: true, pesewas: match[1] === '-' ? -pesewas : pesewas };
}

/**
 * A share as a percentage string to integer basis points (1 % = 100): "33.33"
 * → 3333. Splits are checked in basis points, so 33.33 + 33.33 + 33.34 is
 * exactly 10000.
 */
export function parsePercentToBasisPoints(
  input: string,
): { ok: true; basisPoints: number } | { ok: false; error: string } {
  const match = /^(\d{1,3})(?:[.,](\d{0,2}))?\s*%?$/.exec(input.trim());
  if (!match) return { ok: false, error: 'Enter a percentage with at most two decimals, e.g. 33.33' };
  const basisPoints = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (basisPoints > 10_000) return { ok: false, error: 'A share cannot exceed 100 %' };
  return { ok: true, basisPoints };
}

/** 3333 → "33.33 %" in the locale's number style. */
export function formatBasisPoints(basisPoints: number, locale = 'en-GH'): string {
  const whole = Math.trunc(basisPoints / 100);
  const rest = String(Math.abs(basisPoints % 100)).padStart(2, '0');
  const text = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    `${whole}.${rest}` as `${number}`,
  );
  // A no-break space keeps "33.33 %" on one line.
  return `${text}\u00a0%`;
}

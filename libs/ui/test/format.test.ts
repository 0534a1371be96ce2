import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calendarDayIn,
  formatBasisPoints,
  formatBytes,
  formatDate,
  formatDateTime,
  formatDuration,
  formatGhs,
  formatMonth,
  parseGhsToPesewas,
  parsePercentToBasisPoints,
  pesewasToDecimalString,
} from '../src/index';

// Intl separates currency code and number with a no-break space.
const plain = (text: string) => text.replace(/\s/gu, ' ');

describe('money in pesewas', () => {
  it('formats integer pesewas as GHS with two decimals', () => {
    expect(plain(formatGhs(1250))).toBe('GHS 12.50');
    expect(plain(formatGhs(5))).toBe('GHS 0.05');
    expect(plain(formatGhs(0))).toBe('GHS 0.00');
    expect(plain(formatGhs(-1050))).toBe('-GHS 10.50');
    expect(plain(formatGhs(123_456_789))).toBe('GHS 1,234,567.89');
    expect(plain(formatGhs(472, { display: 'symbol' }))).toBe('GH₵4.72');
  });

  it('is exact beyond float precision (BigInt → decimal string → Intl)', () => {
    expect(pesewasToDecimalString(900_719_925_474_099_312n)).toBe('9007199254740993.12');
    expect(plain(formatGhs(900_719_925_474_099_312n))).toBe('GHS 9,007,199,254,740,993.12');
  });

  it('refuses fractional pesewas instead of rounding them', () => {
    expect(() => formatGhs(12.5)).toThrow(/safe integer/);
  });

  it('parses what people type into integer pesewas, never rounding', () => {
    expect(parseGhsToPesewas('12.5')).toEqual({ ok: true, pesewas: 1250 });
    expect(parseGhsToPesewas('GHS 1,234.56')).toEqual({ ok: true, pesewas: 123456 });
    expect(parseGhsToPesewas('0,05')).toEqual({ ok: true, pesewas: 5 });
    expect(parseGhsToPesewas('.5')).toEqual({ ok: true, pesewas: 50 });
    expect(parseGhsToPesewas('-3')).toEqual({ ok: true, pesewas: -300 });
    expect(parseGhsToPesewas('4.725')).toEqual({
      ok: false,
      error: 'Use at most two decimal places (pesewas)',
    });
    expect(parseGhsToPesewas('abc').ok).toBe(false);
    expect(parseGhsToPesewas('').ok).toBe(false);
  });

  it('round-trips every amount: parse(decimal(p)) = p', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (pesewas) => {
        expect(parseGhsToPesewas(pesewasToDecimalString(pesewas))).toEqual({ ok: true, pesewas });
      }),
    );
  });

  it('parses shares into basis points, so thirds add up exactly', () => {
    const parts = ['33.33', '33.33', '33.34'].map((text) => parsePercentToBasisPoints(text));
    expect(parts.reduce((sum, part) => sum + (part.ok ? part.basisPoints : 0), 0)).toBe(10_000);
    expect(parsePercentToBasisPoints('100')).toEqual({ ok: true, basisPoints: 10_000 });
    expect(parsePercentToBasisPoints('12.5 %')).toEqual({ ok: true, basisPoints: 1250 });
    expect(parsePercentToBasisPoints('100.01')).toEqual({ ok: false, error: 'A share cannot exceed 100 %' });
    expect(parsePercentToBasisPoints('1.234').ok).toBe(false);
    expect(formatBasisPoints(3333)).toBe('33.33\u00a0%');
  });
});

describe('dates in a given timezone', () => {
  const instant = '2026-11-25T23:30:00Z';

  it('shows the instant in the timezone asked for, with its name', () => {
    expect(formatDateTime(instant, { timeZone: 'Africa/Accra' })).toBe('25 Nov 2026, 23:30 GMT');
    expect(formatDateTime(instant, { timeZone: 'Asia/Tokyo' })).toMatch(/^26 Nov 2026, 08:30 /);
    expect(formatDate(instant, { timeZone: 'Asia/Tokyo' })).toBe('26 Nov 2026');
  });

  it('finds the calendar day of an instant in a timezone', () => {
    expect(calendarDayIn(instant, 'Africa/Accra')).toBe('2026-11-25');
    expect(calendarDayIn(instant, 'Asia/Tokyo')).toBe('2026-11-26');
    expect(calendarDayIn(instant, 'America/New_York')).toBe('2026-11-25');
  });

  it('names months and rejects what is not a date', () => {
    expect(formatMonth('2026-06')).toBe('Jun 2026');
    expect(() => formatMonth('June')).toThrow(/YYYY-MM/);
    expect(() => formatDateTime('not a date')).toThrow(/not a date/);
  });

  it('says durations and sizes the way people read them', () => {
    expect(formatDuration(210)).toBe('3 min 30 s');
    expect(formatDuration(3725)).toBe('1 h 2 min 5 s');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(0)).toBe('0 s');
    expect(() => formatDuration(-1)).toThrow();
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1_500_000)).toBe('1.5 MB');
    expect(formatBytes(250_000_000)).toBe('250 MB');
  });
});

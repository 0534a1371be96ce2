// Counts and sizes for people, in the portal locale.
import { DEFAULT_LOCALE } from './dates';

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** 1_500_000 → "1.5 MB" (decimal units, as operating systems show file sizes). */
export function formatBytes(bytes: number, locale = DEFAULT_LOCALE): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${BYTE_UNITS[unit]}`;
}

/** Grouped integer, e.g. plays: 12345 → "12,345". */
export const formatCount = (value: number, locale = DEFAULT_LOCALE): string =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);

/** "a station", "an artist", "an admin": the English indefinite article by the word's first letter. */
export const withArticle = (word: string): string => `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;

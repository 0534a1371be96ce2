// ISRC (ISO 3901): country (2 letters), registrant (3 alphanumerics), year
// (2 digits), designation (5 digits). People type it with hyphens and in any
// case; it is stored and compared normalised (upper case, no hyphens).
import { ISRC_PATTERN } from '@zamio/contracts';
import { invalid } from '@zamio/errors';

const TYPED = new RegExp(ISRC_PATTERN);

/** The normalised ISRC, or an `invalid` error naming the expected format. */
export function normaliseIsrc(typed: string): string {
  const trimmed = typed.trim();
  if (!TYPED.test(trimmed))
    throw invalid(`ISRC "${typed}" is not of the form CC-XXX-YY-NNNNN (e.g. GH-A12-26-00001)`);
  return trimmed.replaceAll('-', '').toUpperCase();
}

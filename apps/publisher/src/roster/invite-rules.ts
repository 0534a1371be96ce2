// What the invitation form checks before it asks the bff, and the body it sends.
import type { InviteArtistBody } from '@zamio/contracts';
import { parsePercentToBasisPoints } from '@zamio/ui';

export interface InviteValues {
  artistEmail: string;
  split: string;
  /** Calendar day (YYYY-MM-DD) the deal starts; empty = now. */
  effectiveFrom: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function emailProblem(value: string): string | undefined {
  if (value.trim() === '') return "Enter the artist's e-mail address";
  if (!EMAIL.test(value.trim())) return 'Enter a valid e-mail address, e.g. ama@example.com';
  return undefined;
}

export function splitProblem(value: string): string | undefined {
  if (value.trim() === '') return 'Enter your share of the artist’s royalties, e.g. 20';
  const parsed = parsePercentToBasisPoints(value);
  return parsed.ok ? undefined : parsed.error;
}

/** The invitation's body: the split in basis points, the start day at 00:00 Accra (UTC). */
export function inviteBodyOf(values: InviteValues): InviteArtistBody {
  const parsed = parsePercentToBasisPoints(values.split);
  if (!parsed.ok) throw new Error(parsed.error);
  return {
    artistEmail: values.artistEmail.trim().toLowerCase(),
    splitBp: parsed.basisPoints,
    ...(values.effectiveFrom ? { effectiveFrom: `${values.effectiveFrom}T00:00:00.000Z` } : {}),
  };
}

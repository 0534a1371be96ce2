// What an earner's balance means to a person. The bff's availableMinor is
// earned (locked cycles, without held plays) minus payouts requested or paid,
// so a dispute raised after a request can make it negative: nothing can be
// paid out then, and the shortfall is what the disputes took from earnings
// that the request already counts on.
import type { Earnings } from '@zamio/contracts';

export type Balance = Earnings['balance'];

/** What can be paid out now: never below zero. */
export const availableToPayOut = (balance: Pick<Balance, 'availableMinor'>): number =>
  Math.max(0, balance.availableMinor);

/** How much the payouts already requested count on beyond what is earned now (0 when none). */
export const shortfallOf = (balance: Pick<Balance, 'availableMinor'>): number =>
  Math.max(0, -balance.availableMinor);

// Distributes an integer amount across splits with the largest-remainder
// (Hamilton) method: every part is its exact share floored, then the leftover
// pesewas go one each to the largest fractional remainders. The parts always
// sum to the amount and each is within 1 pesewa of its exact share.
import { compareIds } from './compare-ids.ts';
import { RoyaltyError } from './errors.ts';
import { assertSafeInteger } from './money.ts';
import { payeeOf, TOTAL_SPLIT_BP, validateSplits, type ContributorSplit } from './splits.ts';

export interface SplitPart {
  readonly contributorId: string;
  readonly payeeId: string;
  readonly amountMinor: number;
}

/**
 * Split `amountMinor` (may be negative, e.g. a reversal: the result is then the
 * exact mirror of the positive case) across valid splits. Ties between equal
 * remainders go to the lower contributorId. Output is in input order.
 */
export function distributeAmount(amountMinor: number, splits: readonly ContributorSplit[]): SplitPart[] {
  assertSafeInteger(amountMinor, 'amountMinor');
  const errors = validateSplits(splits);
  if (errors.length > 0) {
    throw new RoyaltyError(
      'invalid_splits',
      errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors[0]?.field,
    );
  }
  const sign = amountMinor < 0 ? -1n : 1n;
  const magnitude = BigInt(Math.abs(amountMinor));
  const total = BigInt(TOTAL_SPLIT_BP);
  const shares = splits.map((split, index) => {
    const product = magnitude * BigInt(split.shareBp);
    return { split, index, floor: product / total, remainder: product % total };
  });
  let leftover = magnitude - shares.reduce((sum, s) => sum + s.floor, 0n);
  const byRemainder = [...shares].sort(
    (a, b) =>
      (a.remainder === b.remainder ? 0 : a.remainder > b.remainder ? -1 : 1) ||
      compareIds(a.split.contributorId, b.split.contributorId),
  );
  const bonus = new Set<number>();
  for (const s of byRemainder) {
    if (leftover === 0n) break;
    bonus.add(s.index);
    leftover -= 1n;
  }
  return shares.map((s) => ({
    contributorId: s.split.contributorId,
    payeeId: payeeOf(s.split),
    amountMinor: Number(sign * (s.floor + (bonus.has(s.index) ? 1n : 0n))),
  }));
}

export interface PayeeTotal {
  readonly payeeId: string;
  readonly amountMinor: number;
  /** Contributors whose shares were paid to this payee (sorted), for statements. */
  readonly contributorIds: string[];
}

/** Sum parts per payee (publisher or contributor), sorted by payeeId. */
export function aggregateByPayee(parts: readonly SplitPart[]): PayeeTotal[] {
  const totals = new Map<string, { amount: number; contributors: Set<string> }>();
  for (const part of parts) {
    const entry = totals.get(part.payeeId) ?? { amount: 0, contributors: new Set<string>() };
    entry.amount += part.amountMinor;
    entry.contributors.add(part.contributorId);
    totals.set(part.payeeId, entry);
  }
  return [...totals.entries()]
    .sort(([a], [b]) => compareIds(a, b))
    .map(([payeeId, { amount, contributors }]) => ({
      payeeId,
      amountMinor: amount,
      contributorIds: [...contributors].sort(compareIds),
    }));
}

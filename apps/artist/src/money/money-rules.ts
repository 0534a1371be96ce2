// Pure rules of the artist's money pages: earnings per month for the chart,
// who pays the artist out, and the payout request's checks in words.
import type { CycleEarning, PublisherRelationship } from '@zamio/contracts';
import { formatGhs, parseGhsToPesewas } from '@zamio/ui';

/** Cycles' amounts summed per calendar month of the cycle's first day ("YYYY-MM"), oldest first. */
export function earningsPerMonth(cycles: readonly CycleEarning[]): { month: string; pesewas: number }[] {
  const byMonth = new Map<string, number>();
  for (const cycle of cycles) {
    const month = cycle.periodStart.slice(0, 7);
    byMonth.set(month, (byMonth.get(month) ?? 0) + cycle.amountMinor);
  }
  return [...byMonth.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, pesewas]) => ({ month, pesewas }));
}

/** The publisher that is paid for the artist's plays now, if any (an accepted, not ended relationship). */
export function activePublisherOf(
  relationships: readonly PublisherRelationship[],
  now = new Date(),
): PublisherRelationship | undefined {
  return relationships.find(
    (r) =>
      r.status === 'active' &&
      new Date(r.effectiveFrom) <= now &&
      (r.endedAt === null || new Date(r.endedAt) > now),
  );
}

export interface PayoutDraft {
  amount: string;
  method: string;
  destination: string;
}
export type PayoutField = keyof PayoutDraft;

/** Every problem of a payout request, per field, or the body to send. */
export function checkPayout(
  draft: PayoutDraft,
  availableMinor: number,
):
  | { ok: true; body: { amountMinor: number; method: 'mobile_money' | 'bank'; destination: string } }
  | { ok: false; errors: Partial<Record<PayoutField, string>> } {
  const errors: Partial<Record<PayoutField, string>> = {};
  const amount = parseGhsToPesewas(draft.amount);
  if (!amount.ok) errors.amount = amount.error;
  else if (amount.pesewas <= 0) errors.amount = 'Enter an amount above GHS 0.00';
  else if (amount.pesewas > availableMinor)
    errors.amount =
      availableMinor <= 0
        ? 'Nothing is available to pay out yet: only earnings of locked cycles can be paid out'
        : `${formatGhs(amount.pesewas)} is more than your available balance of ${formatGhs(availableMinor)}`;
  if (draft.method !== 'mobile_money' && draft.method !== 'bank')
    errors.method = 'Choose mobile money or bank transfer';
  const destination = draft.destination.trim();
  if (destination.length < 3)
    errors.destination =
      draft.method === 'bank'
        ? 'Enter the bank and account number'
        : 'Enter the mobile money number (e.g. 024 123 4567)';
  if (Object.keys(errors).length > 0 || !amount.ok) return { ok: false, errors };
  return {
    ok: true,
    body: {
      amountMinor: amount.pesewas,
      method: draft.method as 'mobile_money' | 'bank',
      destination,
    },
  };
}

export const PAYOUT_METHOD_LABEL: Record<string, string> = {
  mobile_money: 'Mobile money',
  bank: 'Bank transfer',
};

// The payout request form's checks: an amount in GHS (at most two decimals,
// more than zero, not above the available balance) and where to pay it.
import type { PayoutCreateBody } from '@zamio/contracts';
import { formatGhs, parseGhsToPesewas } from '@zamio/ui';

export interface PayoutValues {
  amount: string;
  method: '' | 'mobile_money' | 'bank';
  destination: string;
}

export function amountProblem(amount: string, availableMinor: number | undefined): string | undefined {
  const parsed = parseGhsToPesewas(amount);
  if (!parsed.ok) return parsed.error;
  if (parsed.pesewas <= 0) return 'Enter an amount above GHS 0.00';
  if (availableMinor !== undefined && parsed.pesewas > availableMinor)
    return availableMinor <= 0
      ? 'Nothing is available to request now'
      : `You can request at most ${formatGhs(availableMinor)} (your available balance)`;
  return undefined;
}

export function destinationProblem(method: PayoutValues['method'], destination: string): string | undefined {
  const text = destination.trim();
  if (text.length < 3)
    return method === 'bank'
      ? 'Enter the bank and account number'
      : 'Enter the mobile money number, e.g. 024 123 4567';
  if (text.length > 120) return 'At most 120 characters';
  return undefined;
}

export function payoutBodyOf(values: PayoutValues): PayoutCreateBody {
  const parsed = parseGhsToPesewas(values.amount);
  if (!parsed.ok) throw new Error(parsed.error);
  if (values.method === '') throw new Error('Choose how to be paid');
  return { amountMinor: parsed.pesewas, method: values.method, destination: values.destination.trim() };
}

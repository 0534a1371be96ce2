// The payout request's checks, in words, before anything is sent: an amount
// in GHS (at most two decimals, above zero, not above what is available) and
// where to pay it. The bff decides for certain under a lock (racing requests
// never overdraw); its refusal is shown on the amount too.
import type { PayoutCreateBody } from '@zamio/contracts';
import { formatGhs, parseGhsToPesewas } from '../format/money';

export type PayoutMethod = PayoutCreateBody['method'];

export interface PayoutValues {
  amount: string;
  method: '' | PayoutMethod;
  destination: string;
}

export const PAYOUT_METHOD_LABEL: Record<PayoutMethod, string> = {
  mobile_money: 'Mobile money',
  bank: 'Bank transfer',
};

/** What is wrong with the amount, given what is available (unknown while the balance loads). */
export function amountProblem(amount: string, availableMinor: number | undefined): string | undefined {
  const parsed = parseGhsToPesewas(amount);
  if (!parsed.ok) return parsed.error;
  if (parsed.pesewas <= 0) return 'Enter an amount above GHS 0.00';
  if (availableMinor === undefined || parsed.pesewas <= availableMinor) return undefined;
  return availableMinor <= 0
    ? 'Nothing is available to pay out now: only earnings of locked cycles, less what disputes hold and payouts already requested, can be paid out'
    : `${formatGhs(parsed.pesewas)} is more than your available balance of ${formatGhs(availableMinor)}`;
}

export function methodProblem(method: string): string | undefined {
  return method === 'mobile_money' || method === 'bank' ? undefined : 'Choose mobile money or bank transfer';
}

export function destinationProblem(method: string, destination: string): string | undefined {
  const text = destination.trim();
  if (text.length < 3)
    return method === 'bank'
      ? 'Enter the bank and account number'
      : 'Enter the mobile money number, e.g. 024 123 4567';
  if (text.length > 120) return 'At most 120 characters';
  return undefined;
}

/** The request body of checked values (throws on values the checks above refuse). */
export function payoutBodyOf(values: PayoutValues): PayoutCreateBody {
  const parsed = parseGhsToPesewas(values.amount);
  if (!parsed.ok) throw new Error(parsed.error);
  if (values.method === '') throw new Error('Choose mobile money or bank transfer');
  return { amountMinor: parsed.pesewas, method: values.method, destination: values.destination.trim() };
}

// Sign-in refusals that are not mistakes: the account exists and the password
// was right, but it may not use the portal (yet, or any more). The bff says so
// with 403 and a message (libs/accounts rules/account-review.ts); the portal
// shows a page about the account's state for these — a rejected one with the
// administrator's reason.
import { isApiError } from '@zamio/api-client';

export type BlockedAccountState = 'pending' | 'rejected' | 'disabled';

export interface BlockedAccount {
  state: BlockedAccountState;
  /** Why an administrator rejected the account (state `rejected`). */
  reason?: string;
}

const REASON = /Reason:\s*([\s\S]+)$/;

export function blockedAccountOf(error: unknown): BlockedAccount | undefined {
  if (!isApiError(error) || error.status !== 403) return undefined;
  if (/not approved|rejected/i.test(error.message)) {
    const reason = REASON.exec(error.message)?.[1]?.trim();
    return reason ? { state: 'rejected', reason } : { state: 'rejected' };
  }
  if (/waiting for approval|pending/i.test(error.message)) return { state: 'pending' };
  if (/disabled/i.test(error.message)) return { state: 'disabled' };
  return undefined;
}

export const blockedAccountStateOf = (error: unknown): BlockedAccountState | undefined =>
  blockedAccountOf(error)?.state;

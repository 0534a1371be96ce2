// Reviewing accounts: what an administrator may do to an account in which
// state, and what its owner is told at sign-in. Pure: no I/O, no clock.
import type { AccountStatus } from './roles';

export const REJECTION_REASON_MIN = 3;
export const REJECTION_REASON_MAX = 500;

export type ReviewRefusal = { kind: 'invalid' | 'conflict'; message: string };

/** The reason as stored: trimmed, inner runs of whitespace kept as the admin typed them. */
export const cleanRejectionReason = (reason: string): string => reason.trim();

/** Why this rejection cannot happen, or undefined when it may. */
export function rejectionRefusal(status: AccountStatus, reason: string): ReviewRefusal | undefined {
  const cleaned = cleanRejectionReason(reason);
  if (cleaned.length < REJECTION_REASON_MIN)
    return {
      kind: 'invalid',
      message: `"reason" must say why, in at least ${REJECTION_REASON_MIN} characters`,
    };
  if (cleaned.length > REJECTION_REASON_MAX)
    return { kind: 'invalid', message: `"reason" must be at most ${REJECTION_REASON_MAX} characters` };
  if (status !== 'pending')
    return { kind: 'conflict', message: `only a pending account can be rejected; this one is ${status}` };
  return undefined;
}

/** Prefix of the sign-in refusal of a rejected account; the reason follows it. */
export const REJECTED_SIGN_IN_PREFIX = 'this account was not approved by an administrator. Reason: ';

/**
 * What an account that may not sign in is told (after its password proved
 * right), or undefined for an active account. The portals show a page about
 * the state from this message (libs/ui account-state).
 */
export function signInRefusalOf(account: {
  status: AccountStatus;
  rejectionReason: string | null;
}): string | undefined {
  switch (account.status) {
    case 'active':
      return undefined;
    case 'pending':
      return 'this account is waiting for approval by an administrator';
    case 'rejected':
      return `${REJECTED_SIGN_IN_PREFIX}${account.rejectionReason ?? 'none given'}`;
    case 'disabled':
      return 'this account is disabled';
  }
}

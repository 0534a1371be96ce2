// Sign-in refusals that are not mistakes: the account exists and the password
// was right, but it may not use the portal (yet). The bff says so with 403 and
// a message; the portal shows a page about the account's state for these.
import { isApiError } from '@zamio/api-client';

export type BlockedAccountState = 'pending' | 'disabled';

export function blockedAccountStateOf(error: unknown): BlockedAccountState | undefined {
  if (!isApiError(error) || error.status !== 403) return undefined;
  if (/waiting for approval|pending/i.test(error.message)) return 'pending';
  if (/disabled/i.test(error.message)) return 'disabled';
  return undefined;
}

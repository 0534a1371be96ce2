// What other features add to a new account inside its creating transaction
// (libs/airplay gives a station account its station row). Accounts know
// nothing of those features; the composition root passes the hook in.
import type { Queryable } from '@zamio/db';
import type { Account } from '../repositories/users-repository';

export type AccountCreatedHook = (tx: Queryable, account: Account) => Promise<void>;

/** Several features' hooks as one, run in order. */
export const allOf =
  (...hooks: AccountCreatedHook[]): AccountCreatedHook =>
  async (tx, account) => {
    for (const hook of hooks) await hook(tx, account);
  };

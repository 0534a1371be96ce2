// Administrators' use cases on other accounts: list, approve, disable.
import type { Database } from '@zamio/db';
import { conflict, notFound } from '@zamio/errors';
import * as sessions from '../repositories/sessions-repository';
import * as users from '../repositories/users-repository';
import type { Account, AccountFilter } from '../repositories/users-repository';

export function createAccountAdminService({ db }: { db: Database }) {
  return {
    listAccounts: (filter: AccountFilter): Promise<Account[]> => users.list(db, filter),

    async approveAccount(accountId: string, adminId: string): Promise<Account> {
      const account = await users.setStatus(db, accountId, 'active', adminId);
      if (!account) throw notFound('no such user');
      return account;
    },

    /** Disables the account and revokes its sessions at once, in one transaction. */
    async disableAccount(
      accountId: string,
      adminId: string,
    ): Promise<{ account: Account; revokedSessions: number }> {
      if (accountId === adminId) throw conflict('administrators cannot disable their own account');
      return db.transaction(async (tx) => {
        const account = await users.setStatus(tx, accountId, 'disabled', adminId);
        if (!account) throw notFound('no such user');
        return { account, revokedSessions: await sessions.revokeAllOf(tx, account.id) };
      });
    },
  };
}

export type AccountAdminService = ReturnType<typeof createAccountAdminService>;

// Administrators' use cases on other accounts: list, approve, reject (with a
// reason the owner sees), disable. Each change and its audit entry commit
// together.
import type { Database, Page, PageRequest } from '@zamio/db';
import { AppError, conflict, notFound } from '@zamio/errors';
import * as sessions from '../repositories/sessions-repository';
import * as users from '../repositories/users-repository';
import type { Account, AccountFilter, AccountSort } from '../repositories/users-repository';
import { cleanRejectionReason, rejectionRefusal } from '../rules/account-review';
import type { AccountAuditHook } from './account-audit-hook';

export interface AccountAdminDependencies {
  db: Database;
  /** Appends the audit entry inside the changing transaction (none in tests that do not ask). */
  recordAudit?: AccountAuditHook | undefined;
}

export function createAccountAdminService({ db, recordAudit }: AccountAdminDependencies) {
  const audit: AccountAuditHook = recordAudit ?? (async () => {});
  return {
    listAccounts: (filter: AccountFilter, page: PageRequest<AccountSort>): Promise<Page<Account>> =>
      users.listPage(db, filter, page),

    async approveAccount(accountId: string, adminId: string): Promise<Account> {
      return db.transaction(async (tx) => {
        const before = await users.lockById(tx, accountId);
        if (!before) throw notFound('no such user');
        const account = (await users.setStatus(tx, accountId, 'active', adminId))!;
        await audit(tx, {
          actorId: adminId,
          action: 'account.approve',
          subjectType: 'user',
          subjectId: account.id,
          details: { from: before.status, role: account.role, email: account.email },
        });
        return account;
      });
    },

    /** Rejects a pending account; its owner is shown the reason when signing in. */
    async rejectAccount(accountId: string, reason: string, adminId: string): Promise<Account> {
      return db.transaction(async (tx) => {
        const before = await users.lockById(tx, accountId);
        if (!before) throw notFound('no such user');
        const refusal = rejectionRefusal(before.status, reason);
        if (refusal) throw new AppError(refusal.kind, refusal.message);
        const cleaned = cleanRejectionReason(reason);
        const account = (await users.reject(tx, accountId, { reason: cleaned, adminId }))!;
        await audit(tx, {
          actorId: adminId,
          action: 'account.reject',
          subjectType: 'user',
          subjectId: account.id,
          details: { reason: cleaned, role: account.role, email: account.email },
        });
        return account;
      });
    },

    /** Disables the account and revokes its sessions at once, in one transaction. */
    async disableAccount(
      accountId: string,
      adminId: string,
    ): Promise<{ account: Account; revokedSessions: number }> {
      if (accountId === adminId) throw conflict('administrators cannot disable their own account');
      return db.transaction(async (tx) => {
        const before = await users.lockById(tx, accountId);
        if (!before) throw notFound('no such user');
        const account = (await users.setStatus(tx, accountId, 'disabled', adminId))!;
        const revokedSessions = await sessions.revokeAllOf(tx, account.id);
        await audit(tx, {
          actorId: adminId,
          action: 'account.disable',
          subjectType: 'user',
          subjectId: account.id,
          details: { from: before.status, revokedSessions },
        });
        return { account, revokedSessions };
      });
    },
  };
}

export type AccountAdminService = ReturnType<typeof createAccountAdminService>;

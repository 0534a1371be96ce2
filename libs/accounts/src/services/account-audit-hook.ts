// Who did what to an account, written in the transaction that did it. The
// audit log belongs to a feature above accounts (libs/royalties' audit_log),
// so accounts only offers this hook and the composition root passes it in.
import type { Queryable } from '@zamio/db';

export interface AccountAuditEntry {
  actorId: string;
  action: 'account.approve' | 'account.reject' | 'account.disable';
  subjectType: 'user';
  subjectId: string;
  details: Record<string, unknown>;
}

export type AccountAuditHook = (tx: Queryable, entry: AccountAuditEntry) => Promise<void>;

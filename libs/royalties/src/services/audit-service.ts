// The audit log as admins read it: newest first, by subject, paged by id.
import type { Database } from '@zamio/db';
import * as audit from '../repositories/audit-log-repository.ts';

export function createAuditService({ db }: { db: Database }) {
  return {
    listAudit: (
      filter: {
        subjectType?: string | undefined;
        subjectId?: string | undefined;
        before?: number | undefined;
      },
      limit = 100,
    ) => audit.list(db, filter, Math.min(Math.max(limit, 1), 500)),
  };
}

export type AuditService = ReturnType<typeof createAuditService>;

// All SQL of the audit log: who did what to which subject, when. Append-only.
import type { Queryable } from '@zamio/db';

export interface AuditEntry {
  id: number;
  actorId: string | null;
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  details: Record<string, unknown>;
  at: Date;
}

export async function append(
  db: Queryable,
  entry: { actorId: string | null; action: string; subjectType: string; subjectId: string; details?: object },
): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (actor_user_id, action, subject_type, subject_id, details) VALUES ($1, $2, $3, $4, $5)`,
    [entry.actorId, entry.action, entry.subjectType, entry.subjectId, JSON.stringify(entry.details ?? {})],
  );
}

/** Newest first; `before` (an id) pages back through history. */
export async function list(
  db: Queryable,
  filter: { subjectType?: string | undefined; subjectId?: string | undefined; before?: number | undefined },
  limit: number,
): Promise<AuditEntry[]> {
  const { rows } = await db.query<{
    id: string;
    actor_user_id: string | null;
    actor_name: string | null;
    action: string;
    subject_type: string;
    subject_id: string;
    details: Record<string, unknown> | string;
    at: Date;
  }>(
    `SELECT a.*, u.display_name AS actor_name FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
      WHERE ($1::text IS NULL OR a.subject_type = $1) AND ($2::text IS NULL OR a.subject_id = $2)
        AND ($3::bigint IS NULL OR a.id < $3)
      ORDER BY a.id DESC LIMIT $4`,
    [filter.subjectType ?? null, filter.subjectId ?? null, filter.before ?? null, limit],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    actorId: r.actor_user_id,
    actorName: r.actor_name,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    details: typeof r.details === 'string' ? (JSON.parse(r.details) as Record<string, unknown>) : r.details,
    at: new Date(r.at),
  }));
}

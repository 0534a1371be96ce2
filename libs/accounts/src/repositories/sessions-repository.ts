// All SQL of the sessions table. Only a hash of each session id is stored;
// the lookup on each request is one primary-key join (stations joined for the
// principal's station id).
import type { Queryable } from '@zamio/db';
import type { Role } from '../rules/roles';
import { hashSessionId } from '../rules/session-cookie';

export interface SessionOwner {
  userId: string;
  role: Role;
  stationId: string | undefined;
}

export async function insert(
  db: Queryable,
  session: { sessionId: string; userId: string; ttlMs: number; userAgent: string | undefined },
): Promise<void> {
  await db.query(
    `INSERT INTO sessions (id_hash, user_id, expires_at, user_agent)
     VALUES ($1, $2, now() + ($3::bigint * interval '1 millisecond'), $4)`,
    [
      hashSessionId(session.sessionId),
      session.userId,
      session.ttlMs,
      session.userAgent?.slice(0, 300) ?? null,
    ],
  );
}

/** The active owner of a live session; undefined when unknown, expired, revoked or the account is not active. */
export async function findLiveOwner(db: Queryable, sessionId: string): Promise<SessionOwner | undefined> {
  const { rows } = await db.query<{ user_id: string; role: Role; station_id: string | null }>(
    `SELECT u.id AS user_id, u.role, st.id AS station_id
       FROM sessions s
       JOIN users u ON u.id = s.user_id
       LEFT JOIN stations st ON st.owner_user_id = u.id
      WHERE s.id_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.status = 'active'`,
    [hashSessionId(sessionId)],
  );
  const row = rows[0];
  return row ? { userId: row.user_id, role: row.role, stationId: row.station_id ?? undefined } : undefined;
}

export async function revoke(db: Queryable, sessionId: string): Promise<void> {
  await db.query('UPDATE sessions SET revoked_at = now() WHERE id_hash = $1 AND revoked_at IS NULL', [
    hashSessionId(sessionId),
  ]);
}

/** Revokes every live session of the user except `keepSessionId`; returns how many. */
export async function revokeAllOf(db: Queryable, userId: string, keepSessionId?: string): Promise<number> {
  const { rowCount } = await db.query(
    'UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND id_hash <> $2',
    [userId, keepSessionId ? hashSessionId(keepSessionId) : ''],
  );
  return rowCount;
}

// Sessions in Postgres: survive restarts and Redis outages, revocable. The
// lookup on each request is one primary-key join.
import type { Queryable } from '@zamio/db';
import type { AccountStatus, Role } from '../roles';
import { hashSessionId, newSessionId } from '../session-cookie';

export interface SessionPrincipalRow {
  user_id: string;
  role: Role;
  status: AccountStatus;
  station_id: string | null;
  expires_at: Date;
}

export async function createSession(
  db: Queryable,
  userId: string,
  ttlMs: number,
  userAgent: string | undefined,
): Promise<string> {
  const sessionId = newSessionId();
  await db.query(
    `INSERT INTO sessions (id_hash, user_id, expires_at, user_agent) VALUES ($1, $2, now() + ($3::bigint * interval '1 millisecond'), $4)`,
    [hashSessionId(sessionId), userId, ttlMs, userAgent?.slice(0, 300) ?? null],
  );
  return sessionId;
}

/** The active user behind a session id, or undefined when unknown, expired, revoked or the account is not active. */
export async function findSessionPrincipal(
  db: Queryable,
  sessionId: string,
): Promise<SessionPrincipalRow | undefined> {
  const { rows } = await db.query<SessionPrincipalRow>(
    `SELECT u.id AS user_id, u.role, u.status, st.id AS station_id, s.expires_at
       FROM sessions s
       JOIN users u ON u.id = s.user_id
       LEFT JOIN stations st ON st.owner_user_id = u.id
      WHERE s.id_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.status = 'active'`,
    [hashSessionId(sessionId)],
  );
  return rows[0];
}

export async function revokeSession(db: Queryable, sessionId: string): Promise<void> {
  await db.query('UPDATE sessions SET revoked_at = now() WHERE id_hash = $1 AND revoked_at IS NULL', [
    hashSessionId(sessionId),
  ]);
}

/** Signs the user out everywhere (password change, admin action), optionally keeping the current session. */
export async function revokeUserSessions(
  db: Queryable,
  userId: string,
  keepSessionId?: string,
): Promise<number> {
  const { rowCount } = await db.query(
    'UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND id_hash <> $2',
    [userId, keepSessionId ? hashSessionId(keepSessionId) : ''],
  );
  return rowCount;
}

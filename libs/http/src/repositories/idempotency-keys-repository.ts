// All SQL of the idempotency_keys table: claiming a key for a request,
// storing the answer to replay, releasing a key whose request failed.
import type { Queryable } from '@zamio/db';

export interface IdempotencyClaim {
  scope: string;
  key: string;
  fingerprint: string;
  method: string;
  path: string;
  /** How long a running request holds the key (after that a crashed request's key is reclaimed). */
  lockMs: number;
  /** How long the stored answer is replayed. */
  ttlMs: number;
}

export interface StoredIdempotentRequest {
  fingerprint: string;
  /** Null while the first request is still running. */
  statusCode: number | null;
  contentType: string | null;
  body: string | null;
}

interface Row {
  fingerprint: string;
  status_code: number | null;
  content_type: string | null;
  response_body: string | null;
}

/**
 * Claims the key, or answers what holds it. An expired row, or a lapsed lock
 * of the same request (its first attempt crashed), is taken over.
 */
export async function claim(
  db: Queryable,
  request: IdempotencyClaim,
): Promise<{ claimed: true } | { claimed: false; existing: StoredIdempotentRequest }> {
  const { rowCount } = await db.query(
    `INSERT INTO idempotency_keys (scope, key, fingerprint, method, path, locked_until, expires_at)
     VALUES ($1, $2, $3, $4, $5, now() + $6 * interval '1 millisecond', now() + $7 * interval '1 millisecond')
     ON CONFLICT (scope, key) DO UPDATE SET
       fingerprint = EXCLUDED.fingerprint, method = EXCLUDED.method, path = EXCLUDED.path,
       status_code = NULL, content_type = NULL, response_body = NULL, created_at = now(),
       locked_until = EXCLUDED.locked_until, expires_at = EXCLUDED.expires_at
     WHERE idempotency_keys.expires_at < now()
        OR (idempotency_keys.status_code IS NULL AND idempotency_keys.locked_until < now()
            AND idempotency_keys.fingerprint = EXCLUDED.fingerprint)`,
    [
      request.scope,
      request.key,
      request.fingerprint,
      request.method,
      request.path,
      request.lockMs,
      request.ttlMs,
    ],
  );
  if (rowCount > 0) return { claimed: true };
  const { rows } = await db.query<Row>(
    `SELECT fingerprint, status_code, content_type, response_body
       FROM idempotency_keys WHERE scope = $1 AND key = $2`,
    [request.scope, request.key],
  );
  const row = rows[0];
  // Gone between the two statements (released by its failing request): it is free again.
  if (!row) return claim(db, request);
  return {
    claimed: false,
    existing: {
      fingerprint: row.fingerprint,
      statusCode: row.status_code,
      contentType: row.content_type,
      body: row.response_body,
    },
  };
}

/** Stores the first request's answer, to be replayed until the row expires. */
export async function complete(
  db: Queryable,
  scope: string,
  key: string,
  answer: { statusCode: number; contentType: string | null; body: string | null },
): Promise<void> {
  await db.query(
    `UPDATE idempotency_keys SET status_code = $3, content_type = $4, response_body = $5
      WHERE scope = $1 AND key = $2`,
    [scope, key, answer.statusCode, answer.contentType, answer.body],
  );
}

/** Frees a key whose request failed, so the client may retry with it. */
export async function release(db: Queryable, scope: string, key: string): Promise<void> {
  await db.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND status_code IS NULL`, [
    scope,
    key,
  ]);
}

/** Removes rows past their expiry (bounded per call). */
export async function purgeExpired(db: Queryable, limit = 1_000): Promise<number> {
  const { rowCount } = await db.query(
    `DELETE FROM idempotency_keys WHERE (scope, key) IN (
       SELECT scope, key FROM idempotency_keys WHERE expires_at < now() LIMIT $1)`,
    [limit],
  );
  return rowCount;
}

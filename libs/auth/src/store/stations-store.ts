// The station row that belongs to a station user (created at sign-up).
import type { Queryable } from '@zamio/db';

export async function insertStation(db: Queryable, ownerUserId: string, name: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO stations (owner_user_id, name) VALUES ($1, $2) RETURNING id',
    [ownerUserId, name],
  );
  return rows[0]!.id;
}

export async function stationIdOf(db: Queryable, ownerUserId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM stations WHERE owner_user_id = $1', [
    ownerUserId,
  ]);
  return rows[0]?.id;
}

// All SQL of the stations table: a station account's broadcaster (class,
// region and timezone price its plays).
import type { Queryable } from '@zamio/db';

export async function insert(db: Queryable, station: { ownerUserId: string; name: string }): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO stations (owner_user_id, name) VALUES ($1, $2) RETURNING id',
    [station.ownerUserId, station.name],
  );
  return rows[0]!.id;
}

export async function findIdByOwner(db: Queryable, ownerUserId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM stations WHERE owner_user_id = $1', [
    ownerUserId,
  ]);
  return rows[0]?.id;
}

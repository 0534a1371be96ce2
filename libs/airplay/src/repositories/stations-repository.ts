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

export const STATION_CLASSES = ['class_a', 'class_b', 'class_c', 'online', 'community'] as const;
export type StationClass = (typeof STATION_CLASSES)[number];

export interface Station {
  id: string;
  ownerUserId: string;
  name: string;
  stationClass: StationClass;
  region: string | null;
  timezone: string;
  createdAt: Date;
}

interface StationRow {
  id: string;
  owner_user_id: string;
  name: string;
  station_class: StationClass;
  region: string | null;
  timezone: string;
  created_at: Date;
}

const STATION_COLUMNS = 'id, owner_user_id, name, station_class, region, timezone, created_at';

const toStation = (row: StationRow): Station => ({
  id: row.id,
  ownerUserId: row.owner_user_id,
  name: row.name,
  stationClass: row.station_class,
  region: row.region,
  timezone: row.timezone,
  createdAt: new Date(row.created_at),
});

export async function findById(db: Queryable, stationId: string): Promise<Station | undefined> {
  const { rows } = await db.query<StationRow>(`SELECT ${STATION_COLUMNS} FROM stations WHERE id = $1`, [
    stationId,
  ]);
  return rows[0] ? toStation(rows[0]) : undefined;
}

export async function updateProfile(
  db: Queryable,
  stationId: string,
  profile: { name: string; stationClass: StationClass; region: string | null; timezone: string },
): Promise<Station | undefined> {
  const { rows } = await db.query<StationRow>(
    `UPDATE stations SET name = $2, station_class = $3, region = $4, timezone = $5 WHERE id = $1
     RETURNING ${STATION_COLUMNS}`,
    [stationId, profile.name, profile.stationClass, profile.region, profile.timezone],
  );
  return rows[0] ? toStation(rows[0]) : undefined;
}

/**
 * Takes the station's row lock until the transaction ends: detections of one
 * station merge into plays one at a time, so two captures processed at once
 * never both open a play. (FOR NO KEY UPDATE does not block foreign-key checks.)
 */
export async function lockForAirplay(db: Queryable, stationId: string): Promise<boolean> {
  const { rows } = await db.query('SELECT id FROM stations WHERE id = $1 FOR NO KEY UPDATE', [stationId]);
  return rows.length > 0;
}

/** Station names by id (lists that show the station). */
export async function namesByIds(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; name: string }>(
    'SELECT id, name FROM stations WHERE id = ANY($1::uuid[])',
    [[...new Set(ids)]],
  );
  return new Map(rows.map((row) => [row.id, row.name]));
}

// All SQL of the stations table: a station account's broadcaster (class,
// region and timezone price its plays).
import {
  finishPage,
  keysetClauses,
  type Page,
  type PageRequest,
  type Queryable,
  type SortKey,
} from '@zamio/db';

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

/** A station as the admins' list shows it: its account's state and its streams' health. */
export interface StationListing extends Station {
  ownerEmail: string;
  accountStatus: 'active' | 'pending' | 'disabled' | 'rejected';
  streams: { total: number; up: number; down: number; unknown: number };
}

export interface StationListFilter {
  stationClass?: StationClass | undefined;
  /** Exact region, any case. */
  region?: string | undefined;
  accountStatus?: StationListing['accountStatus'] | undefined;
  /** Part of the station name, any case. */
  search?: string | undefined;
  /** Only stations with at least one active stream in this state. */
  streamState?: 'up' | 'down' | 'unknown' | undefined;
}

export const STATION_SORTS = ['createdAt', 'name'] as const;
export type StationSort = (typeof STATION_SORTS)[number];

const STATION_SORT_KEYS: Record<StationSort, SortKey> = {
  createdAt: { column: 's.created_at', type: 'timestamptz' },
  name: { column: 's.name', type: 'text' },
};

/** Every station (admin), filtered and paged, with stream counts per state. */
export async function listForAdmin(
  db: Queryable,
  filter: StationListFilter,
  page: PageRequest<StationSort>,
): Promise<Page<StationListing>> {
  const params: unknown[] = [
    filter.stationClass ?? null,
    filter.region ?? null,
    filter.accountStatus ?? null,
    filter.search ?? null,
    filter.streamState ?? null,
  ];
  const keyset = keysetClauses(STATION_SORT_KEYS[page.sort], page, 's.id', params.length + 1);
  const { rows } = await db.query<
    StationRow & {
      page_key: string;
      owner_email: string;
      account_status: StationListing['accountStatus'];
      streams_total: string;
      streams_up: string;
      streams_down: string;
      streams_unknown: string;
    }
  >(
    `SELECT s.id, s.owner_user_id, s.name, s.station_class, s.region, s.timezone, s.created_at,
            u.email AS owner_email, u.status AS account_status,
            coalesce(h.total, 0) AS streams_total, coalesce(h.up, 0) AS streams_up,
            coalesce(h.down, 0) AS streams_down, coalesce(h.unknown, 0) AS streams_unknown,
            ${keyset.select}
       FROM stations s
       JOIN users u ON u.id = s.owner_user_id
       LEFT JOIN LATERAL (
         SELECT count(*) FILTER (WHERE st.active) AS total,
                count(*) FILTER (WHERE st.active AND st.state = 'up') AS up,
                count(*) FILTER (WHERE st.active AND st.state = 'down') AS down,
                count(*) FILTER (WHERE st.active AND st.state = 'unknown') AS unknown
           FROM station_streams st WHERE st.station_id = s.id
       ) h ON true
      WHERE ($1::text IS NULL OR s.station_class = $1)
        AND ($2::text IS NULL OR lower(s.region) = lower($2))
        AND ($3::text IS NULL OR u.status = $3)
        AND ($4::text IS NULL OR s.name ILIKE '%' || $4 || '%')
        AND ($5::text IS NULL OR EXISTS (
              SELECT 1 FROM station_streams st WHERE st.station_id = s.id AND st.active AND st.state = $5))
        AND ${keyset.where}
      ${keyset.orderLimit}`,
    [...params, ...keyset.params],
  );
  return finishPage(rows, page, (row) => ({
    ...toStation(row),
    ownerEmail: row.owner_email,
    accountStatus: row.account_status,
    streams: {
      total: Number(row.streams_total),
      up: Number(row.streams_up),
      down: Number(row.streams_down),
      unknown: Number(row.streams_unknown),
    },
  }));
}

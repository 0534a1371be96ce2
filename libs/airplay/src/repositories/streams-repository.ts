// All SQL of station_streams: the stream URLs a station broadcasts on, and
// each stream's check state (libs/streams' up/down rule, stored as its three
// fields and fed back with the next check).
import { finishPage, keysetClauses, type Page, type PageRequest, type Queryable } from '@zamio/db';
import { conflict } from '@zamio/errors';

export type StreamState = 'unknown' | 'up' | 'down';

export interface StationStream {
  id: string;
  stationId: string;
  /** As registered; may carry credentials (never shown back in full). */
  url: string;
  label: string | null;
  active: boolean;
  state: StreamState;
  consecutiveFailures: number;
  consecutiveSuccesses: number;
  lastCheckedAt: Date | null;
  lastError: string | null;
  stateChangedAt: Date | null;
  createdAt: Date;
}

interface StreamRow {
  id: string;
  station_id: string;
  url: string;
  label: string | null;
  active: boolean;
  state: StreamState;
  consecutive_failures: number;
  consecutive_successes: number;
  last_checked_at: Date | null;
  last_error: string | null;
  state_changed_at: Date | null;
  created_at: Date;
}

const COLUMNS = `s.id, s.station_id, s.url, s.label, s.active, s.state, s.consecutive_failures,
  s.consecutive_successes, s.last_checked_at, s.last_error, s.state_changed_at, s.created_at`;

const date = (value: Date | null) => (value ? new Date(value) : null);

const toStream = (row: StreamRow): StationStream => ({
  id: row.id,
  stationId: row.station_id,
  url: row.url,
  label: row.label,
  active: row.active,
  state: row.state,
  consecutiveFailures: row.consecutive_failures,
  consecutiveSuccesses: row.consecutive_successes,
  lastCheckedAt: date(row.last_checked_at),
  lastError: row.last_error,
  stateChangedAt: date(row.state_changed_at),
  createdAt: new Date(row.created_at),
});

export async function insert(
  db: Queryable,
  stream: { stationId: string; url: string; label: string | null },
): Promise<StationStream> {
  try {
    const { rows } = await db.query<StreamRow>(
      `INSERT INTO station_streams AS s (station_id, url, label) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`,
      [stream.stationId, stream.url, stream.label],
    );
    return toStream(rows[0]!);
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      throw conflict('this stream URL is already registered');
    throw error;
  }
}

export async function findOwned(
  db: Queryable,
  stationId: string,
  streamId: string,
): Promise<StationStream | undefined> {
  const { rows } = await db.query<StreamRow>(
    `SELECT ${COLUMNS} FROM station_streams s WHERE s.id = $1 AND s.station_id = $2`,
    [streamId, stationId],
  );
  return rows[0] ? toStream(rows[0]) : undefined;
}

export async function findById(db: Queryable, streamId: string): Promise<StationStream | undefined> {
  const { rows } = await db.query<StreamRow>(`SELECT ${COLUMNS} FROM station_streams s WHERE s.id = $1`, [
    streamId,
  ]);
  return rows[0] ? toStream(rows[0]) : undefined;
}

export async function listOfStation(db: Queryable, stationId: string): Promise<StationStream[]> {
  const { rows } = await db.query<StreamRow>(
    `SELECT ${COLUMNS} FROM station_streams s WHERE s.station_id = $1 ORDER BY s.created_at, s.id`,
    [stationId],
  );
  return rows.map(toStream);
}

export interface StreamFilter {
  state?: StreamState | undefined;
  stationId?: string | undefined;
}

/** Every station's streams, for the admin (newest first or by state change). */
export async function listAll(
  db: Queryable,
  filter: StreamFilter,
  page: PageRequest<'createdAt'>,
): Promise<Page<StationStream>> {
  const params: unknown[] = [filter.state ?? null, filter.stationId ?? null];
  const keyset = keysetClauses(
    { column: 's.created_at', type: 'timestamptz' },
    page,
    's.id',
    params.length + 1,
  );
  const { rows } = await db.query<StreamRow & { page_key: string }>(
    `SELECT ${COLUMNS}, ${keyset.select} FROM station_streams s
     WHERE ($1::text IS NULL OR s.state = $1) AND ($2::uuid IS NULL OR s.station_id = $2) AND ${keyset.where}
     ${keyset.orderLimit}`,
    [...params, ...keyset.params],
  );
  return finishPage(rows, page, toStream);
}

/** How many monitored streams are in each state (inactive ones counted apart). */
export interface StreamHealthSummary {
  total: number;
  up: number;
  down: number;
  unknown: number;
  inactive: number;
}

export async function summariseStates(db: Queryable): Promise<StreamHealthSummary> {
  const { rows } = await db.query<{
    total: string;
    up: string;
    down: string;
    unknown: string;
    inactive: string;
  }>(
    `SELECT count(*) AS total,
            count(*) FILTER (WHERE active AND state = 'up') AS up,
            count(*) FILTER (WHERE active AND state = 'down') AS down,
            count(*) FILTER (WHERE active AND state = 'unknown') AS unknown,
            count(*) FILTER (WHERE NOT active) AS inactive
       FROM station_streams`,
  );
  const row = rows[0]!;
  return {
    total: Number(row.total),
    up: Number(row.up),
    down: Number(row.down),
    unknown: Number(row.unknown),
    inactive: Number(row.inactive),
  };
}

export async function update(
  db: Queryable,
  stationId: string,
  streamId: string,
  changes: { label: string | null; active: boolean },
): Promise<StationStream | undefined> {
  const { rows } = await db.query<StreamRow>(
    `UPDATE station_streams s SET label = $3, active = $4 WHERE s.id = $1 AND s.station_id = $2 RETURNING ${COLUMNS}`,
    [streamId, stationId, changes.label, changes.active],
  );
  return rows[0] ? toStream(rows[0]) : undefined;
}

export async function remove(db: Queryable, stationId: string, streamId: string): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM station_streams WHERE id = $1 AND station_id = $2', [
    streamId,
    stationId,
  ]);
  return rowCount > 0;
}

/** Active streams not checked since `checkedBefore`, longest waiting first. */
export async function listDue(db: Queryable, checkedBefore: Date, limit: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM station_streams WHERE active AND (last_checked_at IS NULL OR last_checked_at < $1)
     ORDER BY last_checked_at NULLS FIRST, id LIMIT $2`,
    [checkedBefore, limit],
  );
  return rows.map((row) => row.id);
}

/** Stores one check's outcome and the health it led to. */
export async function recordCheck(
  db: Queryable,
  streamId: string,
  check: {
    state: StreamState;
    consecutiveFailures: number;
    consecutiveSuccesses: number;
    error: string | null;
    stateChanged: boolean;
  },
): Promise<StationStream | undefined> {
  const { rows } = await db.query<StreamRow>(
    `UPDATE station_streams s SET state = $2, consecutive_failures = $3, consecutive_successes = $4,
            last_error = $5, last_checked_at = now(),
            state_changed_at = CASE WHEN $6 THEN now() ELSE state_changed_at END
     WHERE s.id = $1 RETURNING ${COLUMNS}`,
    [
      streamId,
      check.state,
      check.consecutiveFailures,
      check.consecutiveSuccesses,
      check.error,
      check.stateChanged,
    ],
  );
  return rows[0] ? toStream(rows[0]) : undefined;
}

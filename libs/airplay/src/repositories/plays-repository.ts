// All SQL of the plays table: consecutive detections of one track on one
// station merged into one play. Lists join the station's name and the
// track's title; artists see the plays of their own tracks only.
import {
  finishPage,
  keysetClauses,
  type Page,
  type PageRequest,
  type Queryable,
  type SortKey,
} from '@zamio/db';

export const PLAY_STATUSES = ['active', 'flagged', 'merged'] as const;
export type PlayStatus = (typeof PLAY_STATUSES)[number];

export interface Play {
  id: string;
  stationId: string;
  stationName: string;
  trackId: string;
  trackTitle: string;
  artistId: string;
  startedAt: Date;
  endedAt: Date;
  durationMs: number;
  trackOffsetMs: number;
  detectionCount: number;
  confidence: number;
  status: PlayStatus;
  mergedIntoPlayId: string | null;
  /** Grows with every change of bounds or status. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A play's extent as the merge rule computes it. */
export interface PlaySpan {
  startedAt: Date;
  endedAt: Date;
  trackOffsetMs: number;
  detectionCount: number;
  confidence: number;
}

interface PlayRow {
  id: string;
  station_id: string;
  station_name: string;
  track_id: string;
  track_title: string;
  artist_user_id: string;
  started_at: Date;
  ended_at: Date;
  duration_ms: number;
  track_offset_ms: number;
  detection_count: number;
  confidence: number;
  status: PlayStatus;
  merged_into_play_id: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const SELECT_PLAY = `SELECT p.id, p.station_id, s.name AS station_name, p.track_id, t.title AS track_title,
       t.artist_user_id, p.started_at, p.ended_at, p.duration_ms, p.track_offset_ms, p.detection_count, p.confidence,
       p.status, p.merged_into_play_id, p.version, p.created_at, p.updated_at`;
const FROM_PLAY = 'FROM plays p JOIN stations s ON s.id = p.station_id JOIN tracks t ON t.id = p.track_id';

const toPlay = (row: PlayRow): Play => ({
  id: row.id,
  stationId: row.station_id,
  stationName: row.station_name,
  trackId: row.track_id,
  trackTitle: row.track_title,
  artistId: row.artist_user_id,
  startedAt: new Date(row.started_at),
  endedAt: new Date(row.ended_at),
  durationMs: row.duration_ms,
  trackOffsetMs: row.track_offset_ms,
  detectionCount: row.detection_count,
  confidence: row.confidence,
  status: row.status,
  mergedIntoPlayId: row.merged_into_play_id,
  version: row.version,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
});

const spanParams = (span: PlaySpan) => [
  span.startedAt,
  span.endedAt,
  span.endedAt.getTime() - span.startedAt.getTime(),
  span.trackOffsetMs,
  span.detectionCount,
  span.confidence,
];

export async function insert(
  db: Queryable,
  play: { stationId: string; trackId: string } & PlaySpan,
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO plays (station_id, track_id, started_at, ended_at, duration_ms, track_offset_ms, detection_count,
                        confidence)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [play.stationId, play.trackId, ...spanParams(play)],
  );
  return rows[0]!.id;
}

/** New bounds (active again if it was flagged); the version grows only when something changed. */
export async function updateSpan(db: Queryable, playId: string, span: PlaySpan): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE plays SET started_at = $2, ended_at = $3, duration_ms = $4, track_offset_ms = $5, detection_count = $6,
            confidence = $7, status = 'active', merged_into_play_id = NULL, version = version + 1, updated_at = now()
     WHERE id = $1 AND (started_at, ended_at, track_offset_ms, detection_count, confidence, status)
                   IS DISTINCT FROM ($2, $3, $5, $6, $7::real, 'active')`,
    [playId, ...spanParams(span)],
  );
  return rowCount > 0;
}

/** Flags the play (no unflagged evidence left) or marks it merged into another. */
export async function setStatus(
  db: Queryable,
  playId: string,
  status: Exclude<PlayStatus, 'active'>,
  mergedIntoPlayId: string | null,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE plays SET status = $2, merged_into_play_id = $3, version = version + 1, updated_at = now()
     WHERE id = $1 AND (status, merged_into_play_id) IS DISTINCT FROM ($2, $3::uuid)`,
    [playId, status, mergedIntoPlayId],
  );
  return rowCount > 0;
}

/** Active plays of the track on the station that reach into [from, to]. */
export async function activeNear(
  db: Queryable,
  stationId: string,
  trackId: string,
  from: Date,
  to: Date,
): Promise<Play[]> {
  const { rows } = await db.query<PlayRow>(
    `${SELECT_PLAY} ${FROM_PLAY}
     WHERE p.station_id = $1 AND p.track_id = $2 AND p.status = 'active' AND p.started_at <= $4 AND p.ended_at >= $3
     ORDER BY p.created_at, p.id`,
    [stationId, trackId, from, to],
  );
  return rows.map(toPlay);
}

export async function findByIds(db: Queryable, playIds: readonly string[]): Promise<Play[]> {
  if (playIds.length === 0) return [];
  const { rows } = await db.query<PlayRow>(
    `${SELECT_PLAY} ${FROM_PLAY} WHERE p.id = ANY($1::uuid[]) ORDER BY p.created_at, p.id`,
    [[...new Set(playIds)]],
  );
  return rows.map(toPlay);
}

export async function findById(db: Queryable, playId: string): Promise<Play | undefined> {
  return (await findByIds(db, [playId]))[0];
}

export const PLAY_SORTS = {
  startedAt: { column: 'p.started_at', type: 'timestamptz' },
  durationMs: { column: 'p.duration_ms', type: 'integer' },
} as const satisfies Record<string, SortKey>;
export type PlaySort = keyof typeof PLAY_SORTS;

export interface PlayFilter {
  stationId?: string | undefined;
  trackId?: string | undefined;
  status?: PlayStatus | undefined;
  /** started_at in [from, to). */
  from?: Date | undefined;
  to?: Date | undefined;
}

/** One page of plays, of one station's air or of one artist's tracks. */
export async function list(
  db: Queryable,
  scope: { stationId: string } | { artistId: string },
  filter: PlayFilter,
  page: PageRequest<PlaySort>,
): Promise<Page<Play>> {
  const scoped = 'stationId' in scope ? 'p.station_id = $1' : 't.artist_user_id = $1';
  const params: unknown[] = [
    'stationId' in scope ? scope.stationId : scope.artistId,
    filter.stationId ?? null,
    filter.trackId ?? null,
    filter.status ?? null,
    filter.from ?? null,
    filter.to ?? null,
  ];
  const keyset = keysetClauses(PLAY_SORTS[page.sort], page, 'p.id', params.length + 1);
  const { rows } = await db.query<PlayRow & { page_key: string }>(
    `${SELECT_PLAY}, ${keyset.select} ${FROM_PLAY}
     WHERE ${scoped} AND ($2::uuid IS NULL OR p.station_id = $2) AND ($3::uuid IS NULL OR p.track_id = $3)
       AND (($4::text IS NULL AND p.status <> 'merged') OR p.status = $4)
       AND ($5::timestamptz IS NULL OR p.started_at >= $5) AND ($6::timestamptz IS NULL OR p.started_at < $6)
       AND ${keyset.where}
     ${keyset.orderLimit}`,
    [...params, ...keyset.params],
  );
  return finishPage(rows, page, toPlay);
}

export interface PlaysSummary {
  /** UTC calendar days (Ghana keeps UTC all year). */
  perDay: { day: string; plays: number; durationMs: number }[];
  perStation: { stationId: string; station: string; plays: number; durationMs: number }[];
}

/** Active plays of the artist's tracks in [from, to), counted per day and per station. */
export async function summaryOfArtist(
  db: Queryable,
  artistId: string,
  filter: { from: Date; to: Date; trackId?: string | undefined; stationId?: string | undefined },
): Promise<PlaysSummary> {
  const where = `FROM plays p JOIN tracks t ON t.id = p.track_id JOIN stations s ON s.id = p.station_id
    WHERE t.artist_user_id = $1 AND p.status = 'active' AND p.started_at >= $2 AND p.started_at < $3
      AND ($4::uuid IS NULL OR p.track_id = $4) AND ($5::uuid IS NULL OR p.station_id = $5)`;
  const params = [artistId, filter.from, filter.to, filter.trackId ?? null, filter.stationId ?? null];
  const perDay = await db.query<{ day: string; plays: string; duration_ms: string }>(
    `SELECT to_char(p.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*) AS plays,
            sum(p.duration_ms) AS duration_ms ${where} GROUP BY 1 ORDER BY 1`,
    params,
  );
  const perStation = await db.query<{
    station_id: string;
    station: string;
    plays: string;
    duration_ms: string;
  }>(
    `SELECT p.station_id, s.name AS station, count(*) AS plays, sum(p.duration_ms) AS duration_ms ${where}
     GROUP BY p.station_id, s.name ORDER BY count(*) DESC, s.name`,
    params,
  );
  return {
    perDay: perDay.rows.map((r) => ({
      day: r.day,
      plays: Number(r.plays),
      durationMs: Number(r.duration_ms),
    })),
    perStation: perStation.rows.map((r) => ({
      stationId: r.station_id,
      station: r.station,
      plays: Number(r.plays),
      durationMs: Number(r.duration_ms),
    })),
  };
}

/** The station's active plays overlapping [from, to] (playlog reconciliation). */
export async function activeOfStationBetween(
  db: Queryable,
  stationId: string,
  from: Date,
  to: Date,
): Promise<Play[]> {
  const { rows } = await db.query<PlayRow>(
    `${SELECT_PLAY} ${FROM_PLAY}
     WHERE p.station_id = $1 AND p.status = 'active' AND p.started_at <= $3 AND p.ended_at >= $2
     ORDER BY p.started_at, p.id`,
    [stationId, from, to],
  );
  return rows.map(toPlay);
}

/**
 * Serialises play assembly of one track on one station until the transaction
 * ends: two captures of one play matched at once must not both create it.
 */
export async function lockStationTrack(db: Queryable, stationId: string, trackId: string): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`play:${stationId}:${trackId}`]);
}

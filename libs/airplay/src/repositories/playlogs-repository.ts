// All SQL of playlogs and their entries: a station's CSV of what it played,
// its imported rows, and the report of the rows that were not imported.
import { finishPage, keysetClauses, type Page, type PageRequest, type Queryable } from '@zamio/db';

export interface RejectedRow {
  /** 1-based line number of the CSV record (the header is line 1). */
  row: number;
  problems: { field: string; message: string }[];
}

export interface Playlog {
  id: string;
  stationId: string;
  uploadId: string;
  rowCount: number;
  importedCount: number;
  rejectedRows: RejectedRow[];
  firstPlayedAt: Date | null;
  lastEndedAt: Date | null;
  createdAt: Date;
}

export interface PlaylogEntry {
  id: string;
  row: number;
  title: string;
  artist: string;
  isrc: string | null;
  playedAt: Date;
  durationMs: number;
  trackId: string | null;
}

export type NewPlaylogEntry = Omit<PlaylogEntry, 'id'>;

interface PlaylogRow {
  id: string;
  station_id: string;
  upload_id: string;
  row_count: number;
  imported_count: number;
  rejected_rows: RejectedRow[] | string;
  first_played_at: Date | null;
  last_ended_at: Date | null;
  created_at: Date;
}

interface EntryRow {
  id: string;
  row_number: number;
  title: string;
  artist: string;
  isrc: string | null;
  played_at: Date;
  duration_ms: number;
  track_id: string | null;
}

const COLUMNS = `l.id, l.station_id, l.upload_id, l.row_count, l.imported_count, l.rejected_rows, l.first_played_at,
  l.last_ended_at, l.created_at`;

const toPlaylog = (row: PlaylogRow): Playlog => ({
  id: row.id,
  stationId: row.station_id,
  uploadId: row.upload_id,
  rowCount: row.row_count,
  importedCount: row.imported_count,
  rejectedRows: typeof row.rejected_rows === 'string' ? JSON.parse(row.rejected_rows) : row.rejected_rows,
  firstPlayedAt: row.first_played_at ? new Date(row.first_played_at) : null,
  lastEndedAt: row.last_ended_at ? new Date(row.last_ended_at) : null,
  createdAt: new Date(row.created_at),
});

const toEntry = (row: EntryRow): PlaylogEntry => ({
  id: row.id,
  row: row.row_number,
  title: row.title,
  artist: row.artist,
  isrc: row.isrc,
  playedAt: new Date(row.played_at),
  durationMs: row.duration_ms,
  trackId: row.track_id,
});

/** The playlog and its entries (one multi-row insert). */
export async function insert(
  db: Queryable,
  playlog: {
    stationId: string;
    uploadId: string;
    uploadedBy: string;
    rowCount: number;
    rejectedRows: readonly RejectedRow[];
    entries: readonly NewPlaylogEntry[];
  },
): Promise<string> {
  const { entries } = playlog;
  const first = entries.length ? new Date(Math.min(...entries.map((e) => e.playedAt.getTime()))) : null;
  const last = entries.length
    ? new Date(Math.max(...entries.map((e) => e.playedAt.getTime() + e.durationMs)))
    : null;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO playlogs (station_id, upload_id, uploaded_by, row_count, imported_count, rejected_rows,
                           first_played_at, last_ended_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8) RETURNING id`,
    [
      playlog.stationId,
      playlog.uploadId,
      playlog.uploadedBy,
      playlog.rowCount,
      entries.length,
      JSON.stringify(playlog.rejectedRows),
      first,
      last,
    ],
  );
  const id = rows[0]!.id;
  if (entries.length > 0)
    await db.query(
      `INSERT INTO playlog_entries (playlog_id, station_id, row_number, title, artist, isrc, played_at, duration_ms,
                                    track_id)
       SELECT $1, $2, e.row_number, e.title, e.artist, e.isrc, e.played_at, e.duration_ms, e.track_id
         FROM unnest($3::int4[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::int4[], $9::uuid[])
              AS e(row_number, title, artist, isrc, played_at, duration_ms, track_id)`,
      [
        id,
        playlog.stationId,
        entries.map((e) => e.row),
        entries.map((e) => e.title),
        entries.map((e) => e.artist),
        entries.map((e) => e.isrc),
        entries.map((e) => e.playedAt.toISOString()),
        entries.map((e) => e.durationMs),
        entries.map((e) => e.trackId),
      ],
    );
  return id;
}

export async function findOwned(
  db: Queryable,
  stationId: string,
  playlogId: string,
): Promise<Playlog | undefined> {
  const { rows } = await db.query<PlaylogRow>(
    `SELECT ${COLUMNS} FROM playlogs l WHERE l.id = $1 AND l.station_id = $2`,
    [playlogId, stationId],
  );
  return rows[0] ? toPlaylog(rows[0]) : undefined;
}

export async function listOfStation(
  db: Queryable,
  stationId: string,
  page: PageRequest<'createdAt'>,
): Promise<Page<Playlog>> {
  const keyset = keysetClauses({ column: 'l.created_at', type: 'timestamptz' }, page, 'l.id', 2);
  const { rows } = await db.query<PlaylogRow & { page_key: string }>(
    `SELECT ${COLUMNS}, ${keyset.select} FROM playlogs l WHERE l.station_id = $1 AND ${keyset.where}
     ${keyset.orderLimit}`,
    [stationId, ...keyset.params],
  );
  return finishPage(rows, page, toPlaylog);
}

export async function entriesOf(db: Queryable, playlogId: string): Promise<PlaylogEntry[]> {
  const { rows } = await db.query<EntryRow>(
    `SELECT id, row_number, title, artist, isrc, played_at, duration_ms, track_id FROM playlog_entries
     WHERE playlog_id = $1 ORDER BY played_at, row_number`,
    [playlogId],
  );
  return rows.map(toEntry);
}

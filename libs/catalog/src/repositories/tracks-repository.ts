// All SQL of the tracks table. Artist-facing queries are scoped by the artist
// who owns the track (another artist's track is simply not found); the
// worker's queries (status changes of a fingerprint job) go by id and by the
// upload the job was for, so a job for replaced audio changes nothing.
import {
  finishPage,
  keysetClauses,
  type Page,
  type PageRequest,
  type Queryable,
  type SortKey,
} from '@zamio/db';
import { conflict } from '@zamio/errors';
import { uploadsRepository, type JoinedUploadRow, type UploadRecord } from '@zamio/files';

export const TRACK_STATUSES = ['draft', 'uploaded', 'processing', 'ready', 'failed'] as const;
export type TrackStatus = (typeof TRACK_STATUSES)[number];

export interface Track {
  id: string;
  artistId: string;
  title: string;
  isrc: string | null;
  album: string | null;
  genre: string | null;
  /** Calendar day, `YYYY-MM-DD`. */
  releaseDate: string | null;
  status: TrackStatus;
  failureReason: string | null;
  /** From the decoded audio. */
  durationMs: number | null;
  sampleRate: number | null;
  withdrawnAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  audio: UploadRecord | null;
}

export interface TrackDetails {
  title: string;
  isrc: string | null;
  album: string | null;
  genre: string | null;
  releaseDate: string | null;
}

type TrackRow = {
  id: string;
  artist_user_id: string;
  title: string;
  isrc: string | null;
  album: string | null;
  genre: string | null;
  release_date: string | null;
  status: TrackStatus;
  failure_reason: string | null;
  duration_ms: number | null;
  sample_rate: number | null;
  withdrawn_at: Date | null;
  created_at: Date;
  updated_at: Date;
} & JoinedUploadRow;

const SELECT_TRACK = `SELECT t.id, t.artist_user_id, t.title, t.isrc, t.album, t.genre,
       to_char(t.release_date, 'YYYY-MM-DD') AS release_date, t.status, t.failure_reason, t.duration_ms,
       t.sample_rate, t.withdrawn_at, t.created_at, t.updated_at, ${uploadsRepository.UPLOAD_JOIN_COLUMNS}`;
const FROM_TRACK = 'FROM tracks t LEFT JOIN uploads u ON u.id = t.audio_upload_id';

const toTrack = (row: TrackRow): Track => ({
  id: row.id,
  artistId: row.artist_user_id,
  title: row.title,
  isrc: row.isrc,
  album: row.album,
  genre: row.genre,
  releaseDate: row.release_date,
  status: row.status,
  failureReason: row.failure_reason,
  durationMs: row.duration_ms,
  sampleRate: row.sample_rate,
  withdrawnAt: row.withdrawn_at ? new Date(row.withdrawn_at) : null,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
  audio: uploadsRepository.fromJoin(row),
});

const isIsrcTaken = (error: unknown) =>
  (error as { code?: string }).code === '23505' && /tracks_isrc_key/.test(String(error));

const ISRC_TAKEN = (isrc: string | null) => conflict(`ISRC ${isrc} is already registered to another track`);

export async function insert(db: Queryable, artistId: string, details: TrackDetails): Promise<string> {
  try {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO tracks (artist_user_id, title, isrc, album, genre, release_date)
       VALUES ($1, $2, $3, $4, $5, $6::date) RETURNING id`,
      [artistId, details.title, details.isrc, details.album, details.genre, details.releaseDate],
    );
    return rows[0]!.id;
  } catch (error) {
    if (isIsrcTaken(error)) throw ISRC_TAKEN(details.isrc);
    throw error;
  }
}

/** Changes the descriptive fields; false when the artist has no such track. */
export async function updateDetails(
  db: Queryable,
  artistId: string,
  trackId: string,
  details: TrackDetails,
): Promise<boolean> {
  try {
    const { rowCount } = await db.query(
      `UPDATE tracks SET title = $3, isrc = $4, album = $5, genre = $6, release_date = $7::date, updated_at = now()
       WHERE id = $1 AND artist_user_id = $2`,
      [trackId, artistId, details.title, details.isrc, details.album, details.genre, details.releaseDate],
    );
    return rowCount > 0;
  } catch (error) {
    if (isIsrcTaken(error)) throw ISRC_TAKEN(details.isrc);
    throw error;
  }
}

export async function findOwned(
  db: Queryable,
  artistId: string,
  trackId: string,
): Promise<Track | undefined> {
  const { rows } = await db.query<TrackRow>(
    `${SELECT_TRACK} ${FROM_TRACK} WHERE t.id = $1 AND t.artist_user_id = $2`,
    [trackId, artistId],
  );
  return rows[0] ? toTrack(rows[0]) : undefined;
}

/** Any artist's track (worker jobs, events). */
export async function findById(db: Queryable, trackId: string): Promise<Track | undefined> {
  const { rows } = await db.query<TrackRow>(`${SELECT_TRACK} ${FROM_TRACK} WHERE t.id = $1`, [trackId]);
  return rows[0] ? toTrack(rows[0]) : undefined;
}

export const TRACK_SORTS = {
  createdAt: { column: 't.created_at', type: 'timestamptz' },
  title: { column: 't.title', type: 'text' },
} as const satisfies Record<string, SortKey>;
export type TrackSort = keyof typeof TRACK_SORTS;

export interface TrackFilter {
  status?: TrackStatus | undefined;
  /** Case-insensitive part of the title. */
  search?: string | undefined;
}

/** One page of the artist's tracks. */
export async function listOwned(
  db: Queryable,
  artistId: string,
  filter: TrackFilter,
  page: PageRequest<TrackSort>,
): Promise<Page<Track>> {
  const params: unknown[] = [artistId, filter.status ?? null, filter.search ?? null];
  const keyset = keysetClauses(TRACK_SORTS[page.sort], page, 't.id', params.length + 1);
  const { rows } = await db.query<TrackRow & { page_key: string }>(
    `${SELECT_TRACK}, ${keyset.select} ${FROM_TRACK}
     WHERE t.artist_user_id = $1 AND ($2::text IS NULL OR t.status = $2)
       AND ($3::text IS NULL OR t.title ILIKE '%' || $3 || '%') AND ${keyset.where}
     ${keyset.orderLimit}`,
    [...params, ...keyset.params],
  );
  return finishPage(rows, page, toTrack);
}

/**
 * Points the track at new audio: status `uploaded`, reason cleared (the
 * fingerprint job takes it from there); false when the artist has no such track.
 */
export async function setAudio(
  db: Queryable,
  artistId: string,
  trackId: string,
  uploadId: string,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE tracks SET audio_upload_id = $1, status = 'uploaded', failure_reason = NULL, updated_at = now()
     WHERE id = $2 AND artist_user_id = $3`,
    [uploadId, trackId, artistId],
  );
  return rowCount > 0;
}

/** The job for `uploadId` starts; false when the track's audio has been replaced since (nothing to do). */
export async function markProcessing(db: Queryable, trackId: string, uploadId: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE tracks SET status = 'processing', failure_reason = NULL, updated_at = now()
     WHERE id = $1 AND audio_upload_id = $2`,
    [trackId, uploadId],
  );
  return rowCount > 0;
}

export async function markReady(
  db: Queryable,
  trackId: string,
  uploadId: string,
  audio: { durationMs: number; sampleRate: number },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE tracks SET status = 'ready', failure_reason = NULL, duration_ms = $3, sample_rate = $4, updated_at = now()
     WHERE id = $1 AND audio_upload_id = $2`,
    [trackId, uploadId, audio.durationMs, audio.sampleRate],
  );
  return rowCount > 0;
}

export async function markFailed(
  db: Queryable,
  trackId: string,
  uploadId: string,
  reason: string,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE tracks SET status = 'failed', failure_reason = $3, updated_at = now()
     WHERE id = $1 AND audio_upload_id = $2`,
    [trackId, uploadId, reason],
  );
  return rowCount > 0;
}

/** Withdraws (at = now) or reinstates (at = null) the artist's track; false when there is none. */
export async function setWithdrawn(
  db: Queryable,
  artistId: string,
  trackId: string,
  withdrawn: boolean,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE tracks SET withdrawn_at = CASE WHEN $3 THEN COALESCE(withdrawn_at, now()) END, updated_at = now()
     WHERE id = $1 AND artist_user_id = $2`,
    [trackId, artistId, withdrawn],
  );
  return rowCount > 0;
}

/** The ids of catalogue tracks by normalised ISRC (playlog rows name tracks so). */
export async function idsByIsrc(db: Queryable, isrcs: readonly string[]): Promise<Map<string, string>> {
  if (isrcs.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; isrc: string }>(
    'SELECT id, isrc FROM tracks WHERE isrc = ANY($1::text[])',
    [[...new Set(isrcs)]],
  );
  return new Map(rows.map((row) => [row.isrc, row.id]));
}

/** Who owns each track (events go to the artist). */
export async function artistsOf(db: Queryable, trackIds: readonly string[]): Promise<Map<string, string>> {
  if (trackIds.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; artist_user_id: string }>(
    'SELECT id, artist_user_id FROM tracks WHERE id = ANY($1::uuid[])',
    [[...new Set(trackIds)]],
  );
  return new Map(rows.map((row) => [row.id, row.artist_user_id]));
}

/**
 * Tracks with audio that have no fingerprint of `paramsVersion` and no job
 * running or failed for their current audio: what a re-index (new params
 * version) or a lost job leaves to do. Oldest first.
 */
export async function needingFingerprint(
  db: Queryable,
  paramsVersion: number,
  limit: number,
  /** Only tracks unchanged since before this (a job queued just now is not lost). */
  updatedBefore: Date = new Date(),
): Promise<{ trackId: string; uploadId: string }[]> {
  const { rows } = await db.query<{ id: string; audio_upload_id: string }>(
    `SELECT t.id, t.audio_upload_id FROM tracks t
     WHERE t.audio_upload_id IS NOT NULL AND t.status <> 'failed' AND t.updated_at < $3
       AND NOT EXISTS (SELECT 1 FROM track_fingerprints f
                       WHERE f.track_id = t.id AND f.params_version = $1 AND f.upload_id = t.audio_upload_id)
     ORDER BY t.created_at, t.id LIMIT $2`,
    [paramsVersion, limit, updatedBefore],
  );
  return rows.map((row) => ({ trackId: row.id, uploadId: row.audio_upload_id }));
}

/** The artist's track with exactly this title (the command-line indexer names tracks by file). */
export async function findOwnedByTitle(
  db: Queryable,
  artistId: string,
  title: string,
): Promise<Track | undefined> {
  const { rows } = await db.query<TrackRow>(
    `${SELECT_TRACK} ${FROM_TRACK} WHERE t.artist_user_id = $1 AND t.title = $2 ORDER BY t.created_at LIMIT 1`,
    [artistId, title],
  );
  return rows[0] ? toTrack(rows[0]) : undefined;
}

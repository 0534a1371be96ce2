// All SQL of the tracks table. Every query is scoped by the artist who owns
// the track: another artist's track is simply not found.
import type { Queryable } from '@zamio/db';
import { uploadsRepository, type JoinedUploadRow, type UploadRecord } from '@zamio/files';

export interface Track {
  id: string;
  title: string;
  isrc: string | null;
  createdAt: Date;
  audio: UploadRecord | null;
}

type TrackRow = { id: string; title: string; isrc: string | null; created_at: Date } & JoinedUploadRow;

const SELECT_TRACK = `SELECT t.id, t.title, t.isrc, t.created_at, ${uploadsRepository.UPLOAD_JOIN_COLUMNS}
  FROM tracks t LEFT JOIN uploads u ON u.id = t.audio_upload_id`;

const toTrack = (row: TrackRow): Track => ({
  id: row.id,
  title: row.title,
  isrc: row.isrc,
  createdAt: new Date(row.created_at),
  audio: uploadsRepository.fromJoin(row),
});

export async function insert(
  db: Queryable,
  track: { artistId: string; title: string; isrc: string | undefined },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO tracks (artist_user_id, title, isrc) VALUES ($1, $2, $3) RETURNING id',
    [track.artistId, track.title, track.isrc ?? null],
  );
  return rows[0]!.id;
}

export async function findOwned(
  db: Queryable,
  artistId: string,
  trackId: string,
): Promise<Track | undefined> {
  const { rows } = await db.query<TrackRow>(`${SELECT_TRACK} WHERE t.id = $1 AND t.artist_user_id = $2`, [
    trackId,
    artistId,
  ]);
  return rows[0] ? toTrack(rows[0]) : undefined;
}

/** The artist's newest tracks first. */
export async function listOwned(db: Queryable, artistId: string, limit: number): Promise<Track[]> {
  const { rows } = await db.query<TrackRow>(
    `${SELECT_TRACK} WHERE t.artist_user_id = $1 ORDER BY t.created_at DESC, t.id LIMIT $2`,
    [artistId, limit],
  );
  return rows.map(toTrack);
}

/** Points the track at new audio; false when the artist has no such track. */
export async function setAudio(
  db: Queryable,
  artistId: string,
  trackId: string,
  uploadId: string,
): Promise<boolean> {
  const { rowCount } = await db.query(
    'UPDATE tracks SET audio_upload_id = $1 WHERE id = $2 AND artist_user_id = $3',
    [uploadId, trackId, artistId],
  );
  return rowCount > 0;
}

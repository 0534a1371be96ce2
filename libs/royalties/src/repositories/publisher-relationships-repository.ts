// All SQL of publisher relationships: invited → active (accepted) |
// declined; active → ended. Plays from effective_from until ended_at of an
// accepted relationship are paid to the publisher.
import type { Queryable } from '@zamio/db';
import { conflict } from '@zamio/errors';

export const RELATIONSHIP_STATUSES = ['invited', 'active', 'declined', 'ended'] as const;
export type RelationshipStatus = (typeof RELATIONSHIP_STATUSES)[number];

export interface PublisherRelationship {
  id: string;
  publisherId: string;
  publisherName: string;
  artistId: string;
  artistName: string;
  splitBp: number;
  status: RelationshipStatus;
  effectiveFrom: Date;
  invitedAt: Date;
  acceptedAt: Date | null;
  endedAt: Date | null;
}

interface Row {
  id: string;
  publisher_user_id: string;
  publisher_name: string;
  artist_user_id: string;
  artist_name: string;
  split_bp: number;
  status: RelationshipStatus;
  effective_from: Date;
  invited_at: Date;
  accepted_at: Date | null;
  ended_at: Date | null;
}
const toRelationship = (r: Row): PublisherRelationship => ({
  id: r.id,
  publisherId: r.publisher_user_id,
  publisherName: r.publisher_name,
  artistId: r.artist_user_id,
  artistName: r.artist_name,
  splitBp: r.split_bp,
  status: r.status,
  effectiveFrom: new Date(r.effective_from),
  invitedAt: new Date(r.invited_at),
  acceptedAt: r.accepted_at ? new Date(r.accepted_at) : null,
  endedAt: r.ended_at ? new Date(r.ended_at) : null,
});

const SELECT = `SELECT r.*, pu.display_name AS publisher_name, au.display_name AS artist_name
  FROM publisher_relationships r JOIN users pu ON pu.id = r.publisher_user_id JOIN users au ON au.id = r.artist_user_id`;

export async function insert(
  db: Queryable,
  invite: { publisherId: string; artistId: string; splitBp: number; effectiveFrom: Date },
): Promise<string> {
  try {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO publisher_relationships (publisher_user_id, artist_user_id, split_bp, effective_from)
       VALUES ($1, $2, $3, $4) RETURNING id`,
      [invite.publisherId, invite.artistId, invite.splitBp, invite.effectiveFrom],
    );
    return rows[0]!.id;
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      throw conflict('this artist is already invited by or signed to this publisher');
    throw error;
  }
}

export async function findById(db: Queryable, id: string): Promise<PublisherRelationship | undefined> {
  const { rows } = await db.query<Row>(`${SELECT} WHERE r.id = $1`, [id]);
  return rows[0] && toRelationship(rows[0]);
}

export async function listOf(
  db: Queryable,
  side: { publisherId: string } | { artistId: string },
  status?: RelationshipStatus,
): Promise<PublisherRelationship[]> {
  const column = 'publisherId' in side ? 'r.publisher_user_id' : 'r.artist_user_id';
  const { rows } = await db.query<Row>(
    `${SELECT} WHERE ${column} = $1 AND ($2::text IS NULL OR r.status = $2) ORDER BY r.invited_at DESC`,
    ['publisherId' in side ? side.publisherId : side.artistId, status ?? null],
  );
  return rows.map(toRelationship);
}

/** Moves an invitation or relationship on; false when it was not in `from` any more. */
export async function transition(
  db: Queryable,
  id: string,
  from: RelationshipStatus,
  to: RelationshipStatus,
): Promise<boolean> {
  try {
    const { rowCount } = await db.query(
      `UPDATE publisher_relationships SET status = $3,
              accepted_at = CASE WHEN $3 = 'active' THEN now() ELSE accepted_at END,
              ended_at = CASE WHEN $3 = 'ended' THEN now() ELSE ended_at END
        WHERE id = $1 AND status = $2`,
      [id, from, to],
    );
    return rowCount > 0;
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      throw conflict('the artist is already signed to a publisher; end that relationship first');
    throw error;
  }
}

/** Ids of the artists signed (active) to the publisher. */
export async function signedArtistIds(db: Queryable, publisherId: string): Promise<string[]> {
  const { rows } = await db.query<{ artist_user_id: string }>(
    `SELECT artist_user_id FROM publisher_relationships WHERE publisher_user_id = $1 AND status = 'active'`,
    [publisherId],
  );
  return rows.map((r) => r.artist_user_id);
}

export interface SignedTrack {
  trackId: string;
  title: string;
  isrc: string | null;
  status: string;
  artistId: string;
  artistName: string;
  createdAt: Date;
}

/** Tracks of the artists signed to the publisher (its catalogue). */
export async function catalogOf(db: Queryable, publisherId: string): Promise<SignedTrack[]> {
  const { rows } = await db.query<{
    id: string;
    title: string;
    isrc: string | null;
    status: string;
    artist_user_id: string;
    artist_name: string;
    created_at: Date;
  }>(
    `SELECT t.id, t.title, t.isrc, t.status, t.artist_user_id, u.display_name AS artist_name, t.created_at
       FROM publisher_relationships r JOIN tracks t ON t.artist_user_id = r.artist_user_id
       JOIN users u ON u.id = t.artist_user_id
      WHERE r.publisher_user_id = $1 AND r.status = 'active'
      ORDER BY u.display_name, t.title, t.id LIMIT 1000`,
    [publisherId],
  );
  return rows.map((r) => ({
    trackId: r.id,
    title: r.title,
    isrc: r.isrc,
    status: r.status,
    artistId: r.artist_user_id,
    artistName: r.artist_name,
    createdAt: new Date(r.created_at),
  }));
}

export interface SignedPlay {
  playId: string;
  trackId: string;
  trackTitle: string;
  artistName: string;
  stationName: string;
  startedAt: Date;
  durationMs: number;
  status: string;
}

/** Plays of the signed artists' tracks, newest first; `before` (a start instant) pages back. */
export async function playsOf(
  db: Queryable,
  publisherId: string,
  page: { before?: Date | undefined; limit: number },
): Promise<SignedPlay[]> {
  const { rows } = await db.query<{
    id: string;
    track_id: string;
    title: string;
    artist_name: string;
    station_name: string;
    started_at: Date;
    duration_ms: number;
    status: string;
  }>(
    `SELECT p.id, p.track_id, t.title, u.display_name AS artist_name, s.name AS station_name, p.started_at,
            p.duration_ms, p.status
       FROM publisher_relationships r JOIN tracks t ON t.artist_user_id = r.artist_user_id
       JOIN plays p ON p.track_id = t.id JOIN stations s ON s.id = p.station_id JOIN users u ON u.id = t.artist_user_id
      WHERE r.publisher_user_id = $1 AND r.status = 'active' AND p.status <> 'merged'
        AND ($2::timestamptz IS NULL OR p.started_at < $2)
      ORDER BY p.started_at DESC, p.id LIMIT $3`,
    [publisherId, page.before ?? null, page.limit],
  );
  return rows.map((r) => ({
    playId: r.id,
    trackId: r.track_id,
    trackTitle: r.title,
    artistName: r.artist_name,
    stationName: r.station_name,
    startedAt: new Date(r.started_at),
    durationMs: r.duration_ms,
    status: r.status,
  }));
}

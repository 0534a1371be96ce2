// All SQL of publisher relationships: invited → active (accepted) |
// declined; active → ended. Plays from effective_from until ended_at of an
// accepted relationship are paid to the publisher.
import {
  finishPage,
  keysetClauses,
  type Page,
  type PageRequest,
  type Queryable,
  type SortKey,
} from '@zamio/db';
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

export const CATALOG_SORTS = {
  title: { column: 't.title', type: 'text' },
  createdAt: { column: 't.created_at', type: 'timestamptz' },
} as const satisfies Record<string, SortKey>;
export type CatalogSort = keyof typeof CATALOG_SORTS;

/** One page of the tracks of the artists signed (active) to the publisher (its catalogue). */
export async function catalogOf(
  db: Queryable,
  publisherId: string,
  filter: { artistId?: string | undefined },
  page: PageRequest<CatalogSort>,
): Promise<Page<SignedTrack>> {
  const params: unknown[] = [publisherId, filter.artistId ?? null];
  const keyset = keysetClauses(CATALOG_SORTS[page.sort], page, 't.id', params.length + 1);
  const { rows } = await db.query<{
    id: string;
    page_key: string;
    title: string;
    isrc: string | null;
    status: string;
    artist_user_id: string;
    artist_name: string;
    created_at: Date;
  }>(
    `SELECT t.id, t.title, t.isrc, t.status, t.artist_user_id, u.display_name AS artist_name, t.created_at,
            ${keyset.select}
       FROM publisher_relationships r JOIN tracks t ON t.artist_user_id = r.artist_user_id
       JOIN users u ON u.id = t.artist_user_id
      WHERE r.publisher_user_id = $1 AND r.status = 'active' AND ($2::uuid IS NULL OR t.artist_user_id = $2)
        AND ${keyset.where}
      ${keyset.orderLimit}`,
    [...params, ...keyset.params],
  );
  return finishPage(rows, page, (r) => ({
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
  artistId: string;
  artistName: string;
  stationId: string;
  stationName: string;
  startedAt: Date;
  durationMs: number;
  status: string;
}

export const SIGNED_PLAY_SORTS = {
  startedAt: { column: 'p.started_at', type: 'timestamptz' },
  durationMs: { column: 'p.duration_ms', type: 'integer' },
} as const satisfies Record<string, SortKey>;
export type SignedPlaySort = keyof typeof SIGNED_PLAY_SORTS;

export interface SignedPlayFilter {
  artistId?: string | undefined;
  trackId?: string | undefined;
  stationId?: string | undefined;
  /** started_at in [from, to). */
  from?: Date | undefined;
  to?: Date | undefined;
}

// The signed artists' plays (not merged ones), filtered; parameters $1..$6.
const SIGNED_PLAYS = `FROM publisher_relationships r JOIN tracks t ON t.artist_user_id = r.artist_user_id
       JOIN plays p ON p.track_id = t.id JOIN stations s ON s.id = p.station_id JOIN users u ON u.id = t.artist_user_id
      WHERE r.publisher_user_id = $1 AND r.status = 'active'
        AND ($2::uuid IS NULL OR t.artist_user_id = $2) AND ($3::uuid IS NULL OR p.track_id = $3)
        AND ($4::uuid IS NULL OR p.station_id = $4)
        AND ($5::timestamptz IS NULL OR p.started_at >= $5) AND ($6::timestamptz IS NULL OR p.started_at < $6)`;
const signedPlayParams = (publisherId: string, f: SignedPlayFilter): unknown[] => [
  publisherId,
  f.artistId ?? null,
  f.trackId ?? null,
  f.stationId ?? null,
  f.from ?? null,
  f.to ?? null,
];

/** One page of the plays of the signed artists' tracks. */
export async function playsOf(
  db: Queryable,
  publisherId: string,
  filter: SignedPlayFilter,
  page: PageRequest<SignedPlaySort>,
): Promise<Page<SignedPlay>> {
  const params = signedPlayParams(publisherId, filter);
  const keyset = keysetClauses(SIGNED_PLAY_SORTS[page.sort], page, 'p.id', params.length + 1);
  const { rows } = await db.query<{
    id: string;
    page_key: string;
    track_id: string;
    title: string;
    artist_user_id: string;
    artist_name: string;
    station_id: string;
    station_name: string;
    started_at: Date;
    duration_ms: number;
    status: string;
  }>(
    `SELECT p.id, p.track_id, t.title, t.artist_user_id, u.display_name AS artist_name, p.station_id,
            s.name AS station_name, p.started_at, p.duration_ms, p.status, ${keyset.select}
       ${SIGNED_PLAYS} AND p.status <> 'merged' AND ${keyset.where}
      ${keyset.orderLimit}`,
    [...params, ...keyset.params],
  );
  return finishPage(rows, page, (r) => ({
    playId: r.id,
    trackId: r.track_id,
    trackTitle: r.title,
    artistId: r.artist_user_id,
    artistName: r.artist_name,
    stationId: r.station_id,
    stationName: r.station_name,
    startedAt: new Date(r.started_at),
    durationMs: r.duration_ms,
    status: r.status,
  }));
}

/** Active plays of the signed artists' tracks per station (most played first), for the chart. */
export async function playsPerStationOf(
  db: Queryable,
  publisherId: string,
  filter: SignedPlayFilter,
): Promise<{ stationId: string; station: string; plays: number; durationMs: number }[]> {
  const { rows } = await db.query<{
    station_id: string;
    station: string;
    plays: string;
    duration_ms: string;
  }>(
    `SELECT p.station_id, s.name AS station, count(*) AS plays, sum(p.duration_ms) AS duration_ms
       ${SIGNED_PLAYS} AND p.status = 'active'
      GROUP BY p.station_id, s.name ORDER BY count(*) DESC, s.name`,
    signedPlayParams(publisherId, filter),
  );
  return rows.map((r) => ({
    stationId: r.station_id,
    station: r.station,
    plays: Number(r.plays),
    durationMs: Number(r.duration_ms),
  }));
}

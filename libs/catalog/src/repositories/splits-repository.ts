// All SQL of a track's splits: effective-dated split sets (track_split_sets)
// and their shares (track_splits). A set is never changed once written; a
// new set takes over from its effective_from. The database refuses, at
// commit, any set whose shares do not total exactly 10000 bp.
import type { Queryable } from '@zamio/db';
import { conflict } from '@zamio/errors';

export const SPLIT_ROLES = [
  'artist',
  'composer',
  'producer',
  'writer',
  'featured_artist',
  'mixer',
  'engineer',
] as const;
export type SplitRole = (typeof SPLIT_ROLES)[number];

export interface Split {
  contributorId: string;
  /** The contributor's account, or null for an outside party. */
  userId: string | null;
  name: string;
  role: SplitRole;
  /** Basis points: 10000 = 100 %. */
  shareBp: number;
  /** Paid through this publisher under this set, if any. */
  publisherUserId: string | null;
}

export interface SplitSet {
  id: string;
  trackId: string;
  effectiveFrom: Date;
  createdAt: Date;
  splits: Split[];
}

export interface NewSplit {
  contributorId: string;
  role: SplitRole;
  shareBp: number;
  publisherUserId: string | null;
}

interface SplitRow {
  set_id: string;
  track_id: string;
  effective_from: Date;
  created_at: Date;
  contributor_id: string;
  user_id: string | null;
  name: string;
  role: SplitRole;
  share_bp: number;
  publisher_user_id: string | null;
}

const SELECT_SPLITS = `SELECT s.id AS set_id, s.track_id, s.effective_from, s.created_at, sp.contributor_id,
       c.user_id, c.name, sp.role, sp.share_bp, sp.publisher_user_id
  FROM track_split_sets s
  JOIN track_splits sp ON sp.split_set_id = s.id
  JOIN contributors c ON c.id = sp.contributor_id`;

/** Rows (ordered by set, then share) folded into sets in the same order. */
function toSets(rows: SplitRow[]): SplitSet[] {
  const sets = new Map<string, SplitSet>();
  for (const row of rows) {
    let set = sets.get(row.set_id);
    if (!set) {
      set = {
        id: row.set_id,
        trackId: row.track_id,
        effectiveFrom: new Date(row.effective_from),
        createdAt: new Date(row.created_at),
        splits: [],
      };
      sets.set(row.set_id, set);
    }
    set.splits.push({
      contributorId: row.contributor_id,
      userId: row.user_id,
      name: row.name,
      role: row.role,
      shareBp: row.share_bp,
      publisherUserId: row.publisher_user_id,
    });
  }
  return [...sets.values()];
}

/** Writes a set and its shares (one statement each); the totals are checked when the transaction commits. */
export async function insertSet(
  db: Queryable,
  set: { trackId: string; effectiveFrom: Date; createdBy: string; splits: readonly NewSplit[] },
): Promise<string> {
  let id: string;
  try {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO track_split_sets (track_id, effective_from, created_by) VALUES ($1, $2, $3) RETURNING id`,
      [set.trackId, set.effectiveFrom, set.createdBy],
    );
    id = rows[0]!.id;
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      throw conflict(`the track already has splits taking effect at ${set.effectiveFrom.toISOString()}`);
    throw error;
  }
  await db.query(
    `INSERT INTO track_splits (split_set_id, contributor_id, role, share_bp, publisher_user_id)
     SELECT $1, s.contributor_id, s.role, s.share_bp, s.publisher_user_id
       FROM unnest($2::uuid[], $3::text[], $4::int4[], $5::uuid[])
            AS s(contributor_id, role, share_bp, publisher_user_id)`,
    [
      id,
      set.splits.map((s) => s.contributorId),
      set.splits.map((s) => s.role),
      set.splits.map((s) => s.shareBp),
      set.splits.map((s) => s.publisherUserId),
    ],
  );
  return id;
}

/** The set in force at `at` (latest effective_from ≤ at), or undefined before the first. */
export async function inForce(db: Queryable, trackId: string, at: Date): Promise<SplitSet | undefined> {
  const { rows } = await db.query<SplitRow>(
    `${SELECT_SPLITS}
     WHERE s.id = (SELECT id FROM track_split_sets WHERE track_id = $1 AND effective_from <= $2
                   ORDER BY effective_from DESC LIMIT 1)
     ORDER BY sp.share_bp DESC, sp.contributor_id`,
    [trackId, at],
  );
  return toSets(rows)[0];
}

/** Every set of these tracks, oldest first per track: pricing many plays picks the set in force for each. */
export async function setsOfTracks(
  db: Queryable,
  trackIds: readonly string[],
): Promise<Map<string, SplitSet[]>> {
  const byTrack = new Map<string, SplitSet[]>();
  if (trackIds.length === 0) return byTrack;
  const { rows } = await db.query<SplitRow>(
    `${SELECT_SPLITS} WHERE s.track_id = ANY($1::uuid[])
     ORDER BY s.track_id, s.effective_from, s.id, sp.share_bp DESC, sp.contributor_id`,
    [[...new Set(trackIds)]],
  );
  for (const set of toSets(rows)) {
    const sets = byTrack.get(set.trackId) ?? [];
    sets.push(set);
    byTrack.set(set.trackId, sets);
  }
  return byTrack;
}

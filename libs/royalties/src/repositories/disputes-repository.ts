// All SQL of disputes on plays: open → upheld | rejected, once.
import {
  finishPage,
  keysetClauses,
  type Page,
  type PageRequest,
  type Queryable,
  type SortKey,
} from '@zamio/db';
import { conflict } from '@zamio/errors';

export const DISPUTE_STATUSES = ['open', 'upheld', 'rejected'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

export interface Dispute {
  id: string;
  playId: string;
  trackTitle: string;
  stationName: string;
  playStartedAt: Date;
  raisedBy: string;
  raisedByName: string;
  reason: string;
  evidenceUploadId: string | null;
  status: DisputeStatus;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  resolutionNote: string | null;
  createdAt: Date;
}

interface Row {
  id: string;
  play_id: string;
  title: string;
  station_name: string;
  started_at: Date;
  raised_by: string;
  raised_by_name: string;
  reason: string;
  evidence_upload_id: string | null;
  status: DisputeStatus;
  resolved_by: string | null;
  resolved_at: Date | null;
  resolution_note: string | null;
  created_at: Date;
}
const toDispute = (r: Row): Dispute => ({
  id: r.id,
  playId: r.play_id,
  trackTitle: r.title,
  stationName: r.station_name,
  playStartedAt: new Date(r.started_at),
  raisedBy: r.raised_by,
  raisedByName: r.raised_by_name,
  reason: r.reason,
  evidenceUploadId: r.evidence_upload_id,
  status: r.status,
  resolvedBy: r.resolved_by,
  resolvedAt: r.resolved_at ? new Date(r.resolved_at) : null,
  resolutionNote: r.resolution_note,
  createdAt: new Date(r.created_at),
});

// The columns a Row holds, written out so the list query can add its page key.
const COLUMNS = `d.id, d.play_id, d.raised_by, d.reason, d.evidence_upload_id, d.status, d.resolved_by,
  d.resolved_at, d.resolution_note, d.created_at, t.title, s.name AS station_name, p.started_at,
  u.display_name AS raised_by_name`;
const FROM = `FROM disputes d JOIN plays p ON p.id = d.play_id JOIN tracks t ON t.id = p.track_id
  JOIN stations s ON s.id = p.station_id JOIN users u ON u.id = d.raised_by`;

export async function insert(
  db: Queryable,
  dispute: { playId: string; raisedBy: string; reason: string; evidenceUploadId: string | null },
): Promise<string> {
  try {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO disputes (play_id, raised_by, reason, evidence_upload_id) VALUES ($1, $2, $3, $4) RETURNING id`,
      [dispute.playId, dispute.raisedBy, dispute.reason, dispute.evidenceUploadId],
    );
    return rows[0]!.id;
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      throw conflict('this play already has an open dispute');
    throw error;
  }
}

export async function findById(db: Queryable, id: string, forUpdate = false): Promise<Dispute | undefined> {
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} ${FROM} WHERE d.id = $1${forUpdate ? ' FOR UPDATE OF d' : ''}`,
    [id],
  );
  return rows[0] && toDispute(rows[0]);
}

export const DISPUTE_SORTS = {
  createdAt: { column: 'd.created_at', type: 'timestamptz' },
} as const satisfies Record<string, SortKey>;
export type DisputeSort = keyof typeof DISPUTE_SORTS;

/** One page of disputes (keyset), filtered by status and by who raised them. */
export async function list(
  db: Queryable,
  filter: { status?: DisputeStatus | undefined; raisedBy?: string | undefined },
  page: PageRequest<DisputeSort>,
): Promise<Page<Dispute>> {
  const params: unknown[] = [filter.status ?? null, filter.raisedBy ?? null];
  const keyset = keysetClauses(DISPUTE_SORTS[page.sort], page, 'd.id', params.length + 1);
  const { rows } = await db.query<Row & { page_key: string }>(
    `SELECT ${COLUMNS}, ${keyset.select} ${FROM}
     WHERE ($1::text IS NULL OR d.status = $1) AND ($2::uuid IS NULL OR d.raised_by = $2) AND ${keyset.where}
     ${keyset.orderLimit}`,
    [...params, ...keyset.params],
  );
  return finishPage(rows, page, toDispute);
}

export async function resolve(
  db: Queryable,
  id: string,
  resolution: { status: 'upheld' | 'rejected'; resolvedBy: string; note: string | null },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE disputes SET status = $2, resolved_by = $3, resolved_at = now(), resolution_note = $4
      WHERE id = $1 AND status = 'open'`,
    [id, resolution.status, resolution.resolvedBy, resolution.note],
  );
  return rowCount > 0;
}

/**
 * Whether the user has a stake in the play: paid for it, owns its track, holds
 * a share of it, or publishes the track's artist or one of its contributors.
 */
export async function hasStake(db: Queryable, playId: string, userId: string): Promise<boolean> {
  const { rows } = await db.query<{ found: boolean }>(
    `SELECT EXISTS (
       SELECT 1 FROM plays p JOIN tracks t ON t.id = p.track_id
        WHERE p.id = $1 AND (
          t.artist_user_id = $2
          OR EXISTS (SELECT 1 FROM ledger_entries le WHERE le.play_id = p.id AND le.account_kind = 'user' AND le.account_id = $2)
          OR EXISTS (SELECT 1 FROM track_split_sets ss JOIN track_splits sp ON sp.split_set_id = ss.id
                       JOIN contributors c ON c.id = sp.contributor_id
                      WHERE ss.track_id = t.id AND (c.user_id = $2 OR sp.publisher_user_id = $2))
          OR EXISTS (SELECT 1 FROM publisher_relationships r
                      WHERE r.publisher_user_id = $2 AND r.status = 'active' AND r.artist_user_id = t.artist_user_id))
     ) AS found`,
    [playId, userId],
  );
  return rows[0]!.found;
}

/** Whether the upload is a document the user uploaded (evidence must be the disputer's own). */
export async function ownsDocument(db: Queryable, uploadId: string, userId: string): Promise<boolean> {
  const { rows } = await db.query<{ found: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM uploads WHERE id = $1 AND owner_user_id = $2 AND kind = 'document') AS found`,
    [uploadId, userId],
  );
  return rows[0]!.found;
}

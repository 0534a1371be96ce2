// All SQL of the contributors table: the people who can hold a share of a
// track — a registered account (one contributor row per account) or a named
// outside party, kept per artist who named it.
import type { Queryable } from '@zamio/db';

export interface Contributor {
  id: string;
  /** The registered account, or null for an outside party. */
  userId: string | null;
  name: string;
  publisherUserId: string | null;
}

interface ContributorRow {
  id: string;
  user_id: string | null;
  name: string;
  publisher_user_id: string | null;
}

const COLUMNS = 'id, user_id, name, publisher_user_id';

const toContributor = (row: ContributorRow): Contributor => ({
  id: row.id,
  userId: row.user_id,
  name: row.name,
  publisherUserId: row.publisher_user_id,
});

/** The account's contributor row, created on first use; `publisherUserId` updates the signing when given. */
export async function ensureForAccount(
  db: Queryable,
  account: { userId: string; name: string; createdBy: string; publisherUserId?: string | null | undefined },
): Promise<Contributor> {
  const { rows } = await db.query<ContributorRow>(
    `INSERT INTO contributors (user_id, name, publisher_user_id, created_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id) WHERE user_id IS NOT NULL
     DO UPDATE SET publisher_user_id = CASE WHEN $5 THEN EXCLUDED.publisher_user_id
                                            ELSE contributors.publisher_user_id END
     RETURNING ${COLUMNS}`,
    [
      account.userId,
      account.name,
      account.publisherUserId ?? null,
      account.createdBy,
      account.publisherUserId !== undefined,
    ],
  );
  return toContributor(rows[0]!);
}

/** The artist's outside party of this name (case-insensitive), created on first use. */
export async function ensureOutsideParty(
  db: Queryable,
  party: { name: string; createdBy: string; publisherUserId?: string | null | undefined },
): Promise<Contributor> {
  const { rows } = await db.query<ContributorRow>(
    `INSERT INTO contributors (name, publisher_user_id, created_by) VALUES ($1, $2, $3)
     ON CONFLICT (created_by, lower(name)) WHERE user_id IS NULL
     DO UPDATE SET publisher_user_id = CASE WHEN $4 THEN EXCLUDED.publisher_user_id
                                            ELSE contributors.publisher_user_id END
     RETURNING ${COLUMNS}`,
    [party.name, party.publisherUserId ?? null, party.createdBy, party.publisherUserId !== undefined],
  );
  return toContributor(rows[0]!);
}

export async function findByIds(db: Queryable, ids: readonly string[]): Promise<Map<string, Contributor>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<ContributorRow>(
    `SELECT ${COLUMNS} FROM contributors WHERE id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((row) => [row.id, toContributor(row)]));
}

// The schema version this code needs. Bump it with every new migration file
// (a test keeps it equal to the newest file). Ready checks compare it with the
// database, so a release never serves traffic on a schema older than it needs.
import type { Queryable } from './database';
import { SCHEMA_TABLE } from './migrate';

export const REQUIRED_SCHEMA_VERSION = 7;

export async function currentSchemaVersion(db: Queryable): Promise<number> {
  try {
    const { rows } = await db.query<{ version: string | number | null }>(
      `SELECT max(version) AS version FROM ${SCHEMA_TABLE}`,
    );
    return Number(rows[0]?.version ?? 0);
  } catch (error) {
    // 42P01: the table does not exist yet (nothing migrated).
    if ((error as { code?: string }).code === '42P01' || /does not exist/.test(String(error))) return 0;
    throw error;
  }
}

/** The cheapest round trip: does the database answer at all? */
export async function pingDatabase(db: Queryable): Promise<void> {
  await db.query('SELECT 1');
}

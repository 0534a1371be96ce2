// Row count and content checksum of every table of a database, so a restore
// can be proven equal to what was backed up (not just "pg_restore exited 0").
// The checksum is md5 over every row's text form in a stable order: equal
// data gives equal sums whatever the physical order of rows.
import pg from 'pg';

export type TableFingerprints = Record<string, { rows: number; md5: string }>;

export async function fingerprintTables(url: string): Promise<TableFingerprints> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
        ORDER BY 1, 2`,
    );
    const fingerprints: TableFingerprints = {};
    for (const { schema, name } of tables) {
      const table = `${pg.escapeIdentifier(schema)}.${pg.escapeIdentifier(name)}`;
      const { rows } = await client.query<{ rows: string; md5: string | null }>(
        `SELECT count(*) AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM ${table} t`,
      );
      fingerprints[`${schema}.${name}`] = { rows: Number(rows[0]!.rows), md5: rows[0]!.md5 ?? '' };
    }
    return fingerprints;
  } finally {
    await client.end();
  }
}

/** Tables whose count or checksum differ (or exist on one side only). */
export function fingerprintDifferences(expected: TableFingerprints, actual: TableFingerprints): string[] {
  const differences: string[] = [];
  for (const [table, want] of Object.entries(expected)) {
    const got = actual[table];
    if (!got) differences.push(`${table}: missing after restore`);
    else if (got.rows !== want.rows) differences.push(`${table}: ${got.rows} rows, expected ${want.rows}`);
    else if (got.md5 !== want.md5) differences.push(`${table}: same ${got.rows} rows but different content`);
  }
  for (const table of Object.keys(actual))
    if (!expected[table]) differences.push(`${table}: not in the backup`);
  return differences;
}

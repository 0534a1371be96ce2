// `zamio-restore postgres`: restores a `zamio-backup postgres` dump into a
// fresh database (created here with --create, or an existing empty one), in
// one transaction (a failure leaves the target as it was), then proves it:
// every table's row count and checksum must match the backup's manifest.
// It never restores over data: a target with tables is refused.
import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { manifestPathOf, verifyDump, type PostgresManifest } from './postgres-backup';
import { sha256File } from './sha256';
import { BackupError, libpqTarget, runTool, tail } from './run-tool';
import { fingerprintDifferences, fingerprintTables } from './table-fingerprints';

export interface RestoreResult {
  database: string;
  tables: number;
  rows: number;
}

export async function restorePostgres(options: {
  file: string;
  url: string;
  create: boolean;
}): Promise<RestoreResult> {
  const manifest = readManifest(options.file);
  const actualSha = await sha256File(options.file);
  if (actualSha !== manifest.sha256)
    throw new BackupError(
      `${options.file} does not match its manifest (sha256 ${actualSha}, expected ${manifest.sha256})`,
    );
  await verifyDump(options.file);

  const target = libpqTarget(options.url);
  if (options.create) await createDatabase(options.url);
  await refuseNonEmpty(options.url);
  const restore = await runTool(
    'pg_restore',
    [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      `--dbname=${target.dbname}`,
      options.file,
    ],
    target.env,
  );
  if (restore.code !== 0)
    throw new BackupError(
      `pg_restore into ${target.display} failed (nothing was kept):\n${tail(restore.stderr)}`,
    );

  const differences = fingerprintDifferences(manifest.tables, await fingerprintTables(options.url));
  if (differences.length > 0)
    throw new BackupError(
      `restored ${target.display}, but it differs from the backup:\n  ${differences.join('\n  ')}`,
    );
  const tables = Object.values(manifest.tables);
  return {
    database: target.display,
    tables: tables.length,
    rows: tables.reduce((sum, t) => sum + t.rows, 0),
  };
}

function readManifest(file: string): PostgresManifest {
  const path = manifestPathOf(file);
  if (!existsSync(file)) throw new BackupError(`${file} does not exist`);
  if (!existsSync(path))
    throw new BackupError(
      `${path} is missing: zamio-restore checks the restore against the manifest written by zamio-backup`,
    );
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as PostgresManifest;
  if (manifest.kind !== 'zamio-postgres-backup')
    throw new BackupError(`${path} is not a zamio-backup manifest`);
  return manifest;
}

async function createDatabase(url: string): Promise<void> {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.slice(1));
  parsed.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: parsed.toString() });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount)
      throw new BackupError(`database "${name}" already exists; restore into a new name (or drop it first)`);
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
}

async function refuseNonEmpty(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tables: string }>(
      `SELECT count(*) AS tables FROM information_schema.tables
        WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    if (Number(rows[0]!.tables) > 0)
      throw new BackupError(
        `${libpqTarget(url).display} already has ${rows[0]!.tables} tables: restore into a fresh database (--create), never over data`,
      );
  } finally {
    await client.end();
  }
}

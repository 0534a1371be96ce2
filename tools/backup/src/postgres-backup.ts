// `zamio-backup postgres`: pg_dump in custom format (compressed, restorable
// table by table with pg_restore), verified by reading its table of contents
// back with pg_restore --list, and a manifest beside it with the sha256 of the
// dump and every table's row count and checksum, which `zamio-restore` checks.
// Written to a temporary name and renamed: a failed backup never leaves a
// file that looks complete.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { BackupError, libpqTarget, runTool, tail } from './run-tool';
import { sha256File } from './sha256';
import { fingerprintTables, type TableFingerprints } from './table-fingerprints';

export interface PostgresManifest {
  kind: 'zamio-postgres-backup';
  created_at: string;
  database: string;
  dump: string;
  sha256: string;
  /** TOC entries pg_restore --list found (tables, indexes, constraints, data…). */
  toc_entries: number;
  tables: TableFingerprints;
}

export const manifestPathOf = (dumpPath: string) => `${dumpPath}.manifest.json`;

export async function backupPostgres(options: { url: string; out: string }): Promise<PostgresManifest> {
  const target = libpqTarget(options.url);
  const partial = `${options.out}.partial`;
  try {
    // Fingerprint first: a table written to during the dump would then differ
    // at restore, which is what the check is for (back up a quiet database, or
    // a replica, for an exact drill).
    const tables = await fingerprintTables(options.url);
    const dump = await runTool(
      'pg_dump',
      ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`, `--dbname=${target.dbname}`],
      target.env,
    );
    if (dump.code !== 0) throw new BackupError(`pg_dump of ${target.display} failed:\n${tail(dump.stderr)}`);
    const entries = await verifyDump(partial);
    renameSync(partial, options.out);
    const manifest: PostgresManifest = {
      kind: 'zamio-postgres-backup',
      created_at: new Date().toISOString(),
      database: target.display,
      dump: options.out,
      sha256: await sha256File(options.out),
      toc_entries: entries,
      tables,
    };
    writeFileSync(manifestPathOf(options.out), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    rmSync(partial, { force: true });
  }
}

/** pg_restore --list reads the whole table of contents: a truncated or foreign file fails here. */
export async function verifyDump(path: string): Promise<number> {
  const list = await runTool('pg_restore', ['--list', path]);
  if (list.code !== 0)
    throw new BackupError(`${path} is not a readable pg_dump archive:\n${tail(list.stderr)}`);
  const entries = list.stdout.split('\n').filter((line) => /^\d+;/.test(line)).length;
  if (entries === 0) throw new BackupError(`${path} contains no objects`);
  return entries;
}

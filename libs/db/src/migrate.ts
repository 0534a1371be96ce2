// Applies the SQL migrations with postgrator, under a session-level Postgres
// advisory lock (as Immich does) so parallel starters never race: the second
// waits, then finds nothing left to do. Checksums of applied files are
// validated, so an edited migration fails loudly instead of drifting.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Postgrator from 'postgrator';
import type { Database, Queryable } from './database';

/** Arbitrary constant shared by every ZamIO release: "zamio" in ASCII. */
export const MIGRATION_LOCK_ID = 0x7a616d696f;
export const SCHEMA_TABLE = 'schema_migrations';

export interface MigrateOptions {
  migrationsDir?: string;
  /** statement_timeout for migrations: longer than the app's, DDL can be slow. */
  statementTimeoutMs?: number;
  onApplied?: (migration: { version: number; name: string }) => void;
  onWaitingForLock?: () => void;
}

export interface MigrateResult {
  applied: { version: number; name: string }[];
  version: number;
}

/** Bundled apps ship migrations next to main.js; in the repo they sit beside src/. */
export function defaultMigrationsDir(): string {
  for (const candidate of ['./migrations/', '../migrations/']) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error('migrations folder not found next to the bundle or the db library');
}

export async function migrate(db: Database, options: MigrateOptions = {}): Promise<MigrateResult> {
  const dir = options.migrationsDir ?? defaultMigrationsDir();
  return db.withConnection(async (connection) => {
    if (db.kind === 'postgres') {
      await connection.query(
        `SET statement_timeout = ${Math.max(0, Math.floor(options.statementTimeoutMs ?? 600_000))}`,
      );
      const { rows } = await connection.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock($1) AS locked',
        [MIGRATION_LOCK_ID],
      );
      if (!rows[0]?.locked) {
        options.onWaitingForLock?.();
        await connection.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
      }
    }
    try {
      const postgrator = new Postgrator({
        driver: 'pg',
        schemaTable: SCHEMA_TABLE,
        migrationPattern: `${dir.replace(/\/$/, '')}/*.do.*.sql`,
        validateChecksums: true,
        ...atomicExecutors(connection),
      });
      postgrator.on('migration-finished', (m: Postgrator.Migration) =>
        options.onApplied?.({ version: m.version, name: m.name }),
      );
      const applied = await postgrator.migrate();
      const version = await postgrator.getDatabaseVersion();
      return { applied: applied.map((m) => ({ version: m.version, name: m.name })), version };
    } finally {
      if (db.kind === 'postgres') {
        await connection.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
        await connection.query('RESET statement_timeout').catch(() => undefined);
      }
    }
  });
}

// postgrator runs a migration's script and then the INSERT that records it as
// two calls. Holding the script back and sending both as one multi-statement
// simple query makes them one implicit transaction: a failed migration leaves
// neither its changes nor its record behind.
function atomicExecutors(connection: Queryable) {
  let pendingScript: string | undefined;
  return {
    execSqlScript: async (script: string) => {
      pendingScript = script;
    },
    execQuery: async (query: string) => {
      if (pendingScript !== undefined && /INSERT INTO\s+"?schema_migrations/i.test(query)) {
        const script = pendingScript;
        pendingScript = undefined;
        await connection.query(`${script.trim().replace(/;?\s*$/, ';')}\n${query}`);
        return { rows: [] };
      }
      const result = await connection.query(query);
      return { rows: result.rows };
    },
  };
}

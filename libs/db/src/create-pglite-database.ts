// Embedded PostgreSQL (PGlite, WASM) for `npm start` and quick tests: the same
// SQL and migrations as the server, one connection, data in a local folder.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database';

/** Data in `dataDir` (relative to the working directory), or in memory when undefined. */
export async function createPgliteDatabase(dataDir?: string): Promise<Database> {
  if (dataDir !== undefined) {
    mkdirSync(dataDir, { recursive: true });
    claimFolder(dataDir);
  }
  const db = await PGlite.create(dataDir !== undefined ? { dataDir } : {});
  // PGlite has a single connection: serialise work so a transaction is never
  // interleaved with another caller's statements.
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = tail.then(fn, fn);
    tail = next.catch(() => undefined);
    return next;
  };
  const direct: Queryable = {
    async query(text, params) {
      if (!params || params.length === 0) {
        // Multi-statement scripts (migrations) need the simple protocol.
        const results = await db.exec(text);
        const last = results.at(-1);
        return {
          rows: (last?.rows ?? []) as never[],
          rowCount: last?.affectedRows ?? last?.rows.length ?? 0,
        };
      }
      const result = await db.query(text, params as unknown[]);
      return { rows: result.rows as never[], rowCount: result.affectedRows ?? result.rows.length };
    },
  };

  return {
    kind: 'pglite',
    query: (text, params) => exclusive(() => direct.query(text, params)),
    transaction: (fn) =>
      exclusive(async () => {
        await direct.query('BEGIN');
        try {
          const result = await fn(direct);
          await direct.query('COMMIT');
          return result;
        } catch (error) {
          await direct.query('ROLLBACK');
          throw error;
        }
      }),
    withConnection: (fn) => exclusive(() => fn(direct)),
    stats: () => ({ total: 1, idle: 1, waiting: 0, max: 1 }),
    close: async () => {
      await db.close();
      if (dataDir !== undefined) rmSync(join(dataDir, LOCK_FILE), { force: true });
    },
  };
}

const LOCK_FILE = 'zamio.pid';

// PGlite is one process's database: a second process opening the same folder
// would corrupt it. Refuse with a message that says what to do instead.
function claimFolder(dir: string): void {
  const lock = join(dir, LOCK_FILE);
  try {
    const pid = Number(readFileSync(lock, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `the embedded database in ${dir} is in use by process ${pid}; run one embedded process (npm start), or point DATABASE_URL at PostgreSQL`,
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  writeFileSync(lock, String(process.pid));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

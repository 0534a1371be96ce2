// Embedded PostgreSQL (PGlite, WASM) for `npm start` and quick tests: the same
// SQL and migrations as the server, one connection, data in a local folder.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database';

/** `pglite:memory` or `pglite:<dir>` (relative to the working directory). */
export async function createPgliteDatabase(url: string): Promise<Database> {
  const location = url.replace(/^pglite:/, '');
  let dataDir: string | undefined;
  if (location && location !== 'memory') {
    mkdirSync(location, { recursive: true });
    dataDir = location;
  }
  const db = await PGlite.create(dataDir ? { dataDir } : {});
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
        return { rows: (last?.rows ?? []) as never[], rowCount: last?.affectedRows ?? last?.rows.length ?? 0 };
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
    close: () => db.close(),
  };
}

// Repository suites run twice, against the real PostgreSQL server (a fresh
// database) and against embedded PGlite, migrated alike: the same SQL must
// behave the same on both, as production and `npm start` need.
import { afterAll, beforeAll, describe } from 'vitest';
import { createPgliteDatabase, createPostgresDatabase, migrate, type Database } from '@zamio/db';
import { createTestDatabase, type TestDatabase } from '@zamio/testing';

export type DatabaseKind = Database['kind'];

/** Declares `suite` once per database kind; `db()` is the migrated database of the running suite. */
export function describeOnBothDatabases(
  title: string,
  suite: (db: () => Database, kind: DatabaseKind) => void,
): void {
  for (const kind of ['postgres', 'pglite'] as const) {
    describe(`${title} (${kind})`, () => {
      let database: Database | undefined;
      let server: TestDatabase | undefined;
      beforeAll(async () => {
        if (kind === 'postgres') {
          server = await createTestDatabase();
          database = createPostgresDatabase({
            url: server.url,
            poolMax: 4,
            idleTimeoutMs: 1_000,
            connectTimeoutMs: 5_000,
            acquireTimeoutMs: 5_000,
            statementTimeoutMs: 30_000,
            applicationName: 'repository-test',
          });
        } else {
          database = await createPgliteDatabase();
        }
        await migrate(database, { statementTimeoutMs: 60_000 });
      });
      afterAll(async () => {
        await database?.close();
        await server?.drop();
      });
      suite(() => {
        if (!database) throw new Error('the test database is not open yet (use it inside tests or hooks)');
        return database;
      }, kind);
    });
  }
}

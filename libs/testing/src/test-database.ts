// Integration tests run against the real PostgreSQL server (the machine's, or
// TEST_DATABASE_URL / DATABASE_URL): each test file gets its own fresh
// database and drops it afterwards, so no test depends on leftovers.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { isEmbeddedDatabaseUrl } from '@zamio/env';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** The server's maintenance database URL used to create and drop test databases. */
export function adminDatabaseUrl(env: Record<string, string | undefined> = process.env): string {
  const serverUrl =
    env.DATABASE_URL !== undefined && !isEmbeddedDatabaseUrl(env.DATABASE_URL) ? env.DATABASE_URL : '';
  return env.TEST_DATABASE_URL ?? (env.DATABASE_URL === undefined ? DEFAULT_SERVER_URL : serverUrl);
}

export async function createTestDatabase(prefix = 'zamio_test'): Promise<TestDatabase> {
  const adminUrl = adminDatabaseUrl() || DEFAULT_SERVER_URL;
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

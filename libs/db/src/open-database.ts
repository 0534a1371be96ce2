// Opens the database the config describes: the embedded PGlite or a pooled
// PostgreSQL server (libs/env decided which, from DATABASE_URL). PGlite is
// loaded only when asked for (dynamic import), so production images, which
// never run it, leave the 20 MB package out.
import { createPostgresDatabase, type DatabaseClientOptions } from './create-postgres-database';
import type { DatabaseConfig } from '@zamio/env';
import type { Database } from './database';

export async function openDatabase(
  config: DatabaseConfig,
  options: DatabaseClientOptions,
): Promise<Database> {
  if (config.kind === 'pglite') return createPgliteDatabase(config.dataDir);
  return createPostgresDatabase({ ...config, ...options });
}

/** Embedded PostgreSQL in `dataDir`, or in memory (see create-pglite-database.ts). */
export async function createPgliteDatabase(dataDir?: string): Promise<Database> {
  const embedded = await import('./create-pglite-database');
  return embedded.createPgliteDatabase(dataDir);
}

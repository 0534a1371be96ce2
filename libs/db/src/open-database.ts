// Opens the database the config describes: the embedded PGlite or a pooled
// PostgreSQL server (libs/env decided which, from DATABASE_URL).
import type { DatabaseConfig } from '@zamio/env';
import { createPgliteDatabase } from './create-pglite-database';
import { createPostgresDatabase, type DatabaseClientOptions } from './create-postgres-database';
import type { Database } from './database';

export async function openDatabase(
  config: DatabaseConfig,
  options: DatabaseClientOptions,
): Promise<Database> {
  if (config.kind === 'pglite') return createPgliteDatabase(config.dataDir);
  return createPostgresDatabase({ ...config, ...options });
}

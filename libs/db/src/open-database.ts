// Picks the implementation from DATABASE_URL: `pglite:` embedded, else pg.
import { createPgliteDatabase } from './create-pglite-database';
import { createPostgresDatabase, type PostgresSettings } from './create-postgres-database';
import type { Database } from './database';

export async function openDatabase(settings: PostgresSettings): Promise<Database> {
  if (settings.url.startsWith('pglite:')) return createPgliteDatabase(settings.url);
  return createPostgresDatabase(settings);
}

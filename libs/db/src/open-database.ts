// Picks the implementation from DATABASE_URL: `pglite:` embedded, else pg.
// PGlite is loaded only when asked for (dynamic import), so production images,
// which never run it, leave the 20 MB package out.
import { createPostgresDatabase, type PostgresSettings } from './create-postgres-database';
import type { Database } from './database';

export async function openDatabase(settings: PostgresSettings): Promise<Database> {
  if (settings.url.startsWith('pglite:')) return createPgliteDatabase(settings.url);
  return createPostgresDatabase(settings);
}

/** `pglite:memory` or `pglite:<dir>`: embedded PostgreSQL (see create-pglite-database.ts). */
export async function createPgliteDatabase(url: string): Promise<Database> {
  const embedded = await import('./create-pglite-database');
  return embedded.createPgliteDatabase(url);
}

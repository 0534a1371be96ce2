// `npm run db:manifest -w @zamio/db`: records newly added migration files in
// migrations/manifest.json. Released entries are never rewritten: an edited,
// removed or reordered migration makes this exit 1 instead.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appendToManifest, MANIFEST_FILE, readManifest, readMigrationFiles } from '../src/migration-manifest';

const dir = join(import.meta.dirname, '../migrations');
try {
  const current = existsSync(join(dir, MANIFEST_FILE)) ? readManifest(dir) : {};
  const next = appendToManifest(readMigrationFiles(dir), current);
  writeFileSync(join(dir, MANIFEST_FILE), `${JSON.stringify(next, null, 2)}\n`);
  const added = Object.keys(next).length - Object.keys(current).length;
  console.log(`${MANIFEST_FILE}: ${Object.keys(next).length} migrations (${added} added)`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

// Migrations are append-only: once a file is released, its name, position and
// content are frozen. migrations/manifest.json records each file's sha256 in
// order; `npm run db:manifest -w @zamio/db` appends new files (and refuses to
// rewrite existing entries), and a test fails CI when the folder and the
// manifest disagree.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MANIFEST_FILE = 'manifest.json';
const MIGRATION_FILE = /^(\d+)\.do\.[a-z0-9-]+\.sql$/;

export type MigrationManifest = Record<string, string>;

export interface MigrationFile {
  name: string;
  version: number;
  sha256: string;
}

export function readMigrationFiles(dir: string): MigrationFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .map((name) => {
      const match = MIGRATION_FILE.exec(name);
      if (!match) throw new Error(`migration file ${name} must be named NNN.do.kebab-name.sql`);
      return {
        name,
        version: Number(match[1]),
        sha256: createHash('sha256')
          .update(readFileSync(join(dir, name)))
          .digest('hex'),
      };
    })
    .sort((a, b) => a.version - b.version);
}

export function readManifest(dir: string): MigrationManifest {
  return JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as MigrationManifest;
}

/** Every way the folder breaks the append-only rule; empty when it keeps it. */
export function appendOnlyViolations(files: readonly MigrationFile[], manifest: MigrationManifest): string[] {
  const problems: string[] = [];
  const recorded = Object.entries(manifest);
  const byName = new Map(files.map((f) => [f.name, f]));
  const versions = new Set<number>();
  for (const file of files) {
    if (versions.has(file.version)) problems.push(`version ${file.version} is used by more than one file`);
    versions.add(file.version);
  }
  recorded.forEach(([name, sha256], index) => {
    const file = byName.get(name);
    if (!file) problems.push(`${name} was released and must not be removed or renamed`);
    else if (file.sha256 !== sha256)
      problems.push(`${name} was released and must not be edited (write a new migration instead)`);
    else if (files[index]?.name !== name)
      problems.push(`${name} was released at position ${index + 1} and must not be reordered`);
  });
  const lastRecorded = Math.max(0, ...recorded.map(([name]) => byName.get(name)?.version ?? 0));
  for (const file of files.filter((f) => !(f.name in manifest))) {
    if (file.version <= lastRecorded)
      problems.push(
        `${file.name} is new but numbered before released migrations; give it a number after ${lastRecorded}`,
      );
  }
  return problems;
}

/** The manifest with new files appended; throws if a released entry would change. */
export function appendToManifest(
  files: readonly MigrationFile[],
  manifest: MigrationManifest,
): MigrationManifest {
  const problems = appendOnlyViolations(files, manifest);
  if (problems.length > 0) throw new Error(`migrations are append-only:\n- ${problems.join('\n- ')}`);
  const next: MigrationManifest = { ...manifest };
  for (const file of files) next[file.name] ??= file.sha256;
  return next;
}

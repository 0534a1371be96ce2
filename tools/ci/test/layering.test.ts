// The rooms of docs/architecture.md, checked on the source: SQL lives only in
// repositories (and libs/db's own plumbing and migrations), process.env is read
// only by libs/env and tool entry points, and app entry points stay short
// compositions.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const SKIP_DIRS = new Set(['node_modules', 'dist', '.nx', 'coverage', 'test', 'bench', 'vite']);

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!SKIP_DIRS.has(name)) yield* sources(path);
    } else if (/\.tsx?$/.test(name) && !/\.(test|config)\.tsx?$/.test(name)) yield relative(root, path);
  }
}

const appAndLibSources = () => [...sources(join(root, 'apps')), ...sources(join(root, 'libs'))];

// A statement as written in a string: the verb and the word that must follow it.
const SQL = /\b(SELECT\s[\s\S]*?\bFROM\s|INSERT\s+INTO\s|UPDATE\s+\w+\s+(\w+\s+)?SET\s|DELETE\s+FROM\s)/;

const offending = (files: string[], pattern: RegExp) =>
  files.filter((file) =>
    readFileSync(join(root, file), 'utf8')
      .split('\n')
      .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
      .some((line) => pattern.test(line)),
  );

describe('layering', () => {
  it('keeps SQL in repositories (and libs/db, which runs migrations and locks)', () => {
    const outside = appAndLibSources().filter(
      (file) =>
        !file.includes('/repositories/') && !file.startsWith('libs/db/') && !file.startsWith('libs/testing/'),
    );
    expect(outside.length).toBeGreaterThan(50);
    expect(offending(outside, SQL)).toEqual([]);
  });

  it('reads process.env only in libs/env and in test support (libs/testing, */src/testing)', () => {
    const readers = offending(appAndLibSources(), /process\.env\b/);
    const testSupport = (file: string) => file.startsWith('libs/testing/') || file.includes('/src/testing/');
    expect(readers.filter((file) => !file.startsWith('libs/env/') && !testSupport(file))).toEqual([]);
  });

  it('finds SQL where it is (the check can fail)', () => {
    expect(offending(['libs/system-status/src/repositories/heartbeats-repository.ts'], SQL)).toHaveLength(1);
  });
});

// Migrations against the real Postgres: concurrent runs apply each file once
// (advisory lock), an edited applied file fails checksum validation, the
// folder stays append-only against manifest.json, and the code's required
// schema version is the newest file.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@zamio/testing';
import {
  appendOnlyViolations,
  createPostgresDatabase,
  currentSchemaVersion,
  defaultMigrationsDir,
  migrate,
  readManifest,
  readMigrationFiles,
  REQUIRED_SCHEMA_VERSION,
  SCHEMA_TABLE,
  type Database,
} from '../src/index';

const open = (url: string, name: string): Database =>
  createPostgresDatabase({
    url,
    poolMax: 2,
    idleTimeoutMs: 5_000,
    connectTimeoutMs: 5_000,
    acquireTimeoutMs: 5_000,
    statementTimeoutMs: 5_000,
    applicationName: name,
  });

describe('migrate on the real Postgres', () => {
  let testDb: TestDatabase;
  const opened: Database[] = [];
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(opened.map((db) => db.close()));
    await testDb.drop();
  });

  it('two concurrent runs apply every migration exactly once; one of them waits for the lock', async () => {
    const [a, b] = [open(testDb.url, 'migrate-a'), open(testDb.url, 'migrate-b')];
    opened.push(a, b);
    const waited: string[] = [];
    const [first, second] = await Promise.all([
      migrate(a, { onWaitingForLock: () => waited.push('a') }),
      migrate(b, { onWaitingForLock: () => waited.push('b') }),
    ]);
    const files = readMigrationFiles(defaultMigrationsDir());
    // Between them, each file was applied once, never twice.
    const applied = [...first.applied, ...second.applied].map((m) => m.version).sort((x, y) => x - y);
    expect(applied).toEqual(files.map((f) => f.version));
    expect(Math.min(first.applied.length, second.applied.length)).toBe(0);
    expect(waited).toHaveLength(1);
    const { rows } = await a.query<{ version: string; n: string }>(
      `SELECT version, count(*) AS n FROM ${SCHEMA_TABLE} WHERE version > 0 GROUP BY version ORDER BY version`,
    );
    expect(rows.map((r) => [Number(r.version), Number(r.n)])).toEqual(files.map((f) => [f.version, 1]));
    expect(await currentSchemaVersion(a)).toBe(REQUIRED_SCHEMA_VERSION);
    // The lock is released: a third run finds nothing to do at once.
    expect((await migrate(a)).applied).toEqual([]);
  });

  it('refuses to run when an applied migration file was edited (checksum)', async () => {
    const db = open(testDb.url, 'migrate-edited');
    opened.push(db);
    const dir = mkdtempSync(join(tmpdir(), 'zamio-migrations-'));
    try {
      cpSync(defaultMigrationsDir(), dir, { recursive: true });
      const first = readMigrationFiles(dir)[0]!;
      writeFileSync(
        join(dir, first.name),
        `${readFileSync(join(dir, first.name), 'utf8')}\n-- edited after release\n`,
      );
      await expect(migrate(db, { migrationsDir: dir })).rejects.toThrow(/checksum/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rolls a failing migration back entirely and records nothing', async () => {
    const fresh = await createTestDatabase();
    const db = open(fresh.url, 'migrate-failing');
    const dir = mkdtempSync(join(tmpdir(), 'zamio-migrations-'));
    try {
      writeFileSync(join(dir, '001.do.good.sql'), 'CREATE TABLE good (id int);');
      writeFileSync(
        join(dir, '002.do.bad.sql'),
        'CREATE TABLE half_done (id int);\nSELECT no_such_function();',
      );
      await expect(migrate(db, { migrationsDir: dir })).rejects.toThrow(/no_such_function/);
      expect(await currentSchemaVersion(db)).toBe(1);
      const { rows } = await db.query<{ name: string | null }>(
        "SELECT to_regclass('half_done')::text AS name",
      );
      expect(rows[0]?.name).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await db.close();
      await fresh.drop();
    }
  });
});

describe('append-only migrations (CI check)', () => {
  const dir = defaultMigrationsDir();

  it('every migration file is recorded in manifest.json, unchanged and in order', () => {
    const files = readMigrationFiles(dir);
    const manifest = readManifest(dir);
    expect(appendOnlyViolations(files, manifest)).toEqual([]);
    expect(Object.keys(manifest)).toEqual(files.map((f) => f.name));
  });

  it('REQUIRED_SCHEMA_VERSION is the newest migration number', () => {
    expect(REQUIRED_SCHEMA_VERSION).toBe(readMigrationFiles(dir).at(-1)!.version);
  });

  it('detects edited, removed, reordered and back-numbered files', () => {
    const files = [
      { name: '001.do.a.sql', version: 1, sha256: 'aaa' },
      { name: '002.do.b.sql', version: 2, sha256: 'bbb' },
    ];
    const manifest = { '001.do.a.sql': 'aaa', '002.do.b.sql': 'bbb' };
    expect(appendOnlyViolations(files, manifest)).toEqual([]);
    expect(appendOnlyViolations([files[0]!, { ...files[1]!, sha256: 'changed' }], manifest)).toEqual([
      expect.stringMatching(/002\.do\.b\.sql .*must not be edited/),
    ]);
    expect(appendOnlyViolations([files[1]!], manifest)).toEqual(
      expect.arrayContaining([expect.stringMatching(/001\.do\.a\.sql .*must not be removed/)]),
    );
    expect(appendOnlyViolations(files, { '002.do.b.sql': 'bbb', '001.do.a.sql': 'aaa' })).toEqual(
      expect.arrayContaining([expect.stringMatching(/must not be reordered/)]),
    );
    expect(
      appendOnlyViolations(
        [...files, { name: '001.do.late.sql', version: 1, sha256: 'ccc' }].sort(
          (x, y) => x.version - y.version,
        ),
        manifest,
      ),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/numbered before released/)]));
  });
});

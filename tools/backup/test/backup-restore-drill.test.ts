// The restore drill of docs/operations.md, against the real PostgreSQL server:
// a migrated and seeded database is backed up, restored into a new database,
// and every table's row count and checksum compared; the uploads volume the
// same way as a tar. Damaged backups and unsafe targets are refused.
import {
  mkdtempSync,
  mkdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
  existsSync,
  readdirSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, migrate } from '@zamio/db';
import { adminDatabaseUrl, createTestDatabase, type TestDatabase } from '@zamio/testing';
import { main } from '../src/cli';
import { fingerprintTables } from '../src/table-fingerprints';

const work = mkdtempSync(join(tmpdir(), 'zamio-drill-'));
const created: string[] = [];
let source: TestDatabase;

async function run(tool: 'backup' | 'restore', ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(tool, args, { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A URL for a database name this test will create (and drop afterwards). */
function freshUrl(): string {
  const name = `zamio_drill_${randomBytes(4).toString('hex')}`;
  created.push(name);
  const url = new URL(adminDatabaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

beforeAll(async () => {
  source = await createTestDatabase('zamio_drill_src');
  // The real schema, plus data of every awkward kind in its own tables.
  const db = createPostgresDatabase({
    url: source.url,
    poolMax: 2,
    idleTimeoutMs: 1_000,
    connectTimeoutMs: 5_000,
    acquireTimeoutMs: 5_000,
    statementTimeoutMs: 60_000,
    applicationName: 'zamio-drill',
  });
  await migrate(db);
  await db.close();
  const client = new pg.Client({ connectionString: source.url });
  await client.connect();
  await client.query(`
    CREATE TABLE drill_plays (
      id bigserial PRIMARY KEY, station text NOT NULL, started_at timestamptz NOT NULL,
      seconds numeric(10, 3), amount_pesewas bigint, meta jsonb, fingerprint bytea, note text);
    INSERT INTO drill_plays (station, started_at, seconds, amount_pesewas, meta, fingerprint, note)
    SELECT 'station-' || (i % 17), timestamptz '2026-01-01 06:00+00' + i * interval '37 seconds',
           (i % 300) + 0.125, i * 15, jsonb_build_object('i', i, 'tags', jsonb_build_array('a', i % 3)),
           decode(md5(i::text), 'hex'), CASE WHEN i % 5 = 0 THEN E'Ɔdɔ\\nnkwa "quoted"' END
    FROM generate_series(1, 5000) AS i;
    CREATE TABLE drill_empty (id int);`);
  await client.end();
});

afterAll(async () => {
  const admin = new pg.Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  await source?.drop();
  rmSync(work, { recursive: true, force: true });
});

describe('postgres', () => {
  const dump = join(work, 'zamio.dump');

  it('backs up in custom format, verified by pg_restore --list, with a manifest', async () => {
    const result = await run('backup', 'postgres', '--url', source.url, '--out', dump);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toMatch(
      /backed up .* \(\d+ archive entries, \d+ tables, \d+ rows; sha256 [0-9a-f]{64}\)/,
    );
    expect(readFileSync(dump).subarray(0, 5).toString()).toBe('PGDMP');
    const manifest = JSON.parse(readFileSync(`${dump}.manifest.json`, 'utf8'));
    expect(manifest.tables['public.drill_plays']).toMatchObject({ rows: 5000 });
    expect(manifest.tables['public.schema_migrations'].rows).toBeGreaterThan(0);
  });

  it('restores into a new database whose every table matches the source (counts and checksums)', async () => {
    const target = freshUrl();
    const result = await run('restore', 'postgres', '--file', dump, '--url', target, '--create');
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain("every table's checksum matches the backup");
    const [before, after] = await Promise.all([fingerprintTables(source.url), fingerprintTables(target)]);
    expect(Object.keys(after).length).toBeGreaterThan(2);
    expect(after).toEqual(before);
  });

  it('refuses to restore over a database that has tables, and into an existing name with --create', async () => {
    const overSource = await run('restore', 'postgres', '--file', dump, '--url', source.url);
    expect(overSource.code).toBe(65);
    expect(overSource.err).toContain('restore into a fresh database (--create), never over data');
    const existing = await run('restore', 'postgres', '--file', dump, '--url', source.url, '--create');
    expect(existing.err).toMatch(/already exists/);
  });

  it('refuses a damaged dump before touching any database', async () => {
    const damaged = join(work, 'damaged.dump');
    writeFileSync(damaged, readFileSync(dump));
    writeFileSync(`${damaged}.manifest.json`, readFileSync(`${dump}.manifest.json`));
    truncateSync(damaged, 2048);
    const target = freshUrl();
    const result = await run('restore', 'postgres', '--file', damaged, '--url', target, '--create');
    expect(result.code).toBe(65);
    expect(result.err).toContain('does not match its manifest');
    const admin = new pg.Client({ connectionString: adminDatabaseUrl() });
    await admin.connect();
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      new URL(target).pathname.slice(1),
    ]);
    await admin.end();
    expect(exists.rowCount).toBe(0);
  });

  it('says clearly when the database cannot be reached, without printing the password', async () => {
    const result = await run(
      'backup',
      'postgres',
      '--url',
      'postgres://zamio:s3cret-pw@127.0.0.1:1/zamio',
      '--out',
      join(work, 'x.dump'),
    );
    expect(result.code).not.toBe(0);
    expect(result.err).not.toContain('s3cret-pw');
    expect(existsSync(join(work, 'x.dump'))).toBe(false);
  });
});

describe('media', () => {
  const uploads = join(work, 'uploads');
  const archive = join(work, 'media.tar');

  beforeAll(() => {
    mkdirSync(join(uploads, 'tracks', '2026'), { recursive: true });
    mkdirSync(join(uploads, 'captures'), { recursive: true });
    writeFileSync(join(uploads, 'tracks', '2026', 'a.mp3'), randomBytes(300_000));
    writeFileSync(join(uploads, 'captures', 'chunk 1.wav'), randomBytes(64_000));
    writeFileSync(join(uploads, 'captures', 'empty.bin'), '');
    // In-flight upload and readiness probe files of libs/uploads: not data.
    writeFileSync(join(uploads, 'captures', 'chunk 2.wav.part'), randomBytes(1000));
    writeFileSync(join(uploads, '.probe-1234'), 'x');
  });

  it('archives the volume with checksums and restores it identical into a new directory', async () => {
    const backup = await run('backup', 'media', '--dir', uploads, '--out', archive);
    expect(backup.code, backup.err).toBe(0);
    expect(backup.out).toContain('(3 files, 364000 bytes)');
    const restored = join(work, 'restored-uploads');
    const restore = await run('restore', 'media', '--file', archive, '--dir', restored);
    expect(restore.code, restore.err).toBe(0);
    for (const file of ['tracks/2026/a.mp3', 'captures/chunk 1.wav', 'captures/empty.bin'])
      expect(readFileSync(join(restored, file)).equals(readFileSync(join(uploads, file))), file).toBe(true);
    expect(readdirSync(restored).sort()).toEqual(['captures', 'tracks']);
    expect(readdirSync(join(restored, 'captures')).sort()).toEqual(['chunk 1.wav', 'empty.bin']);
  });

  it('refuses a damaged archive and leaves the target untouched; refuses a non-empty target', async () => {
    const damaged = join(work, 'damaged.tar');
    const bytes = readFileSync(archive);
    // Flip bytes inside a file's data (past the first 512-byte tar header).
    for (let i = 2048; i < 2058; i += 1) bytes[i] = bytes[i]! ^ 0xff;
    writeFileSync(damaged, bytes);
    const target = join(work, 'never-written');
    const result = await run('restore', 'media', '--file', damaged, '--dir', target);
    expect(result.code).toBe(65);
    expect(result.err).toMatch(/is damaged \(nothing was restored\):\n.*checksum differs/);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(work).some((name) => name.includes('restoring'))).toBe(false);
    const over = await run('restore', 'media', '--file', archive, '--dir', uploads);
    expect(over.err).toContain('is not empty');
  });
});

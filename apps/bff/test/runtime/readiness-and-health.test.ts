// Readiness refuses while the schema is older than the code needs; /health
// shows error details only with the token; the HTTP server's timeouts suit
// Traefik (keep-alive longer than its 90 s idle timeout to upstreams).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPostgresDatabase,
  defaultMigrationsDir,
  migrate,
  readMigrationFiles,
  REQUIRED_SCHEMA_VERSION,
} from '@zamio/db';
import { createTestDatabase, type TestDatabase } from '@zamio/testing';
import { startTestBff } from './support/test-stack';

const TOKEN = 'a-test-details-token-that-is-long-enough-1234';

describe('readiness, health details and server timeouts', () => {
  let testDb: TestDatabase;
  let bff: Awaited<ReturnType<typeof startTestBff>>;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    // The previous release's schema: every migration except the newest.
    const dir = mkdtempSync(join(tmpdir(), 'zamio-old-schema-'));
    const db = createPostgresDatabase({
      url: testDb.url,
      poolMax: 1,
      idleTimeoutMs: 1_000,
      connectTimeoutMs: 5_000,
      acquireTimeoutMs: 5_000,
      statementTimeoutMs: 10_000,
      applicationName: 'old-schema',
    });
    try {
      const files = readMigrationFiles(defaultMigrationsDir());
      for (const file of files.slice(0, -1))
        cpSync(join(defaultMigrationsDir(), file.name), join(dir, file.name));
      await migrate(db, { migrationsDir: dir });
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
    bff = await startTestBff({
      DATABASE_URL: testDb.url,
      REDIS_URL: 'memory:',
      MIGRATE_ON_START: 'false',
      HEALTH_DETAILS_TOKEN: TOKEN,
    });
  });
  afterAll(async () => {
    await bff?.stop();
    await testDb?.drop();
  });

  it('is not ready while the schema is older than required, and ready once migrated', async () => {
    const before = await fetch(`${bff.url}/readyz`);
    expect(before.status).toBe(503);
    expect(await before.json()).toMatchObject({ status: 'not_ready', failing: ['schema'] });
    // /livez checks nothing but the process.
    expect((await fetch(`${bff.url}/livez`)).status).toBe(200);

    await migrate(bff.db);
    const after = await fetch(`${bff.url}/readyz`);
    expect(after.status).toBe(200);
    expect(await after.json()).toMatchObject({ status: 'ready', failing: [] });
    expect((await fetch(`${bff.url}/api/readyz`)).status).toBe(200);
  });

  it('marks the in-process queue (no Redis) as such on /health', async () => {
    const report = (await (await fetch(`${bff.url}/api/health`)).json()) as {
      checks: { name: string; inProcess?: boolean }[];
    };
    expect(report.checks.find((c) => c.name === 'redis')).toMatchObject({ inProcess: true });
    expect(report.checks.find((c) => c.name === 'postgres')).not.toHaveProperty('inProcess');
  });

  it('tells only the token holder the Node version on /version', async () => {
    for (const path of ['/version', '/api/version']) {
      const anonymous = (await (await fetch(`${bff.url}${path}`)).json()) as Record<string, unknown>;
      expect(anonymous).toMatchObject({ service: 'bff', environment: 'test' });
      expect(anonymous).not.toHaveProperty('node');
      expect(JSON.stringify(anonymous)).not.toContain(process.versions.node);
      const operator = (await (
        await fetch(`${bff.url}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } })
      ).json()) as Record<string, unknown>;
      expect(operator.node).toBe(process.versions.node);
      const wrong = (await (
        await fetch(`${bff.url}${path}`, { headers: { authorization: `Bearer ${TOKEN}x` } })
      ).json()) as Record<string, unknown>;
      expect(wrong).not.toHaveProperty('node');
    }
  });

  it('shows error details on /health only with the bearer token', async () => {
    // Make the schema check fail again by asking for a version beyond the newest.
    await bff.db.query('DELETE FROM schema_migrations WHERE version = $1', [REQUIRED_SCHEMA_VERSION]);
    try {
      const anonymous = (await (await fetch(`${bff.url}/api/health`)).json()) as {
        checks: Record<string, unknown>[];
        service: string;
        version: string;
        uptimeSeconds: number;
      };
      expect(anonymous).toMatchObject({
        service: 'bff',
        version: expect.any(String),
        uptimeSeconds: expect.any(Number),
      });
      const schemaCheck = anonymous.checks.find((c) => c.name === 'schema')!;
      expect(schemaCheck).toMatchObject({ status: 'down', latencyMs: expect.any(Number) });
      expect(schemaCheck).not.toHaveProperty('error');
      expect(JSON.stringify(anonymous)).not.toMatch(/schema version/);

      const wrong = (await (
        await fetch(`${bff.url}/api/health`, { headers: { authorization: 'Bearer nope' } })
      ).json()) as { checks: Record<string, unknown>[] };
      expect(wrong.checks.find((c) => c.name === 'schema')).not.toHaveProperty('error');

      const detailed = (await (
        await fetch(`${bff.url}/api/health`, { headers: { authorization: `Bearer ${TOKEN}` } })
      ).json()) as { checks: Record<string, unknown>[] };
      expect(detailed.checks.find((c) => c.name === 'schema')).toMatchObject({
        status: 'down',
        error: expect.stringMatching(/older than required/),
      });
      expect(detailed.checks.find((c) => c.name === 'postgres')).toMatchObject({ status: 'up' });
    } finally {
      await migrate(bff.db).catch(() => undefined);
    }
  });

  it('keeps idle connections open longer than Traefik (90 s) and bounds request time', () => {
    const server = bff.app.server;
    expect(server.keepAliveTimeout).toBeGreaterThan(90_000);
    expect(server.requestTimeout).toBeGreaterThan(0);
    expect(server.headersTimeout).toBeGreaterThan(0);
    expect(server.headersTimeout).toBeLessThanOrEqual(server.requestTimeout);
  });
});

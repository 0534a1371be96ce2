// The pool recovers after every backend connection is killed
// (pg_terminate_backend) with no process restart: requests in between fail
// with 503 at worst (never 500, never hang) and succeed again within seconds.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminDatabaseUrl,
  createTestDatabase,
  bootstrapAdmin,
  signedInHeaders,
  type SignedInHeaders,
  type TestDatabase,
} from '@zamio/testing';
import { startTestBff } from './support/test-stack';

describe('database pool recovery', () => {
  // The heartbeat routes are admin-only: the bff creates this admin at start.
  const opsAdmin = bootstrapAdmin();
  afterAll(() => opsAdmin.cleanup());
  let testDb: TestDatabase;
  let bff: Awaited<ReturnType<typeof startTestBff>>;
  // The heartbeats are admin-only: one signed-in admin session for every request.
  let admin: SignedInHeaders;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    bff = await startTestBff({
      DATABASE_URL: testDb.url,
      REDIS_URL: 'memory:',
      DATABASE_POOL_MAX: '4',
      ...opsAdmin.env,
    });
    admin = await signedInHeaders(bff.url, opsAdmin.credentials);
  });
  afterAll(async () => {
    await bff?.stop();
    await testDb?.drop();
  });

  const heartbeats = async () => {
    const started = performance.now();
    const response = await fetch(`${bff.url}/api/system/heartbeats`, {
      headers: admin,
      signal: AbortSignal.timeout(10_000),
    });
    return { status: response.status, ms: performance.now() - started };
  };

  it('serves again after pg_terminate_backend killed every pooled connection', async () => {
    // Fill the pool with live connections first.
    const warm = await Promise.all(Array.from({ length: 8 }, heartbeats));
    expect(warm.every((r) => r.status === 200)).toBe(true);
    const pidBefore = process.pid;

    const admin = new pg.Client({ connectionString: adminDatabaseUrl() });
    await admin.connect();
    try {
      const { rowCount } = await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [testDb.name],
      );
      expect(rowCount).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }

    // Right after the kill: every answer is 200 or a fast 503, never a 500.
    const during = await Promise.all(Array.from({ length: 8 }, heartbeats));
    for (const r of during) {
      expect([200, 503]).toContain(r.status);
      expect(r.ms).toBeLessThan(5_000);
    }
    const recoveredAt = Date.now();
    await expect.poll(async () => (await heartbeats()).status, { timeout: 10_000, interval: 100 }).toBe(200);
    expect(Date.now() - recoveredAt).toBeLessThan(10_000);
    const after = await Promise.all(Array.from({ length: 8 }, heartbeats));
    expect(after.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(process.pid).toBe(pidBefore);
    expect((await fetch(`${bff.url}/readyz`)).status).toBe(200);
  });

  it('fails fast with 503 (not a hang) when no pooled connection frees up in time', async () => {
    // Hold every connection of the pool in slow queries.
    const hogs = Array.from({ length: 4 }, () => bff.db.query('SELECT pg_sleep(4)').catch(() => undefined));
    await expect
      .poll(() => bff.db.stats().waiting + bff.db.stats().total - bff.db.stats().idle, { timeout: 5_000 })
      .toBeGreaterThanOrEqual(4);
    const started = performance.now();
    const response = await fetch(`${bff.url}/api/system/heartbeats`, {
      headers: admin,
      signal: AbortSignal.timeout(10_000),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBeTruthy();
    expect(performance.now() - started).toBeLessThan(3_500);
    await Promise.all(hogs);
  });
});

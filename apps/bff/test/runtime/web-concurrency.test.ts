// WEB_CONCURRENCY=2: two server processes share one port behind the cluster
// primary (which migrates once before forking), and SIGTERM drains both and
// exits 0.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, bootstrapAdmin, signedInHeaders, type TestDatabase } from '@zamio/testing';
import { spawnBff } from './support/spawn-bff';

describe('WEB_CONCURRENCY worker processes', () => {
  // The heartbeat routes are admin-only: the bff creates this admin at start.
  const opsAdmin = bootstrapAdmin();
  afterAll(() => opsAdmin.cleanup());
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  it('runs two processes behind one port and shuts both down cleanly on SIGTERM', async () => {
    const bff = await spawnBff({
      DATABASE_URL: testDb.url,
      WEB_CONCURRENCY: '2',
      // The heartbeats read below are admin-only: the demo admin signs in.
      ...opsAdmin.env,
      SHUTDOWN_DRAIN_DELAY: '500ms',
      SHUTDOWN_TIMEOUT: '10s',
    });
    try {
      // Both workers listening (the first may answer before the second is up).
      await expect
        .poll(() => bff.lines().filter((line) => line.msg === 'bff listening').length, {
          timeout: 30_000,
          interval: 200,
        })
        .toBe(2);
      const primary = bff.lines().find((line) => line.msg === 'cluster started');
      expect(primary).toMatchObject({ processes: 2 });
      const pids = new Set(
        bff
          .lines()
          .filter((line) => line.msg === 'bff starting')
          .map((line) => line.pid),
      );
      expect(pids.size).toBe(2);
      expect(pids.has(bff.child.pid)).toBe(false);
      // Migrations ran once, in the primary, before the fork.
      expect(bff.lines().filter((line) => line.msg === 'schema up to date')).toHaveLength(1);

      // One session, served by either process (sessions live in Postgres).
      const admin = await signedInHeaders(bff.url, opsAdmin.credentials);
      const statuses = await Promise.all(
        Array.from({ length: 20 }, () =>
          fetch(`${bff.url}/api/system/heartbeats`, { headers: { ...admin, connection: 'close' } }).then(
            (r) => r.status,
          ),
        ),
      );
      expect(statuses).toEqual(Array(20).fill(200));

      bff.child.kill('SIGTERM');
      expect(await bff.exited).toBe(0);
      expect(
        bff.lines().filter((line) => line.msg === 'shutdown: step done' && line.step === 'database'),
      ).toHaveLength(2);
    } finally {
      bff.child.kill('SIGKILL');
    }
  });
});

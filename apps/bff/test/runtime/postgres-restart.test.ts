// The real bff (src/main.ts as a child process) while its Postgres goes away
// and returns: through a TCP proxy the test cuts — `refuse` as a restarting
// server does (live connections dropped, new ones refused), `blackhole` as a
// network partition (accepted, never answered). The machine's Postgres is
// never stopped. Meanwhile readiness answers 503 (out of the proxy's
// rotation) and liveness 200 (no restart loop); requests fail fast with 503
// and Retry-After, never 500 and never a hang; a write refused is not
// stored. Once Postgres is back the same process is ready and serving again
// within 10 s, by itself.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import {
  bootstrapAdmin,
  createTcpProxy,
  createTestDatabase,
  jsonLogLines,
  signedInHeaders,
  type SignedInHeaders,
  type TcpProxy,
  type TestDatabase,
} from '@zamio/testing';
import { spawnBff, type SpawnedBff } from './support/spawn-bff';

const FAST_MS = 3_000;
const OUTAGE_MS = 4_000;
const RECOVERY_MS = 10_000;

describe('bff through a Postgres outage', () => {
  const opsAdmin = bootstrapAdmin();
  let database: TestDatabase;
  let proxy: TcpProxy;
  let bff: SpawnedBff;
  let admin: SignedInHeaders;
  beforeAll(async () => {
    database = await createTestDatabase();
    const target = new URL(database.url);
    proxy = await createTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    bff = await spawnBff({
      DATABASE_URL: proxy.urlFor(database.url),
      DATABASE_CONNECT_TIMEOUT: '1s',
      DATABASE_ACQUIRE_TIMEOUT: '1s',
      SHUTDOWN_DRAIN_DELAY: '0',
      WEB_CONCURRENCY: '1',
      // A sign-in every round: past the per-IP auth limit it would answer 429 before asking Postgres.
      RATE_LIMIT_AUTH_IP_MAX: '1000',
      ...opsAdmin.env,
    });
    admin = await signedInHeaders(bff.url, opsAdmin.credentials);
  }, 90_000);
  afterAll(async () => {
    proxy?.setMode('open');
    bff?.child.kill('SIGTERM');
    await bff?.exited;
    await proxy?.close();
    await database?.drop();
    opsAdmin.cleanup();
  });

  const timed = async (path: string, init: RequestInit = {}) => {
    const started = performance.now();
    const response = await fetch(`${bff.url}${path}`, { ...init, signal: AbortSignal.timeout(15_000) });
    const text = await response.text();
    return {
      text,
      status: response.status,
      ms: performance.now() - started,
      retryAfter: response.headers.get('retry-after'),
    };
  };
  const me = () => timed('/api/auth/me', { headers: admin });
  // Each cycle its own month (periods may not overlap): any stored twice would answer 409.
  let month = 0;
  const openCycle = (name: string) =>
    timed('/api/admin/cycles', {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ name, ...nextMonth() }),
    });
  const nextMonth = () => {
    month += 1;
    const start = new Date(Date.UTC(2027, month, 1));
    const end = new Date(Date.UTC(2027, month + 1, 1));
    return { periodStart: start.toISOString().slice(0, 10), periodEnd: end.toISOString().slice(0, 10) };
  };
  const signIn = () =>
    timed('/api/auth/login', {
      method: 'POST',
      headers: { origin: admin.origin, 'content-type': 'application/json' },
      body: JSON.stringify(opsAdmin.credentials),
    });

  for (const mode of ['refuse', 'blackhole'] as const) {
    it(`is unready, alive and fails fast while Postgres is cut (${mode}), and recovers by itself within 10 s`, async () => {
      expect((await me()).status).toBe(200);
      const pid = bff.child.pid;
      const refusedCycles: string[] = [];

      proxy.setMode(mode);
      // Reopened here already when the test passes; a failed one must not cut the next.
      onTestFinished(() => {
        if (!reopened) proxy.setMode('open');
      });
      let reopened = false;
      const until = Date.now() + OUTAGE_MS;
      const readiness: number[] = [];
      while (Date.now() < until) {
        const ready = await timed('/readyz');
        readiness.push(ready.status);
        if (ready.status === 503) expect(JSON.parse(ready.text).failing).toContain('postgres');
        expect(ready.ms).toBeLessThan(FAST_MS);
        const live = await timed('/livez');
        expect(live.status).toBe(200);
        for (const answer of [await me(), await signIn()]) {
          expect(answer.status).toBe(503);
          expect(answer.retryAfter).toBeTruthy();
          expect(answer.ms).toBeLessThan(FAST_MS);
        }
        const name = `outage ${mode} ${randomBytes(4).toString('hex')}`;
        const write = await openCycle(name);
        expect(write.status).toBe(503);
        expect(write.retryAfter).toBeTruthy();
        refusedCycles.push(name);
      }
      // Out of rotation while Postgres is gone (the first probe may still see it up).
      expect(
        readiness.slice(1).every((s) => s === 503),
        readiness.join(','),
      ).toBe(true);

      proxy.setMode('open');
      reopened = true;
      const backAt = Date.now();
      await expect
        .poll(async () => (await timed('/readyz')).status, { timeout: RECOVERY_MS, interval: 100 })
        .toBe(200);
      await expect.poll(async () => (await me()).status, { timeout: RECOVERY_MS, interval: 100 }).toBe(200);
      expect(Date.now() - backAt).toBeLessThan(RECOVERY_MS);
      expect((await openCycle(`after ${mode}`)).status).toBe(201);
      // The same process throughout, and nothing it refused was stored.
      expect(bff.child.pid).toBe(pid);
      expect(bff.child.exitCode).toBeNull();
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const { rows } = await client.query('SELECT name FROM royalty_cycles WHERE name = ANY($1)', [
          refusedCycles,
        ]);
        expect(rows).toEqual([]);
      } finally {
        await client.end();
      }
      // Only JSON lines, and no 500 among the answers.
      jsonLogLines(bff.output());
      expect(bff.output()).not.toContain('"statusCode":500');
    });
  }
});

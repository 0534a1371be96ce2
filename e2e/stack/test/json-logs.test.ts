// Every line the bff and the worker print is JSON — also while Redis and
// then Postgres are down under traffic (BullMQ's and ioredis' own errors
// included, which would otherwise print plain stack traces). Both run as
// real processes from their entry points; their Redis and Postgres are TCP
// proxies on 127.0.0.1 that the test cuts and restores. Each line must parse
// as one JSON object with no key twice.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bootstrapAdmin,
  createTcpProxy,
  createTestDatabase,
  createTestRedis,
  freePort,
  parseJsonLine,
  runEntry,
  signedInHeaders,
  type RunningEntry,
  type SignedInHeaders,
  type TcpProxy,
  type TestDatabase,
  type TestRedis,
} from '@zamio/testing';

const repoRoot = resolve(import.meta.dirname, '../../..');
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

let database: TestDatabase;
let redis: TestRedis;
let pgProxy: TcpProxy;
let redisProxy: TcpProxy;
let bff: RunningEntry;
let worker: RunningEntry;
let bffUrl = '';
// The heartbeat routes are admin-only: the bff creates this admin at start; it signs in once.
const opsAdmin = bootstrapAdmin();
let admin: SignedInHeaders;

async function waitFor(entry: RunningEntry, message: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!entry.stdout().includes(`"msg":"${message}"`)) {
    if (Date.now() > until) throw new Error(`no "${message}" within ${timeoutMs} ms:\n${entry.output()}`);
    if (entry.child.exitCode !== null) throw new Error(`exited ${entry.child.exitCode}:\n${entry.output()}`);
    await sleep(100);
  }
}

/** Requests that touch the queue and the database while a dependency is down. */
async function traffic(rounds: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < rounds; i++) {
    for (const [method, path] of [
      ['POST', '/api/system/heartbeat'],
      ['GET', '/api/system/heartbeats'],
      ['GET', '/api/health'],
      ['GET', '/readyz'],
    ] as const) {
      const response = await fetch(`${bffUrl}${path}`, {
        method,
        headers: path.startsWith('/api/system/') ? admin : {},
        signal: AbortSignal.timeout(10_000),
      }).catch(() => undefined);
      statuses.push(response?.status ?? 0);
      await response?.arrayBuffer();
    }
    await sleep(250);
  }
  return statuses;
}

beforeAll(async () => {
  database = await createTestDatabase();
  redis = createTestRedis();
  pgProxy = await createTcpProxy({ host: '127.0.0.1', port: 5432 });
  redisProxy = await createTcpProxy({ host: '127.0.0.1', port: 6379 });
  const [port, healthPort] = [await freePort(), await freePort()];
  const env = {
    ZAMIO_ENV: 'test',
    LOG_LEVEL: 'info',
    LOG_PRETTY: 'false',
    HOST: '127.0.0.1',
    DATABASE_URL: pgProxy.urlFor(database.url),
    DATABASE_CONNECT_TIMEOUT: '1s',
    DATABASE_ACQUIRE_TIMEOUT: '1s',
    REDIS_URL: redisProxy.urlFor(redis.url),
    REDIS_KEY_PREFIX: redis.prefix,
    REDIS_COMMAND_TIMEOUT: '1s',
    METRICS_PORT: '0',
    SHUTDOWN_DRAIN_DELAY: '0',
  };
  bff = runEntry(
    'apps/bff/src/main.ts',
    { ...env, ...opsAdmin.env, PORT: String(port), WEB_CONCURRENCY: '1' },
    repoRoot,
  );
  await waitFor(bff, 'bff listening');
  admin = await signedInHeaders(`http://127.0.0.1:${port}`, opsAdmin.credentials);
  worker = runEntry(
    'apps/worker/src/main.ts',
    { ...env, WORKER_HEALTH_PORT: String(healthPort), WORKER_CONCURRENCY: '2' },
    repoRoot,
  );
  await waitFor(worker, 'worker ready for jobs');
  bffUrl = `http://127.0.0.1:${port}`;
}, 120_000);

afterAll(async () => {
  for (const entry of [worker, bff]) {
    if (entry && entry.child.exitCode === null) {
      entry.child.kill('SIGTERM');
      await entry.exited;
    }
  }
  redisProxy?.setMode('open');
  pgProxy?.setMode('open');
  await Promise.all([redisProxy?.close(), pgProxy?.close()]);
  await redis?.cleanup();
  await database?.drop();
  opsAdmin.cleanup();
});

describe('structured logs through outages', () => {
  it('the one-shot migration prints JSON lines with no key twice', async () => {
    const run = runEntry(
      'apps/bff/src/migrate.ts',
      { ZAMIO_ENV: 'test', LOG_PRETTY: 'false', DATABASE_URL: database.url, REDIS_URL: 'memory:' },
      repoRoot,
    );
    expect((await run.exited).code).toBe(0);
    const lines = run.output().split('\n').filter(Boolean);
    expect(lines.some((line) => line.includes('"msg":"migrations complete"'))).toBe(true);
    for (const line of lines) expect(() => parseJsonLine(line), line).not.toThrow();
  });

  it('prints only JSON lines through a Redis outage and a Postgres outage', async () => {
    expect((await traffic(2)).filter((s) => s === 202).length).toBe(2);

    redisProxy.setMode('refuse');
    const duringRedis = await traffic(12);
    redisProxy.setMode('open');
    await sleep(6_000);

    pgProxy.setMode('refuse');
    const duringPostgres = await traffic(8);
    pgProxy.setMode('open');
    await sleep(3_000);
    const after = await traffic(4);

    // The outages were real: the queue and the database refused work meanwhile…
    expect(duringRedis).toContain(503);
    expect(duringPostgres).toContain(503);
    // …and the services recovered.
    expect(after.slice(-4)[0]).toBe(202);

    for (const entry of [bff, worker]) {
      entry.child.kill('SIGTERM');
      expect((await entry.exited).code).toBe(0);
    }

    for (const [name, entry] of [
      ['bff', bff],
      ['worker', worker],
    ] as const) {
      const lines = entry.output().split('\n').filter(Boolean);
      expect(lines.length, name).toBeGreaterThan(10);
      const notJson = lines.filter((line) => {
        try {
          parseJsonLine(line);
          return false;
        } catch {
          return true;
        }
      });
      expect(notJson, `${name} printed lines that are not one JSON object each`).toEqual([]);
      const records = lines.map(parseJsonLine);
      expect(records.every((r) => typeof r.level === 'string' && typeof r.msg === 'string')).toBe(true);
      // The outages show up as structured warnings, not as silence.
      expect(
        records.some((r) => /redis/i.test(String(r.msg)) && r.level === 'warn'),
        name,
      ).toBe(true);
    }
  });
});

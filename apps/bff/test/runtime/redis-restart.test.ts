// The real bff (src/main.ts as a child process) through a real Redis outage:
// its own redis-server is killed for some seconds and started again (empty,
// as a Redis without persistence comes back). Meanwhile sign-ins and reads
// keep working (sessions live in PostgreSQL), rate limits count in memory,
// a capture and a track's audio are answered 2xx and stored (their jobs left
// to the worker's lost-work sweep), and what would store nothing useful is
// refused whole with 503 + Retry-After: a heartbeat, a cycle calculation
// (left 'open'). Once Redis is back the queue and the shared rate limits
// return by themselves, and every line the process printed is JSON, with a
// bounded number of warnings for the outage.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@zamio/accounts';
import {
  createTestDatabase,
  jsonLogLines,
  warningsOf,
  startRedisServer,
  type RedisServer,
  type TestDatabase,
} from '@zamio/testing';
import { ApiClient } from '../security/support/api-client';
import { form, wavFile } from '../security/support/audio-fixtures';
import { spawnBff, type SpawnedBff } from './support/spawn-bff';

const PREFIX = `zamio-redis-restart-${process.pid}`;
const OUTAGE_MS = 4_000;

describe('bff through a Redis restart', () => {
  let redis: RedisServer;
  let database: TestDatabase;
  let uploadDir: string;
  let bff: SpawnedBff;
  let artist: ApiClient;
  let station: ApiClient;
  let admin: ApiClient;
  let deviceToken: string;
  let trackId: string;
  let cycleId: string;
  const sql = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query<T>(text, values)).rows;
    } finally {
      await client.end();
    }
  };

  const signedIn = async (email: string) => {
    const client = new ApiClient(bff.url, bff.url);
    const answer = await client.login(email, DEMO_PASSWORD);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return client;
  };
  const capture = (chunkId: string) =>
    fetch(`${bff.url}/api/station/captures`, {
      method: 'POST',
      headers: { authorization: `Bearer ${deviceToken}` },
      body: form(wavFile(10), `${chunkId}.wav`, { chunk_id: chunkId, duration: '10' }, 'audio/wav'),
    });

  beforeAll(async () => {
    redis = await startRedisServer();
    database = await createTestDatabase();
    uploadDir = await mkdtemp(join(tmpdir(), 'zamio-redis-restart-'));
    bff = await spawnBff({
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: PREFIX,
      REDIS_CONNECT_TIMEOUT: '1s',
      REDIS_COMMAND_TIMEOUT: '1s',
      UPLOAD_DIR: uploadDir,
      SEED_DEMO_DATA: 'true',
      SHUTDOWN_DRAIN_DELAY: '0',
      // One process, so every line below is its own.
      WEB_CONCURRENCY: '1',
    });
    [artist, station, admin] = [
      await signedIn('artist@demo.zamio.local'),
      await signedIn('station@demo.zamio.local'),
      await signedIn('admin@demo.zamio.local'),
    ];
    const issued = await station.post('/api/station/devices', { name: 'outage device' });
    expect(issued.status).toBe(201);
    deviceToken = (issued.body as { token: string }).token;
    const track = await artist.post('/api/artist/tracks', { title: 'Outage Highlife' });
    expect(track.status).toBe(201);
    trackId = (track.body as { id: string }).id;
    const cycle = await admin.post('/api/admin/cycles', {
      name: 'Outage cycle',
      periodStart: '2026-01-01',
      periodEnd: '2026-02-01',
    });
    expect(cycle.status, JSON.stringify(cycle.body)).toBe(201);
    cycleId = (cycle.body as { id: string }).id;
  }, 90_000);

  afterAll(async () => {
    bff?.child.kill('SIGTERM');
    await bff?.exited;
    await redis?.stop();
    await database?.drop();
    if (uploadDir) await rm(uploadDir, { recursive: true, force: true });
  });

  it('keeps sign-ins, reads and committed writes working while Redis is down, and recovers by itself', async () => {
    const outageFrom = bff.output().length;
    await redis.stop();
    const until = Date.now() + OUTAGE_MS;
    const remaining: number[] = [];
    let round = 0;
    while (Date.now() < until || round < 2) {
      round += 1;
      // A new session each round: sign-in needs no Redis (its throttle counts in memory meanwhile).
      const fresh = await signedIn('artist@demo.zamio.local');
      for (const [client, path] of [
        [fresh, '/api/auth/me'],
        [artist, '/api/artist/tracks?limit=20'],
        [station, '/api/station/captures?limit=20'],
      ] as const) {
        const read = await client.get(path);
        expect(read.status, `${path}: ${JSON.stringify(read.body)}`).toBe(200);
        remaining.push(Number(read.headers.get('x-ratelimit-remaining')));
      }
      const accepted = await capture(`outage-${round}`);
      expect(accepted.status, await accepted.clone().text()).toBe(202);
      await sleep(250);
    }
    // The global limit still counts (in this process's memory): fewer left with every request.
    expect(remaining.every(Number.isFinite)).toBe(true);
    expect(remaining.at(-1)!).toBeLessThan(remaining[0]!);

    // Stored work answered 2xx: the rows are there, pending for the sweep.
    const stored = await sql<{ status: string }>(
      "SELECT status FROM captures WHERE chunk_id LIKE 'outage-%' ORDER BY chunk_id",
    );
    expect(stored.map((row) => row.status)).toEqual(Array(round).fill('pending'));
    const audio = await artist.upload(
      'PUT',
      `/api/artist/tracks/${trackId}/audio`,
      form(wavFile(30), 'm.wav'),
    );
    expect(audio.status, JSON.stringify(audio.body)).toBe(200);
    expect(
      (
        await sql<{ n: number }>(
          'SELECT count(*)::int AS n FROM tracks WHERE id = $1 AND audio_upload_id IS NOT NULL',
          [trackId],
        )
      )[0]!.n,
    ).toBe(1);

    // Nothing worth storing without its job: refused whole, fast, with Retry-After.
    const beat = await admin.post('/api/system/heartbeat');
    expect(beat.status).toBe(503);
    expect(beat.headers.get('retry-after')).toBeTruthy();
    const calculate = await admin.post(`/api/admin/cycles/${cycleId}/calculate`);
    expect(calculate.status, JSON.stringify(calculate.body)).toBe(503);
    expect(calculate.headers.get('retry-after')).toBeTruthy();
    expect(
      (await sql<{ status: string }>('SELECT status FROM royalty_cycles WHERE id = $1', [cycleId]))[0]!
        .status,
    ).toBe('open');
    expect((await fetch(`${bff.url}/readyz`)).status).toBe(200);

    await redis.start();
    const backAt = Date.now();
    await expect
      .poll(async () => (await admin.post('/api/system/heartbeat')).status, {
        timeout: 15_000,
        interval: 250,
      })
      .toBe(202);
    const calculated = await admin.post(`/api/admin/cycles/${cycleId}/calculate`);
    expect(calculated.status).toBe(202);
    // Rate limits are shared through Redis again: their counters are there.
    const probe = new Redis(redis.url, { maxRetriesPerRequest: 1 });
    try {
      await expect
        .poll(
          async () => {
            await artist.get('/api/auth/me');
            return (await probe.keys(`${PREFIX}:rate-limit:*`)).length;
          },
          { timeout: 10_000, interval: 250 },
        )
        .toBeGreaterThan(0);
    } finally {
      probe.disconnect();
    }
    expect(Date.now() - backAt).toBeLessThan(20_000);
    await expect
      .poll(() => bff.output().includes('"msg":"rate limits are shared through redis again"'), {
        timeout: 5_000,
      })
      .toBe(true);

    // Every line JSON; the outage is told in a bounded number of warnings, not one per retry.
    jsonLogLines(bff.output());
    const warnings = warningsOf(
      jsonLogLines(bff.output().slice(outageFrom)) as { level: string; msg: string }[],
    );
    const count = (msg: string) => warnings.filter((line) => line.msg === msg).length;
    // One per request that met the outage: the stored captures and track audio, the refusals.
    expect(count('stored; its job is left to the lost-work sweep (queue unavailable)')).toBe(round + 1);
    expect(count('request refused: a dependency is unavailable')).toBeGreaterThanOrEqual(2);
    // The rest says the outage once, however many reconnect attempts it took (no stacks of 5xx either).
    const perRequest = new Set([
      'stored; its job is left to the lost-work sweep (queue unavailable)',
      'request refused: a dependency is unavailable',
    ]);
    const aboutTheOutage = warnings.filter((line) => !perRequest.has(line.msg));
    expect(aboutTheOutage.length, aboutTheOutage.map((w) => w.msg).join('\n')).toBeLessThanOrEqual(6);
    expect(count('live updates: redis subscriber error')).toBeLessThanOrEqual(1);
    expect(warnings.filter((line) => line.level === 'error')).toEqual([]);
  });
});

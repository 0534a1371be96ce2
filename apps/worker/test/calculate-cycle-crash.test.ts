// A royalty calculation survives its worker being killed: the real worker
// process (src/main.ts on PostgreSQL and Redis) is SIGKILLed mid-run, a new
// worker runs the job again, and the cycle ends with every play priced once,
// every posting balanced and no duplicate entry.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usersRepository } from '@zamio/accounts';
import { playsRepository, stationsRepository } from '@zamio/airplay';
import { contributorsRepository, splitsRepository, tracksRepository } from '@zamio/catalog';
import { loadWorkerConfig } from '@zamio/env';
import { createLogger } from '@zamio/logger';
import { openPlatform, type Platform } from '@zamio/platform';
import { createCycleService, ledgerRepository } from '@zamio/royalties';
import {
  createTestDatabase,
  createTestRedis,
  freePort,
  runEntry,
  type RunningEntry,
  type TestDatabase,
  type TestRedis,
} from '@zamio/testing';

const ROOT = join(import.meta.dirname, '../../..');
const PLAYS = 6_000;

describe('royalty calculation after a worker crash', () => {
  let database: TestDatabase;
  let redis: TestRedis;
  let platform: Platform;
  let env: Record<string, string>;
  const running: RunningEntry[] = [];

  const spawnWorker = async () => {
    const worker = runEntry(
      'apps/worker/src/main.ts',
      { ...env, WORKER_HEALTH_PORT: String(await freePort()) },
      ROOT,
    );
    running.push(worker);
    return worker;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    redis = createTestRedis();
    env = {
      ZAMIO_ENV: 'test',
      LOG_PRETTY: 'false',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      METRICS_PORT: '0',
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: redis.prefix,
    };
    const config = loadWorkerConfig({ ...env, WORKER_HEALTH_PORT: '0' });
    const logger = createLogger({ service: 'test', version: 'test', level: 'warn', pretty: false });
    platform = await openPlatform(config, { service: 'test', logger, migrate: true });
  });

  afterAll(async () => {
    for (const worker of running) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
    await platform?.close();
    await redis?.cleanup();
    await database?.drop();
  });

  it('resumes without duplicates after SIGKILL', async () => {
    const { db } = platform;
    const newUser = (role: 'admin' | 'artist' | 'station', name: string) =>
      usersRepository
        .insert(db, {
          email: `${name}@example.test`,
          displayName: name,
          role,
          status: 'active',
          passwordHash: 'x',
        })
        .then((u) => u.id);
    const admin = await newUser('admin', 'admin');
    const artist = await newUser('artist', 'artist');
    const writer = await newUser('artist', 'writer');
    const stationId = await stationsRepository.insert(db, {
      ownerUserId: await newUser('station', 'fm'),
      name: 'FM',
    });
    await stationsRepository.updateProfile(db, stationId, {
      name: 'FM',
      stationClass: 'class_a',
      region: null,
      timezone: 'Africa/Accra',
    });
    const trackId = await tracksRepository.insert(db, artist, {
      title: 'Song',
      isrc: null,
      album: null,
      genre: null,
      releaseDate: null,
    });
    await db.transaction(async (tx) => {
      const a = await contributorsRepository.ensureForAccount(tx, {
        userId: artist,
        name: 'A',
        createdBy: artist,
      });
      const w = await contributorsRepository.ensureForAccount(tx, {
        userId: writer,
        name: 'W',
        createdBy: artist,
      });
      await splitsRepository.insertSet(tx, {
        trackId,
        effectiveFrom: new Date('2025-01-01T00:00:00Z'),
        createdBy: artist,
        splits: [
          { contributorId: a.id, role: 'artist', shareBp: 6667, publisherUserId: null },
          { contributorId: w.id, role: 'writer', shareBp: 3333, publisherUserId: null },
        ],
      });
    });
    // One play every 7 minutes from 1 January: 33 s each, across every period of the day.
    await db.transaction(async (tx) => {
      for (let i = 0; i < PLAYS; i++) {
        const startedAt = new Date(Date.UTC(2026, 0, 1) + i * 7 * 60_000);
        await playsRepository.insert(tx, {
          stationId,
          trackId,
          startedAt,
          endedAt: new Date(startedAt.getTime() + 33_000),
          trackOffsetMs: 0,
          detectionCount: 3,
          confidence: 0.9,
        });
      }
    });
    const cycles = createCycleService({ db, jobs: platform.jobs });
    const cycle = await cycles.openCycle(
      { name: 'Q1', periodStart: '2026-01-01', periodEnd: '2026-04-01' },
      admin,
    );

    const first = await spawnWorker();
    await cycles.requestCalculation(cycle.id, admin, 'req-crash-1');
    const progress = async () => (await cycles.getCycle(cycle.id)).progressDone;
    await expect.poll(progress, { timeout: 60_000, interval: 10 }).toBeGreaterThan(0);
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    const interrupted = await cycles.getCycle(cycle.id);
    expect(interrupted.status).toBe('calculating');
    expect(interrupted.progressDone).toBeLessThan(PLAYS);
    expect(interrupted.progressTotal).toBe(PLAYS);
    // What committed before the kill is whole: balanced postings only.
    expect((await ledgerRepository.cycleSum(db, cycle.id)).sum).toBe(0);

    await spawnWorker();
    await cycles.requestCalculation(cycle.id, admin, 'req-crash-2');
    await expect
      .poll(async () => (await cycles.getCycle(cycle.id)).status, { timeout: 200_000, interval: 100 })
      .toBe('calculated');
    const done = await cycles.getCycle(cycle.id);
    expect(done).toMatchObject({ progressDone: PLAYS, progressTotal: PLAYS, lastError: null });

    const entries = await ledgerRepository.ofCycle(db, cycle.id);
    expect(entries).toHaveLength(PLAYS * 3);
    const keys = new Set(
      entries.map((e) => `${e.playId}|${e.accountKind}|${e.accountId}|${e.contributorId}`),
    );
    expect(keys.size).toBe(entries.length);
    expect(new Set(entries.map((e) => e.playId)).size).toBe(PLAYS);
    expect((await ledgerRepository.cycleSum(db, cycle.id)).sum).toBe(0);
    const paid = (id: string) =>
      entries.filter((e) => e.accountId === id).reduce((s, e) => s + e.amountMinor, 0);
    const station = -paid(stationId);
    expect(paid(artist) + paid(writer)).toBe(station);
    expect(paid(artist)).toBeGreaterThan(paid(writer));
  }, 360_000);
});

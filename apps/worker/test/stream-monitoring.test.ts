// The worker monitors stations' streams on its own schedule: BullMQ's job
// scheduler on the real Redis with PostgreSQL, and a timer with the
// in-process queue on PGlite (embedded mode). A stream registered on a real
// local Icecast gets a window recorded and stored as a `stream` capture, its
// state goes up, and the check is counted on /metrics.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountProvisioning, usersRepository } from '@zamio/accounts';
import { provisionStation, stationsRepository, streamsRepository } from '@zamio/airplay';
import { loadWorkerConfig } from '@zamio/env';
import { createLogger } from '@zamio/logger';
import { openPlatform, type Platform } from '@zamio/platform';
import { startIcecast, type IcecastServer } from '@zamio/streams/testing';
import { captureLogs, createTestDatabase, createTestRedis, freePort } from '@zamio/testing';
import { startWorker, type RunningWorker } from '../src/start-worker';

let icecast: IcecastServer;
beforeAll(async () => {
  icecast = await startIcecast();
  await icecast.startSource({ mount: '/fm.mp3', hz: 480, codec: 'mp3' });
});
afterAll(async () => icecast?.stop());

const modes = [
  { name: 'BullMQ scheduler on Redis, PostgreSQL', redis: true },
  { name: 'in-process timer, PGlite (embedded)', redis: false },
] as const;

for (const mode of modes) {
  describe(`stream monitoring: ${mode.name}`, () => {
    let platform: Platform;
    let worker: RunningWorker;
    let storageDir: string;
    let metricsPort: number;
    const cleanups: (() => Promise<void>)[] = [];
    const logs = captureLogs();

    beforeAll(async () => {
      storageDir = await mkdtemp(join(tmpdir(), 'zamio-worker-streams-'));
      metricsPort = await freePort();
      const env: Record<string, string> = {
        ZAMIO_ENV: 'test',
        HOST: '127.0.0.1',
        DATABASE_URL: 'pglite:memory',
        REDIS_URL: 'memory:',
        METRICS_PORT: String(metricsPort),
        WORKER_HEALTH_PORT: String(await freePort()),
        STREAM_WINDOW: '5s',
        STREAM_CHECK_INTERVAL: '10s',
        STREAM_ALLOW_PRIVATE_ADDRESSES: 'true',
        STORAGE_KIND: 'filesystem',
        UPLOAD_DIR: storageDir,
      };
      if (mode.redis) {
        const database = await createTestDatabase();
        const redis = createTestRedis();
        cleanups.push(database.drop, redis.cleanup);
        Object.assign(env, {
          DATABASE_URL: database.url,
          REDIS_URL: redis.url,
          REDIS_KEY_PREFIX: redis.prefix,
        });
      }
      const config = loadWorkerConfig(env);
      const logger = createLogger({
        service: 'worker',
        version: 'test',
        level: 'info',
        pretty: false,
        destination: logs.stream,
      });
      platform = await openPlatform(config, { service: 'test', logger, migrate: true });
      // The stream exists before the worker starts: its first scheduled tick finds it.
      const provisioning = createAccountProvisioning({ db: platform.db, onAccountCreated: provisionStation });
      const email = `fm-${Math.random().toString(36).slice(2)}@example.test`;
      await provisioning.ensureAccount({
        email,
        password: 'station password 123',
        displayName: 'FM',
        role: 'station',
      });
      const userId = (await usersRepository.findByEmail(platform.db, email))!.id;
      const stationId = (await stationsRepository.findIdByOwner(platform.db, userId))!;
      await streamsRepository.insert(platform.db, { stationId, url: icecast.url('/fm.mp3'), label: null });
      worker = await startWorker(config, { platform, logger });
    });

    afterAll(async () => {
      await worker?.lifecycle.shutdown('test');
      await platform?.close();
      for (const cleanup of cleanups) await cleanup();
      if (storageDir) await rm(storageDir, { recursive: true, force: true });
    });

    it('records a window of the stream, stores it as a capture and marks the stream up', async () => {
      const streamCaptures = async () =>
        (
          await platform.db.query<{
            source: string;
            duration_ms: number;
            state: string;
            storage_name: string;
          }>(
            `SELECT c.source, c.duration_ms, s.state, u.storage_name FROM captures c
             JOIN station_streams s ON s.id = c.stream_id JOIN uploads u ON u.id = c.upload_id`,
          )
        ).rows;
      await expect
        .poll(async () => (await streamCaptures()).length, { timeout: 30_000, interval: 250 })
        .toBe(1);
      const [capture] = await streamCaptures();
      expect(capture).toMatchObject({ source: 'stream', state: 'up' });
      expect(capture!.duration_ms).toBeGreaterThanOrEqual(5_000);
      expect(capture!.storage_name).toMatch(/^capture-audio\/.+\.mp3$/);
      expect(logs.lines().some((line) => line.msg === 'stream is now up')).toBe(true);
      const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
      expect(metrics).toMatch(/zamio_stream_checks_total\{[^}]*result="up"[^}]*\} 1/);
    });
  });
}

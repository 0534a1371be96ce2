// Issue 12's chain end to end, twice: (1) the bff in this process and the
// worker as its own process (apps/worker/src/main.ts), on the machine's
// Postgres and Redis (BullMQ) with a shared upload folder; (2) embedded mode
// as `npm start` runs it — one PGlite platform, the in-process queue and
// events port shared by bff and worker.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessAirplayEvents, type AirplayEvent } from '@zamio/airplay';
import { bffConfigFrom, bffSchema, loadConfig, workerConfigFrom, workerSchema } from '@zamio/env';
import { createLogger } from '@zamio/logger';
import { openPlatform } from '@zamio/platform';
import {
  captureLogs,
  createTestDatabase,
  createTestRedis,
  freePort,
  runEntry,
  type RunningEntry,
  type TestDatabase,
  type TestRedis,
} from '@zamio/testing';
import { startBff, type RunningBff } from '@zamio/bff/start';
import { startWorker } from '@zamio/worker/start';
import { runAirplayChain } from './support/airplay-chain';

const ROOT = join(import.meta.dirname, '../../..');
const quietLogger = (service: string) =>
  createLogger({ service, version: 'test', level: 'warn', pretty: false, destination: captureLogs().stream });

const metricValue = (text: string, line: RegExp) =>
  Number(
    text
      .split('\n')
      .find((l) => line.test(l))
      ?.split(' ')
      .at(-1) ?? 0,
  );

describe('airplay chain: bff, worker process, Postgres, Redis', () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let uploadDir: string;
  let bff: RunningBff;
  let worker: RunningEntry;
  let workerMetricsUrl: string;

  beforeAll(async () => {
    [db, redis, uploadDir] = [
      await createTestDatabase(),
      createTestRedis(),
      await mkdtemp(join(tmpdir(), 'zamio-chain-')),
    ];
    const env = {
      ZAMIO_ENV: 'test',
      LOG_PRETTY: 'false',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: redis.prefix,
      UPLOAD_DIR: uploadDir,
      SHUTDOWN_DRAIN_DELAY: '0',
    };
    bff = await startBff(
      bffConfigFrom({
        ...loadConfig(bffSchema, {
          ...env,
          METRICS_PORT: '0',
          SEED_DEMO_DATA: 'true',
          RATE_LIMIT_UPLOAD_MAX: '1000',
        }),
        PORT: 0,
      }),
      { logger: quietLogger('bff') },
    );
    const [healthPort, metricsPort] = [await freePort(), await freePort()];
    workerMetricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
    worker = runEntry(
      'apps/worker/src/main.ts',
      {
        ...env,
        WORKER_HEALTH_PORT: String(healthPort),
        METRICS_PORT: String(metricsPort),
        WORKER_CONCURRENCY: '2',
      },
      ROOT,
    );
    // The worker process is ready when its /readyz says so.
    for (const deadline = Date.now() + 90_000; ;) {
      const status = (await fetch(`http://127.0.0.1:${healthPort}/readyz`).catch(() => undefined))?.status;
      if (status === 200) break;
      if (Date.now() > deadline) throw new Error(`worker not ready: ${worker.output().slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }, 120_000);

  afterAll(async () => {
    worker?.child.kill('SIGTERM');
    await worker?.exited;
    await bff?.lifecycle.shutdown('test done');
    await redis?.cleanup();
    await db?.drop();
    await rm(uploadDir, { recursive: true, force: true });
  });

  it('uploads, fingerprints, matches three degraded captures into one play of ~30 s, and ignores unrelated audio', async () => {
    await runAirplayChain(bff.url.replace('0.0.0.0', '127.0.0.1'));
    const metrics = await (await fetch(workerMetricsUrl)).text();
    expect(metricValue(metrics, /^zamio_tracks_fingerprinted_total\{.*outcome="ready"/)).toBe(1);
    expect(metricValue(metrics, /^zamio_captures_matched_total\{.*result="matched"/)).toBe(3);
    expect(metricValue(metrics, /^zamio_captures_matched_total\{.*result="unmatched"/)).toBe(1);
    expect(metricValue(metrics, /^zamio_plays_created_total/)).toBe(1);
    expect(metricValue(metrics, /^zamio_capture_match_seconds_count\{.*result="matched"/)).toBe(3);
  }, 240_000);
});

describe('airplay chain: embedded mode (PGlite, in-process queue)', () => {
  const events = createInProcessAirplayEvents();
  const seen: AirplayEvent[] = [];
  events.subscribe((event) => void seen.push(event));
  let close: () => Promise<void>;
  let url: string;

  beforeAll(async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'zamio-chain-embedded-'));
    const env = {
      ZAMIO_ENV: 'test',
      LOG_PRETTY: 'false',
      HOST: '127.0.0.1',
      DATABASE_URL: `pglite:${join(dataDir, 'db')}`,
      REDIS_URL: 'memory:',
      UPLOAD_DIR: join(dataDir, 'uploads'),
      METRICS_PORT: '0',
      SHUTDOWN_DRAIN_DELAY: '0',
      SEED_DEMO_DATA: 'true',
    };
    const bffConfig = bffConfigFrom({ ...loadConfig(bffSchema, env), PORT: 0 });
    const workerConfig = workerConfigFrom({ ...loadConfig(workerSchema, env), WORKER_HEALTH_PORT: 0 });
    const logger = quietLogger('embedded');
    const platform = await openPlatform(bffConfig, { service: 'embedded', logger, migrate: true });
    const bff = await startBff(bffConfig, { logger, platform, airplayEvents: events });
    const worker = await startWorker(workerConfig, { logger, platform, airplayEvents: events });
    url = bff.url.replace('0.0.0.0', '127.0.0.1');
    close = async () => {
      await worker.lifecycle.shutdown('test done');
      await bff.lifecycle.shutdown('test done');
      await platform.close();
      await rm(dataDir, { recursive: true, force: true });
    };
  }, 120_000);
  afterAll(async () => close?.());

  it('runs the same chain, and the artist and station are told of the play', async () => {
    const { artistId, stationId, play } = await runAirplayChain(url);
    const playEvents = seen.filter((e) => e.type === 'play.changed' && e.play.id === play.id);
    expect(playEvents.length).toBeGreaterThanOrEqual(3);
    expect(playEvents.every((e) => e.stationId === stationId && e.artistUserIds.includes(artistId))).toBe(
      true,
    );
    expect(seen.filter((e) => e.type === 'detection.created')).toHaveLength(3);
  }, 240_000);
});

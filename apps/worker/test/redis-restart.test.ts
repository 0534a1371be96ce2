// The real worker (src/main.ts as a child process) through a real Redis
// outage: its own redis-server is killed and started again, empty (as a
// Redis without persistence comes back, every queued job gone). Readiness
// says 503 meanwhile and liveness 200; when Redis is back the BullMQ workers
// take jobs again by themselves, and a capture the bff stored while the
// queue was down (its job never queued) is matched through the lost-work
// sweep, exactly once. Every line printed is JSON, the outage told in a
// bounded number of warnings rather than one per reconnect attempt.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountProvisioning, usersRepository } from '@zamio/accounts';
import { provisionStation, stationsRepository } from '@zamio/airplay';
import { loadWorkerConfig } from '@zamio/env';
import { uploadsRepository } from '@zamio/files';
import { createLogger } from '@zamio/logger';
import { openPlatform, type DatabasePlatform } from '@zamio/platform';
import { createBullmqProducer, createRedis, type JobProducer } from '@zamio/queue';
import {
  captureLogs,
  createTestDatabase,
  freePort,
  jsonLogLines,
  runEntry,
  startRedisServer,
  wavFile,
  warningsOf,
  type RedisServer,
  type RunningEntry,
  type TestDatabase,
} from '@zamio/testing';

const ROOT = resolve(import.meta.dirname, '../../..');
const PREFIX = `zamio-worker-restart-${process.pid}`;

describe('worker through a Redis restart', () => {
  let redis: RedisServer;
  let database: TestDatabase;
  let uploadDir: string;
  let platform: DatabasePlatform;
  let worker: RunningEntry;
  let healthUrl: string;
  let stationId: string;
  let stationUserId: string;

  const status = (path: string) =>
    fetch(`${healthUrl}${path}`, { signal: AbortSignal.timeout(5_000) }).then(
      (r) => r.status,
      () => 0,
    );

  /** A capture as the bff stores it (upload row, audio file, pending row) — with no job queued. */
  async function storedCapture(chunkId: string): Promise<string> {
    const key = `capture-audio/${randomBytes(8).toString('hex')}.wav`;
    const bytes = wavFile(10);
    await mkdir(join(uploadDir, 'capture-audio'), { recursive: true });
    await writeFile(join(uploadDir, key), bytes);
    const upload = await uploadsRepository.insert(
      platform.db,
      {
        kind: 'capture-audio',
        storageName: key,
        sizeBytes: bytes.length,
        sha256: '0'.repeat(64),
        mimeType: 'audio/wav',
        audio: { durationMs: 10_000, sampleRate: 8_000 },
      } as never,
      { userId: stationUserId, stationId },
      `${chunkId}.wav`,
    );
    const { rows } = await platform.db.query<{ id: string }>(
      `INSERT INTO captures (station_id, chunk_id, upload_id, source, started_at, duration_ms)
       VALUES ($1, $2, $3, 'device', now(), 10000) RETURNING id`,
      [stationId, chunkId, upload.id],
    );
    return rows[0]!.id;
  }

  beforeAll(async () => {
    redis = await startRedisServer();
    database = await createTestDatabase();
    uploadDir = await mkdtemp(join(tmpdir(), 'zamio-worker-restart-'));
    const env = {
      ZAMIO_ENV: 'test',
      LOG_LEVEL: 'info',
      LOG_PRETTY: 'false',
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: PREFIX,
      REDIS_CONNECT_TIMEOUT: '1s',
      REDIS_COMMAND_TIMEOUT: '1s',
      UPLOAD_DIR: uploadDir,
      METRICS_PORT: '0',
      LOST_WORK_SWEEP_INTERVAL: '1s',
    };
    const config = loadWorkerConfig({ ...env, WORKER_HEALTH_PORT: '0' });
    platform = await openPlatform(config, {
      service: 'test',
      migrate: true,
      jobs: false,
      logger: createLogger({
        service: 'test',
        version: 'test',
        level: 'warn',
        pretty: false,
        destination: captureLogs().stream,
      }),
    });
    await createAccountProvisioning({ db: platform.db, onAccountCreated: provisionStation }).ensureAccount({
      email: 'restart-fm@example.test',
      password: 'station password 123',
      displayName: 'Restart FM',
      role: 'station',
    });
    stationUserId = (await usersRepository.findByEmail(platform.db, 'restart-fm@example.test'))!.id;
    stationId = (await stationsRepository.findIdByOwner(platform.db, stationUserId))!;

    const healthPort = await freePort();
    healthUrl = `http://127.0.0.1:${healthPort}`;
    worker = runEntry('apps/worker/src/main.ts', { ...env, WORKER_HEALTH_PORT: String(healthPort) }, ROOT);
    const until = Date.now() + 45_000;
    while ((await status('/readyz')) !== 200) {
      if (worker.child.exitCode !== null) throw new Error(`worker exited: ${worker.output()}`);
      if (Date.now() > until) throw new Error(`worker not ready: ${worker.output()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 90_000);

  afterAll(async () => {
    worker?.child.kill('SIGTERM');
    await worker?.exited;
    await platform?.close();
    await redis?.stop();
    await database?.drop();
    if (uploadDir) await rm(uploadDir, { recursive: true, force: true });
  });

  it('pauses while Redis is down, then takes jobs again and matches what was stored meanwhile, once', async () => {
    const outageFrom = worker.stdout().length;
    await redis.stop();
    await expect.poll(() => status('/readyz'), { timeout: 10_000, interval: 200 }).toBe(503);
    expect(await status('/livez')).toBe(200);
    // Stored by the bff while the queue was down: no job for it anywhere.
    const captureId = await storedCapture('during-outage');
    // Long enough for several reconnect attempts of every connection.
    await new Promise((r) => setTimeout(r, 4_000));
    expect(await status('/livez')).toBe(200);

    await redis.start();
    const backAt = Date.now();
    await expect.poll(() => status('/readyz'), { timeout: 10_000, interval: 200 }).toBe(200);

    // BullMQ's workers consume again: a job queued now is done.
    const connection = createRedis(
      { url: redis.url, connectTimeoutMs: 1_000, commandTimeoutMs: 1_000 },
      'request-path',
    );
    connection.on('error', () => {});
    let producer: JobProducer | undefined;
    try {
      await new Promise((ready) => connection.once('ready', ready));
      producer = createBullmqProducer(connection, PREFIX);
      await producer.enqueue('system.heartbeat', { requestId: 'after-the-outage', origin: 'test' });
      await expect
        .poll(
          async () =>
            (
              await platform.db.query<{ n: number }>(
                "SELECT count(*)::int AS n FROM service_heartbeats WHERE request_id = 'after-the-outage'",
              )
            ).rows[0]!.n,
          { timeout: 15_000, interval: 250 },
        )
        .toBe(1);
    } finally {
      await producer?.close();
      connection.disconnect();
    }

    // The stored capture, through the sweep (1 s here): matched (nothing in the catalogue: unmatched), once.
    const captureStatus = async () =>
      (await platform.db.query<{ status: string }>('SELECT status FROM captures WHERE id = $1', [captureId]))
        .rows[0]!.status;
    await expect.poll(captureStatus, { timeout: 20_000, interval: 250 }).toBe('unmatched');
    expect(Date.now() - backAt).toBeLessThan(20_000);
    // Sweeps keep running: still one match of it.
    await new Promise((r) => setTimeout(r, 2_500));
    // Every line JSON (stdout and stderr).
    const parsed = jsonLogLines(worker.output()) as { level: string; msg: string; captureId?: string }[];
    expect(
      parsed.filter((line) => line.msg === 'capture matched' && line.captureId === captureId),
    ).toHaveLength(1);

    const outage = jsonLogLines(worker.stdout().slice(outageFrom)) as { level: string; msg: string }[];
    const warnings = warningsOf(outage);
    expect(warnings.length, warnings.map((w) => w.msg).join('\n')).toBeLessThanOrEqual(8);
    expect(outage.some((line) => line.msg === 'redis connected; jobs resume')).toBe(true);
  });
});

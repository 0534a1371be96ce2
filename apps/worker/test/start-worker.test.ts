// The worker on its own: consumes the heartbeat job from the embedded queue,
// records it in the database under the job's request id, and reports health
// on its own port; readiness fails once it is shutting down.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkerConfig } from '@zamio/env';
import { createLogger } from '@zamio/logger';
import { openPlatform, type Platform } from '@zamio/platform';
import { captureLogs, freePort } from '@zamio/testing';
import { startWorker, type RunningWorker } from '../src/start-worker';

describe('worker', () => {
  let platform: Platform;
  let worker: RunningWorker;
  const logs = captureLogs();

  let uploadDir: string;

  beforeAll(async () => {
    uploadDir = await mkdtemp(join(tmpdir(), 'zamio-worker-uploads-'));
    const port = await freePort();
    const config = loadWorkerConfig({
      ZAMIO_ENV: 'test',
      HOST: '127.0.0.1',
      DATABASE_URL: 'pglite:memory',
      REDIS_URL: 'memory:',
      METRICS_PORT: '0',
      WORKER_HEALTH_PORT: String(port),
      UPLOAD_DIR: uploadDir,
    });
    const logger = createLogger({
      service: 'worker',
      version: 'test',
      level: 'info',
      pretty: false,
      destination: logs.stream,
    });
    // As the embedded launcher does: one platform (PGlite, in-process queue) lent to the worker.
    platform = await openPlatform(config, { service: 'test', logger, migrate: true });
    worker = await startWorker(config, { platform, logger });
  });
  afterAll(async () => {
    await platform?.close();
    await rm(uploadDir, { recursive: true, force: true });
  });

  it('records a heartbeat job under its request id and logs with it', async () => {
    await platform.jobs.enqueue('system.heartbeat', { requestId: 'req-worker-test-1', origin: 'test' });
    const recorded = async () =>
      (
        await platform.db.query<{ request_id: string }>(
          "SELECT request_id FROM service_heartbeats WHERE service = 'worker'",
        )
      ).rows.map((r) => r.request_id);
    await expect.poll(recorded, { timeout: 5_000, interval: 20 }).toContain('req-worker-test-1');
    expect(await recorded()).toContain('req-worker-test-1');
    expect(
      logs.lines().some((line) => line.reqId === 'req-worker-test-1' && line.msg === 'heartbeat recorded'),
    ).toBe(true);
  });
  it('reads what was stored through the platform storage (what its jobs decode from)', async () => {
    await platform.storage.put('capture-audio/00ff.wav', Readable.from([Buffer.from('RIFF-capture')]), {
      contentType: 'audio/wav',
    });
    const chunks: Buffer[] = [];
    for await (const chunk of await worker.storage.read('capture-audio/00ff.wav'))
      chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('RIFF-capture');
  });

  it('serves liveness and readiness, and turns unready on shutdown', async () => {
    expect((await fetch(`${worker.healthUrl}/livez`)).status).toBe(200);
    const ready = await fetch(`${worker.healthUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { checks: { name: string }[] }).checks.map((c) => c.name)).toEqual([
      'postgres',
      'schema',
      'redis',
      'storage',
    ]);
    const stopping = worker.lifecycle.shutdown('test');
    expect(worker.lifecycle.shuttingDown).toBe(true);
    expect(await stopping).toBe(0);
  });
});

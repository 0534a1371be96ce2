// The worker on its own: consumes the heartbeat job from the embedded queue,
// records it in the database under the job's request id, and reports health
// on its own port; readiness fails once it is shutting down.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, workerSchema } from '@zamio/env';
import { createLogger } from '@zamio/logger';
import { migrate, openDatabase, type Database } from '@zamio/db';
import { createInProcessQueue, type InProcessQueue } from '@zamio/queue';
import { captureLogs, freePort } from '@zamio/testing';
import { startWorker, type RunningWorker } from '../src/start-worker';

describe('worker', () => {
  let db: Database;
  let queue: InProcessQueue;
  let worker: RunningWorker;
  const logs = captureLogs();

  beforeAll(async () => {
    const port = await freePort();
    const config = loadConfig(workerSchema, {
      ZAMIO_ENV: 'test',
      HOST: '127.0.0.1',
      DATABASE_URL: 'pglite:memory',
      REDIS_URL: 'memory:',
      METRICS_PORT: '0',
      WORKER_HEALTH_PORT: String(port),
    });
    db = await openDatabase({
      url: config.DATABASE_URL,
      poolMax: 1,
      idleTimeoutMs: 0,
      connectTimeoutMs: 0,
      acquireTimeoutMs: 0,
      statementTimeoutMs: 0,
      applicationName: 'test',
    });
    await migrate(db);
    queue = createInProcessQueue();
    worker = await startWorker(config, {
      db,
      queue,
      logger: createLogger({
        service: 'worker',
        version: 'test',
        level: 'info',
        pretty: false,
        destination: logs.stream,
      }),
    });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('records a heartbeat job under its request id and logs with it', async () => {
    await queue.enqueue('system.heartbeat', { requestId: 'req-worker-test-1', origin: 'test' });
    await queue.idle();
    const { rows } = await db.query<{ request_id: string }>(
      "SELECT request_id FROM service_heartbeats WHERE service = 'worker'",
    );
    expect(rows.map((r) => r.request_id)).toContain('req-worker-test-1');
    expect(
      logs.lines().some((line) => line.reqId === 'req-worker-test-1' && line.msg === 'heartbeat recorded'),
    ).toBe(true);
  });

  it('serves liveness and readiness, and turns unready on shutdown', async () => {
    expect((await fetch(`${worker.healthUrl}/livez`)).status).toBe(200);
    const ready = await fetch(`${worker.healthUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { checks: { name: string }[] }).checks.map((c) => c.name)).toEqual([
      'postgres',
      'schema',
      'redis',
    ]);
    const stopping = worker.lifecycle.shutdown('test');
    expect(worker.lifecycle.shuttingDown).toBe(true);
    expect(await stopping).toBe(0);
  });
});

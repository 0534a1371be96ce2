// The real bff and the real worker in this process, sharing the machine's
// Postgres (one test database) and Redis (one random key prefix) through
// BullMQ — the production path, not the embedded in-process queue.
import { bffConfigFrom, bffSchema, loadConfig, workerConfigFrom, workerSchema } from '@zamio/env';
import { createLogger } from '@zamio/logger';
import {
  bootstrapAdmin,
  captureLogs,
  createTestDatabase,
  createTestRedis,
  freePort,
  signedInHeaders,
  type LogCapture,
  type SignedInHeaders,
} from '@zamio/testing';
// A cross-app test on purpose: it proves the bff → queue → worker path.
import { startBff, type RunningBff } from '@zamio/bff/start';
import { startWorker, type RunningWorker } from '@zamio/worker/start';

export interface Stack {
  bff: RunningBff;
  worker: RunningWorker;
  bffLogs: LogCapture;
  workerLogs: LogCapture;
  bffMetricsUrl: string;
  workerMetricsUrl: string;
  /** A signed-in administrator's cookie, CSRF token and Origin (the heartbeat routes are admin-only). */
  admin: SignedInHeaders;
  stop(): Promise<void>;
}

export async function startBffAndWorker(): Promise<Stack> {
  const testDb = await createTestDatabase();
  const testRedis = createTestRedis();
  const opsAdmin = bootstrapAdmin();
  const [bffMetricsPort, workerMetricsPort] = [await freePort(), await freePort()];
  const env = {
    ZAMIO_ENV: 'test',
    LOG_LEVEL: 'info',
    LOG_PRETTY: 'false',
    HOST: '127.0.0.1',
    DATABASE_URL: testDb.url,
    REDIS_URL: testRedis.url,
    REDIS_KEY_PREFIX: testRedis.prefix,
    SHUTDOWN_DRAIN_DELAY: '0',
  };
  const bffLogs = captureLogs();
  const workerLogs = captureLogs();
  const logger = (service: string, logs: LogCapture) =>
    createLogger({ service, version: 'test', level: 'info', pretty: false, destination: logs.stream });

  const bff = await startBff(
    bffConfigFrom({
      ...loadConfig(bffSchema, { ...env, ...opsAdmin.env, METRICS_PORT: String(bffMetricsPort) }),
      PORT: 0,
    }),
    { logger: logger('bff', bffLogs) },
  );
  const worker = await startWorker(
    workerConfigFrom({
      ...loadConfig(workerSchema, {
        ...env,
        METRICS_PORT: String(workerMetricsPort),
        WORKER_CONCURRENCY: '2',
      }),
      WORKER_HEALTH_PORT: 0,
    }),
    { logger: logger('worker', workerLogs) },
  );
  const admin = await signedInHeaders(bff.url, opsAdmin.credentials);
  return {
    bff,
    worker,
    admin,
    bffLogs,
    workerLogs,
    bffMetricsUrl: `http://127.0.0.1:${bffMetricsPort}/metrics`,
    workerMetricsUrl: `http://127.0.0.1:${workerMetricsPort}/metrics`,
    async stop() {
      await worker.lifecycle.shutdown('test done');
      await bff.lifecycle.shutdown('test done');
      await testRedis.cleanup();
      await testDb.drop();
      opsAdmin.cleanup();
    },
  };
}

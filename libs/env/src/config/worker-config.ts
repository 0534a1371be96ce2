// The worker's configuration as the app sees it, built once from the
// validated environment (schemas/worker.ts). Database and Redis come from the
// same translation as the bff's, so both processes read them alike.
import type { Environment } from '../variable';
import type { WorkerEnv } from '../schemas/worker';
import { toStorageConfig, type StorageConfig } from '../schemas/storage';
import {
  databaseFrom,
  logFrom,
  metricsFrom,
  redisFrom,
  releaseFrom,
  type DatabaseConfig,
  type LogConfig,
  type MetricsConfig,
  type RedisConfig,
  type ReleaseInfo,
  type ShutdownConfig,
} from './server-config';

export interface StreamMonitorConfig {
  /** Audio recorded per check. */
  windowMs: number;
  /** Each active stream is checked this often. */
  intervalMs: number;
  downAfterFailures: number;
  /** Tests and LAN deployments only (refused in staging/production). */
  allowPrivateAddresses: boolean;
}

export interface WorkerConfig {
  environment: Environment;
  release: ReleaseInfo;
  log: LogConfig;
  /** The small /livez, /readyz, /health listener. */
  health: { host: string; port: number; detailsToken: string };
  metrics: MetricsConfig;
  /** lostWorkSweepMs: how often (and after how long unfinished) lost work is queued again. */
  jobs: { concurrency: number; lostWorkSweepMs: number };
  streams: StreamMonitorConfig;
  database: DatabaseConfig;
  redis: RedisConfig;
  /** The same storage as the bff's: the worker reads uploaded audio from it. */
  storage: StorageConfig;
  shutdown: ShutdownConfig;
}

export function workerConfigFrom(env: WorkerEnv & { ZAMIO_ENV: Environment }): WorkerConfig {
  return {
    environment: env.ZAMIO_ENV,
    release: releaseFrom(env),
    log: logFrom(env),
    health: { host: env.HOST, port: env.WORKER_HEALTH_PORT, detailsToken: env.HEALTH_DETAILS_TOKEN },
    metrics: metricsFrom(env),
    jobs: { concurrency: env.WORKER_CONCURRENCY, lostWorkSweepMs: env.LOST_WORK_SWEEP_INTERVAL },
    streams: {
      windowMs: env.STREAM_WINDOW,
      intervalMs: env.STREAM_CHECK_INTERVAL,
      downAfterFailures: env.STREAM_DOWN_AFTER_FAILURES,
      allowPrivateAddresses: env.STREAM_ALLOW_PRIVATE_ADDRESSES,
    },
    database: databaseFrom(env),
    redis: redisFrom(env),
    storage: toStorageConfig(env),
    // No proxy routes to the worker: nothing to drain before stopping.
    shutdown: { drainDelayMs: 0, timeoutMs: env.SHUTDOWN_TIMEOUT },
  };
}

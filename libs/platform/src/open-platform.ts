// What every server process opens before it does anything else, in one
// order: the logger, the database (waiting for it), pending migrations under
// the advisory lock (when asked), the job queue with its Redis connection,
// and the upload storage (a directory or an S3 bucket, shared by the bff and
// the worker). Every composition root (bff, worker, migrate, create-admin,
// the embedded launcher, benchmarks) starts here, so none repeats it.
import type { Redis } from 'ioredis';
import type { Database } from '@zamio/db';
import type {
  DatabaseConfig,
  LogConfig,
  MigrationsConfig,
  RedisConfig,
  ReleaseInfo,
  StorageConfig,
} from '@zamio/env';
import type { HealthCheck } from '@zamio/health';
import { createLogger, type Logger } from '@zamio/logger';
import { createStorage, storageHealthCheck, type ObjectStorage } from '@zamio/uploads';
import { dataHealthChecks } from './data-health-checks';
import type { ShutdownStep } from './lifecycle';
import { applyMigrations, openReachableDatabase } from './open-database';
import { inProcessJobs, openRedisJobs, type JobQueue } from './open-jobs';

export interface PlatformConfig {
  release: ReleaseInfo;
  log: LogConfig;
  database: DatabaseConfig;
  redis: RedisConfig;
  /** Where uploads live; the full platform opens it (one-shot database tools need none). */
  storage?: StorageConfig;
  migrations?: MigrationsConfig;
}

export interface PlatformOptions {
  /** Names the process in logs and in pg_stat_activity (`zamio-<service>`). */
  service: string;
  /** The caller's logger (tests capture lines; the embedded launcher shares one). */
  logger?: Logger;
  /** Apply pending migrations now; defaults to `config.migrations.onStart`. */
  migrate?: boolean;
  /** false: only the database, for one-shot tools that run no jobs (migrate, create-admin). */
  jobs?: boolean;
}

export interface DatabasePlatform {
  logger: Logger;
  db: Database;
  /** In shutdown order, to run after the app's own steps (the lifecycle's tail). */
  closeSteps: ShutdownStep[];
  /** Runs closeSteps (one-shot tools). */
  close(): Promise<void>;
}

export interface Platform extends DatabasePlatform {
  jobs: JobQueue;
  /** The request-path Redis connection; undefined with the in-process queue. */
  redis: Redis | undefined;
  redisKeyPrefix: string;
  /**
   * The upload storage, uninstrumented: each app wraps it with its own
   * metrics (instrumentStorage), so an embedded bff and worker count apart.
   */
  storage: ObjectStorage;
  /** Postgres, schema, Redis and storage (critical: a process that cannot read or store uploads is not ready). */
  healthChecks(options: { redisCritical: boolean }): HealthCheck[];
}

export function openPlatform(
  config: PlatformConfig,
  options: PlatformOptions & { jobs: false },
): Promise<DatabasePlatform>;
export function openPlatform(
  config: PlatformConfig & { storage: StorageConfig },
  options: PlatformOptions,
): Promise<Platform>;
export async function openPlatform(
  config: PlatformConfig,
  options: PlatformOptions,
): Promise<Platform | DatabasePlatform> {
  const logger = options.logger ?? createProcessLogger(options.service, config);
  const db = await openReachableDatabase(config.database, logger, options.service);
  const databaseStep: ShutdownStep = { name: 'database', run: () => db.close() };
  try {
    if (options.migrate ?? config.migrations?.onStart ?? false)
      await applyMigrations(db, logger, config.migrations?.statementTimeoutMs ?? 600_000);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  if (options.jobs === false) return withClose({ logger, db, closeSteps: [databaseStep] });

  const opened =
    config.redis.kind === 'redis'
      ? await openRedisJobs(config.redis, logger).catch(async (error: unknown) => {
          await db.close().catch(() => undefined);
          throw error;
        })
      : undefined;
  const jobs = opened?.jobs ?? inProcessJobs();
  const redis = opened?.redis;
  // No round trip here: a storage briefly down must not stop the start; readiness reports it.
  const storageConfig = config.storage;
  if (!storageConfig) throw new Error('openPlatform with jobs needs config.storage');
  const storage = createStorage(storageConfig);
  logger.info({ storage: storage.location }, 'upload storage opened');
  return withClose({
    logger,
    db,
    jobs,
    redis,
    redisKeyPrefix: config.redis.keyPrefix,
    storage,
    healthChecks: ({ redisCritical }: { redisCritical: boolean }) => [
      ...dataHealthChecks(db, jobs, redisCritical, opened === undefined),
      storageHealthCheck(storage, storageConfig.timeouts.probeMs),
    ],
    closeSteps: [
      { name: 'queue', run: () => jobs.close() },
      { name: 'redis', run: async () => void (await redis?.quit().catch(() => redis.disconnect())) },
      { name: 'storage', run: () => storage.close() },
      databaseStep,
    ],
  });
}

function withClose<P extends Omit<DatabasePlatform, 'close'>>(platform: P): P & DatabasePlatform {
  return {
    ...platform,
    async close() {
      for (const step of platform.closeSteps) await step.run();
    },
  };
}

/** The process's one logger, as its config says (JSON lines; pretty only in local). */
export const createProcessLogger = (
  service: string,
  config: Pick<PlatformConfig, 'release' | 'log'>,
): Logger => createLogger({ service, version: config.release.version, ...config.log });

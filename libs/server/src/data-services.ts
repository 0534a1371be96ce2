// Opens what a server process needs, in order, with start-up retries: the
// database (waiting for it with backoff), migrations under the advisory lock
// when asked, then Redis and the job producer; plus health checks over them.
import {
  currentSchemaVersion,
  migrate,
  openDatabase,
  REQUIRED_SCHEMA_VERSION,
  waitForDatabase,
  type Database,
} from '@zamio/db';
import { createBullmqProducer, createRedis, waitForRedis, type JobProducer } from '@zamio/queue';
import type { HealthCheck } from '@zamio/health';
import type { Logger } from '@zamio/logger';
import type { Redis } from 'ioredis';

export interface DataConfig {
  DATABASE_URL: string;
  DATABASE_POOL_MAX: number;
  DATABASE_IDLE_TIMEOUT: number;
  DATABASE_CONNECT_TIMEOUT: number;
  DATABASE_ACQUIRE_TIMEOUT: number;
  DATABASE_STATEMENT_TIMEOUT: number;
  DATABASE_STARTUP_DEADLINE: number;
  REDIS_URL: string;
  REDIS_KEY_PREFIX: string;
  REDIS_CONNECT_TIMEOUT: number;
  REDIS_COMMAND_TIMEOUT: number;
}

export async function openDataServices(
  config: DataConfig,
  logger: Logger,
  service: string,
): Promise<Database> {
  const db = await openDatabase({
    url: config.DATABASE_URL,
    poolMax: config.DATABASE_POOL_MAX,
    idleTimeoutMs: config.DATABASE_IDLE_TIMEOUT,
    connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT,
    acquireTimeoutMs: config.DATABASE_ACQUIRE_TIMEOUT,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT,
    applicationName: `zamio-${service}`,
    onPoolError: (error) => logger.warn({ err: error }, 'database connection lost; the pool will reconnect'),
  });
  await waitForDatabase(db, {
    deadlineMs: config.DATABASE_STARTUP_DEADLINE,
    onRetry: (attempt, delayMs, error) =>
      logger.warn(
        { attempt, delayMs: Math.round(delayMs), err: error },
        'database not reachable yet, retrying',
      ),
  });
  logger.info({ kind: db.kind }, 'database reachable');
  return db;
}

export async function applyMigrations(
  db: Database,
  logger: Logger,
  statementTimeoutMs: number,
): Promise<void> {
  const result = await migrate(db, {
    statementTimeoutMs,
    onWaitingForLock: () => logger.info('another process is migrating; waiting for the migration lock'),
    onApplied: (m) => logger.info({ migration: m }, 'migration applied'),
  });
  logger.info({ schemaVersion: result.version, applied: result.applied.length }, 'schema up to date');
}

export function openRedisProducer(
  config: DataConfig,
  logger: Logger,
): { redis: Redis; producer: JobProducer } {
  const redis = createRedis(
    {
      url: config.REDIS_URL,
      connectTimeoutMs: config.REDIS_CONNECT_TIMEOUT,
      commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT,
    },
    'request-path',
  );
  let lastState = '';
  const note = (state: string, error?: unknown) => {
    if (state === lastState) return;
    lastState = state;
    if (state === 'ready') logger.info('redis connected');
    else logger.warn({ err: error }, `redis ${state}; queue and shared limits degraded until it returns`);
  };
  redis.on('ready', () => note('ready'));
  redis.on('error', (error) => note('unavailable', error));
  redis.on('end', () => note('closed'));
  return {
    redis,
    producer: createBullmqProducer(redis, config.REDIS_KEY_PREFIX, {
      enqueueTimeoutMs: config.REDIS_COMMAND_TIMEOUT,
    }),
  };
}

/** Start-up: wait for Redis like for the database, with the same deadline. */
export async function awaitRedis(
  redis: Redis,
  config: Pick<DataConfig, 'DATABASE_STARTUP_DEADLINE'>,
  logger: Logger,
): Promise<void> {
  await waitForRedis(redis, {
    deadlineMs: config.DATABASE_STARTUP_DEADLINE,
    onRetry: (attempt, delayMs, error) =>
      logger.warn({ attempt, delayMs, err: error }, 'redis not reachable yet, retrying'),
  });
}

export function dataHealthChecks(
  db: Database,
  queue: Pick<JobProducer, 'ping'>,
  redisCritical: boolean,
): HealthCheck[] {
  return [
    {
      name: 'postgres',
      critical: true,
      timeoutMs: 1_500,
      run: async () => void (await db.query('SELECT 1')),
    },
    {
      name: 'schema',
      critical: true,
      timeoutMs: 1_500,
      run: async () => {
        const version = await currentSchemaVersion(db);
        if (version < REQUIRED_SCHEMA_VERSION)
          throw new Error(`schema version ${version} is older than required ${REQUIRED_SCHEMA_VERSION}`);
        return { version, required: REQUIRED_SCHEMA_VERSION };
      },
    },
    { name: 'redis', critical: redisCritical, timeoutMs: 1_000, run: () => queue.ping() },
  ];
}

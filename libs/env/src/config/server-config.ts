// The parts every server process shares (bff, worker, their one-shot tools),
// translated from the variables of schemas/common.ts. Below libs/env nothing
// sees a variable name: code reads `config.database.poolMax`, never
// DATABASE_POOL_MAX.
import type { Environment } from '../variable';
import type { ConfigOf } from '../load-config';
import type { databaseSpec, processSpec, redisSpec, runtimeSpec } from '../schemas/common';
import { embeddedDataDirOf, isEmbeddedDatabaseUrl, isInProcessRedisUrl } from './connection-targets';

type RuntimeEnv = ConfigOf<typeof runtimeSpec> & { ZAMIO_ENV: Environment };
type DatabaseEnv = ConfigOf<typeof databaseSpec>;
type RedisEnv = ConfigOf<typeof redisSpec> & Pick<DatabaseEnv, 'DATABASE_STARTUP_DEADLINE'>;
type ProcessEnv = ConfigOf<typeof processSpec>;

export interface ReleaseInfo {
  version: string;
  revision: string;
}

export interface LogConfig {
  level: string;
  pretty: boolean;
}

export interface PostgresConfig {
  kind: 'postgres';
  url: string;
  poolMax: number;
  idleTimeoutMs: number;
  connectTimeoutMs: number;
  /** Waiting longer than this for a free pooled connection fails fast (503). */
  acquireTimeoutMs: number;
  statementTimeoutMs: number;
  /** At start, retry with backoff until this deadline, then fail. */
  startupDeadlineMs: number;
}

export interface EmbeddedDatabaseConfig {
  kind: 'pglite';
  /** Folder of the embedded database; undefined keeps it in memory. */
  dataDir: string | undefined;
  startupDeadlineMs: number;
}

export type DatabaseConfig = PostgresConfig | EmbeddedDatabaseConfig;

export interface RedisServerConfig {
  kind: 'redis';
  url: string;
  keyPrefix: string;
  connectTimeoutMs: number;
  commandTimeoutMs: number;
  /** Start-up waits for Redis as long as for the database. */
  startupDeadlineMs: number;
}

export interface InProcessRedisConfig {
  kind: 'memory';
  keyPrefix: string;
}

export type RedisConfig = RedisServerConfig | InProcessRedisConfig;

export interface MetricsConfig {
  /** 0: no separate /metrics listener. */
  port: number;
  host: string;
}

export interface ShutdownConfig {
  /** Keep serving with readiness at 503 this long after SIGTERM. */
  drainDelayMs: number;
  /** Hard limit of the whole graceful shutdown. */
  timeoutMs: number;
}

export const releaseFrom = (env: RuntimeEnv): ReleaseInfo => ({
  version: env.APP_VERSION,
  revision: env.GIT_REVISION,
});

export const logFrom = (env: RuntimeEnv): LogConfig => ({ level: env.LOG_LEVEL, pretty: env.LOG_PRETTY });

export function databaseFrom(env: DatabaseEnv): DatabaseConfig {
  if (isEmbeddedDatabaseUrl(env.DATABASE_URL)) {
    return {
      kind: 'pglite',
      dataDir: embeddedDataDirOf(env.DATABASE_URL),
      startupDeadlineMs: env.DATABASE_STARTUP_DEADLINE,
    };
  }
  return {
    kind: 'postgres',
    url: env.DATABASE_URL,
    poolMax: env.DATABASE_POOL_MAX,
    idleTimeoutMs: env.DATABASE_IDLE_TIMEOUT,
    connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT,
    acquireTimeoutMs: env.DATABASE_ACQUIRE_TIMEOUT,
    statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT,
    startupDeadlineMs: env.DATABASE_STARTUP_DEADLINE,
  };
}

export function redisFrom(env: RedisEnv): RedisConfig {
  if (isInProcessRedisUrl(env.REDIS_URL)) return { kind: 'memory', keyPrefix: env.REDIS_KEY_PREFIX };
  return {
    kind: 'redis',
    url: env.REDIS_URL,
    keyPrefix: env.REDIS_KEY_PREFIX,
    connectTimeoutMs: env.REDIS_CONNECT_TIMEOUT,
    commandTimeoutMs: env.REDIS_COMMAND_TIMEOUT,
    startupDeadlineMs: env.DATABASE_STARTUP_DEADLINE,
  };
}

export const metricsFrom = (env: ProcessEnv & { HOST: string }): MetricsConfig => ({
  port: env.METRICS_PORT,
  host: env.HOST,
});

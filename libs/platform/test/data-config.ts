// Database and Redis settings for tests: short timeouts so failures show quickly.
import type { PostgresConfig, RedisServerConfig } from '@zamio/env';

export function testDatabaseConfig(overrides: Partial<PostgresConfig> = {}): PostgresConfig {
  return {
    kind: 'postgres',
    url: 'postgres://postgres@127.0.0.1:5432/postgres',
    poolMax: 4,
    idleTimeoutMs: 10_000,
    connectTimeoutMs: 1_000,
    acquireTimeoutMs: 1_000,
    statementTimeoutMs: 5_000,
    startupDeadlineMs: 20_000,
    ...overrides,
  };
}

export function testRedisConfig(overrides: Partial<RedisServerConfig> = {}): RedisServerConfig {
  return {
    kind: 'redis',
    url: 'redis://127.0.0.1:6379/0',
    keyPrefix: 'zamio-test',
    connectTimeoutMs: 1_000,
    commandTimeoutMs: 1_000,
    startupDeadlineMs: 20_000,
    ...overrides,
  };
}

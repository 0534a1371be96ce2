// Data-service settings for tests: short timeouts so failures show quickly.
import type { DataConfig } from '../src/index';

export function testDataConfig(overrides: Partial<DataConfig> = {}): DataConfig {
  return {
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
    DATABASE_POOL_MAX: 4,
    DATABASE_IDLE_TIMEOUT: 10_000,
    DATABASE_CONNECT_TIMEOUT: 1_000,
    DATABASE_ACQUIRE_TIMEOUT: 1_000,
    DATABASE_STATEMENT_TIMEOUT: 5_000,
    DATABASE_STARTUP_DEADLINE: 20_000,
    REDIS_URL: 'redis://127.0.0.1:6379/0',
    REDIS_KEY_PREFIX: 'zamio-test',
    REDIS_CONNECT_TIMEOUT: 1_000,
    REDIS_COMMAND_TIMEOUT: 1_000,
    ...overrides,
  };
}

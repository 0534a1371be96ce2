// Variables shared by every server process (bff, worker, migrate).
import { connectionUrl, duration, flag, integer, text } from '../validators';
import { EMBEDDED_DATABASE_SCHEME, IN_PROCESS_REDIS_SCHEME } from '../config/connection-targets';

export const postgresOrEmbeddedUrl = connectionUrl(['postgres:', 'postgresql:', EMBEDDED_DATABASE_SCHEME]);
export const redisOrMemoryUrl = connectionUrl(['redis:', 'rediss:', IN_PROCESS_REDIS_SCHEME]);

export const runtimeSpec = {
  ZAMIO_ENV: text({
    desc: 'Deployment environment; staging and production refuse unsafe settings.',
    example: 'production',
    choices: ['local', 'test', 'staging', 'production'],
    default: 'local',
    group: 'Runtime',
  }),
  APP_VERSION: text({
    desc: 'Release version, set by the image build; shown in /version, logs and portals.',
    example: '1.4.2',
    default: '0.0.0-dev',
    group: 'Runtime',
  }),
  GIT_REVISION: text({
    desc: 'Git commit of the build, set by the image build (Coolify also injects SOURCE_COMMIT).',
    example: '3f2c9ab',
    default: 'unknown',
    group: 'Runtime',
  }),
  LOG_LEVEL: text({
    desc: 'Minimum log level.',
    example: 'info',
    choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace'],
    default: 'info',
    group: 'Logging',
  }),
  LOG_PRETTY: flag({
    desc: 'Human-readable coloured logs instead of JSON (development only; refused in production).',
    example: 'false',
    default: false,
    localDefault: 'true',
    group: 'Logging',
  }),
};

export const databaseSpec = {
  DATABASE_URL: postgresOrEmbeddedUrl({
    desc: 'PostgreSQL connection URL (postgres://user:pass@host:5432/db?sslmode=require). `pglite:<dir>` or `pglite:memory` selects the embedded database (local only).',
    example: 'postgres://zamio:secret@db.internal:5432/zamio',
    localDefault: 'pglite:.data/pglite',
    group: 'Database',
    secret: true,
  }),
  DATABASE_POOL_MAX: integer({
    desc: "Maximum connections in this process's pool (multiply by processes × replicas to size max_connections).",
    example: '10',
    default: 10,
    group: 'Database',
  }),
  DATABASE_IDLE_TIMEOUT: duration({
    desc: 'Close pooled connections idle for longer than this.',
    example: '30s',
    default: 30_000,
    group: 'Database',
  }),
  DATABASE_CONNECT_TIMEOUT: duration({
    desc: 'Give up on opening one connection after this long.',
    example: '5s',
    default: 5_000,
    group: 'Database',
  }),
  DATABASE_ACQUIRE_TIMEOUT: duration({
    desc: 'A request waiting longer than this for a free pooled connection fails with 503.',
    example: '3s',
    default: 3_000,
    group: 'Database',
  }),
  DATABASE_STATEMENT_TIMEOUT: duration({
    desc: 'Server-side statement_timeout for application queries.',
    example: '15s',
    default: 15_000,
    group: 'Database',
  }),
  DATABASE_STARTUP_DEADLINE: duration({
    desc: 'At start, retry connecting with backoff until this deadline, then exit with an error.',
    example: '60s',
    default: 60_000,
    group: 'Database',
  }),
};

export const redisSpec = {
  REDIS_URL: redisOrMemoryUrl({
    desc: 'Redis URL (redis://:password@host:6379/0, rediss:// for TLS). `memory:` keeps queues and limits in process (local only).',
    example: 'rediss://default:secret@redis.internal:6380/0',
    localDefault: 'memory:',
    group: 'Redis',
    secret: true,
  }),
  REDIS_KEY_PREFIX: text({
    desc: 'Prefix of every Redis key, so environments can share one Redis.',
    example: 'zamio',
    default: 'zamio',
    group: 'Redis',
  }),
  REDIS_CONNECT_TIMEOUT: duration({
    desc: 'Timeout for one Redis connection attempt.',
    example: '5s',
    default: 5_000,
    group: 'Redis',
  }),
  REDIS_COMMAND_TIMEOUT: duration({
    desc: 'A Redis command not answered within this fails instead of hanging the request.',
    example: '2s',
    default: 2_000,
    group: 'Redis',
  }),
};

export const processSpec = {
  METRICS_PORT: integer({
    desc: 'Internal port for Prometheus /metrics (0 disables the separate listener).',
    example: '9464',
    default: 9464,
    group: 'Observability',
  }),
  HEALTH_DETAILS_TOKEN: text({
    desc: 'Bearer token that unlocks full dependency details on /health; without it only statuses are shown.',
    example: 'b6f1…(32+ random chars)',
    default: '',
    group: 'Observability',
    secret: true,
  }),
  SHUTDOWN_TIMEOUT: duration({
    desc: "Hard limit for a graceful shutdown; keep below Coolify's stop grace period (30s default).",
    example: '25s',
    default: 25_000,
    group: 'Lifecycle',
  }),
};

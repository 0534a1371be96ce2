// The bff's configuration as the app sees it: one nested, typed object built
// once from the validated environment (schemas/bff.ts). Every variable of the
// bff schema lands in exactly one field here.
import { join } from 'node:path';
import type { Environment } from '../variable';
import type { BffEnv } from '../schemas/bff';
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

export interface HttpConfig {
  host: string;
  port: number;
  /** Processes serving HTTP; 0 = one per CPU the container may use. */
  processes: number;
  /** Proxies whose X-Forwarded-* headers are believed; false trusts nobody. */
  trustProxy: false | readonly string[];
  /** Redirect plain HTTP (as the trusted proxy reports it) to https://. */
  forceHttps: boolean;
  /** Strict-Transport-Security max-age in seconds; 0 sends none. */
  hstsMaxAgeSeconds: number;
  keepAliveTimeoutMs: number;
  requestTimeoutMs: number;
  bodyLimitBytes: number;
  cors: { origins: readonly string[]; originPatterns: readonly string[] };
  /** Origins a cookie-authenticated unsafe request may come from (CSRF), besides the API's own. */
  trustedOrigins: readonly string[];
  /** 5xx messages reach the client only in local and test. */
  exposeErrorDetails: boolean;
}

export interface MigrationsConfig {
  /** Apply pending migrations before serving (off where a migrate step runs first). */
  onStart: boolean;
  statementTimeoutMs: number;
}

export interface SessionConfig {
  /** Signing secrets, current first; a previous one still verifies during a rotation. */
  secrets: readonly string[];
  ttlMs: number;
  secureCookies: boolean;
}

export interface UploadsConfig {
  maxBytes: { 'track-audio': number; 'capture-audio': number; 'playlog-csv': number; document: number };
  /** Resumable (tus) uploads in progress: their shared directory and how long they may be continued. */
  partial: { directory: string; expiryMs: number };
}

export interface RateLimitsConfig {
  windowMs: number;
  globalMax: number;
  authWindowMs: number;
  authPerIpMax: number;
  /** Password changes per user per auth window. */
  authPerAccountMax: number;
  uploadMax: number;
  /** The sign-in throttle (OWASP): per (account, address) stop, per-account growing delay, spray alert. */
  signIn: {
    perAddressMax: number;
    delayAfter: number;
    maxDelayMs: number;
    sprayAddresses: number;
    windowMs: number;
  };
}

export interface AccountsConfig {
  /** The first administrator, created at start while no admin exists (both empty: none). */
  bootstrapAdmin: { email: string; passwordFile: string };
  seedDemoData: boolean;
}

export interface BffConfig {
  environment: Environment;
  release: ReleaseInfo;
  log: LogConfig;
  http: HttpConfig;
  database: DatabaseConfig;
  migrations: MigrationsConfig;
  redis: RedisConfig;
  session: SessionConfig;
  /** Where uploads are stored (a directory or an S3-compatible bucket), shared with the worker. */
  storage: StorageConfig;
  uploads: UploadsConfig;
  limits: RateLimitsConfig;
  health: { detailsToken: string };
  metrics: MetricsConfig;
  shutdown: ShutdownConfig;
  accounts: AccountsConfig;
  /** Registering stream URLs: whether hosts on private addresses are accepted. */
  streams: { allowPrivateAddresses: boolean };
}

export function bffConfigFrom(env: BffEnv & { ZAMIO_ENV: Environment }): BffConfig {
  const environment = env.ZAMIO_ENV;
  const trustProxy =
    env.TRUST_PROXY.length === 0 || env.TRUST_PROXY.includes('none') ? false : [...env.TRUST_PROXY];
  return {
    environment,
    release: releaseFrom(env),
    log: logFrom(env),
    http: {
      host: env.HOST,
      port: env.PORT,
      processes: env.WEB_CONCURRENCY,
      trustProxy,
      forceHttps: env.FORCE_HTTPS,
      hstsMaxAgeSeconds: Math.floor(env.HSTS_MAX_AGE / 1000),
      keepAliveTimeoutMs: env.KEEP_ALIVE_TIMEOUT,
      requestTimeoutMs: env.REQUEST_TIMEOUT,
      bodyLimitBytes: env.BODY_LIMIT,
      cors: { origins: env.CORS_ORIGINS, originPatterns: env.CORS_ORIGIN_PATTERNS },
      trustedOrigins: [
        ...env.CORS_ORIGINS,
        ...(env.PUBLIC_API_URL ? [new URL(env.PUBLIC_API_URL).origin] : []),
      ],
      exposeErrorDetails: environment === 'local' || environment === 'test',
    },
    database: databaseFrom(env),
    migrations: { onStart: env.MIGRATE_ON_START, statementTimeoutMs: env.MIGRATION_STATEMENT_TIMEOUT },
    redis: redisFrom(env),
    session: {
      secrets: [env.SESSION_SECRET, env.SESSION_SECRET_PREVIOUS].filter((secret) => secret.length > 0),
      ttlMs: env.SESSION_TTL,
      secureCookies: env.FORCE_HTTPS,
    },
    storage: toStorageConfig(env),
    uploads: {
      maxBytes: {
        'track-audio': env.UPLOAD_MAX_TRACK_AUDIO,
        'capture-audio': env.UPLOAD_MAX_CAPTURE_AUDIO,
        'playlog-csv': env.UPLOAD_MAX_PLAYLOG_CSV,
        document: env.UPLOAD_MAX_DOCUMENT,
      },
      partial: {
        directory: env.UPLOAD_PARTIAL_DIR || join(env.UPLOAD_DIR, '.partial'),
        expiryMs: env.UPLOAD_PARTIAL_EXPIRY,
      },
    },
    streams: { allowPrivateAddresses: env.STREAM_ALLOW_PRIVATE_ADDRESSES },
    limits: {
      windowMs: env.RATE_LIMIT_WINDOW,
      globalMax: env.RATE_LIMIT_GLOBAL_MAX,
      authWindowMs: env.RATE_LIMIT_AUTH_WINDOW,
      authPerIpMax: env.RATE_LIMIT_AUTH_IP_MAX,
      authPerAccountMax: env.RATE_LIMIT_AUTH_ACCOUNT_MAX,
      uploadMax: env.RATE_LIMIT_UPLOAD_MAX,
      signIn: {
        perAddressMax: env.RATE_LIMIT_AUTH_ACCOUNT_MAX,
        delayAfter: env.RATE_LIMIT_AUTH_DELAY_AFTER,
        maxDelayMs: env.RATE_LIMIT_AUTH_DELAY_MAX,
        sprayAddresses: env.RATE_LIMIT_AUTH_SPRAY_ADDRESSES,
        windowMs: env.RATE_LIMIT_AUTH_WINDOW,
      },
    },
    health: { detailsToken: env.HEALTH_DETAILS_TOKEN },
    metrics: metricsFrom(env),
    shutdown: { drainDelayMs: env.SHUTDOWN_DRAIN_DELAY, timeoutMs: env.SHUTDOWN_TIMEOUT },
    accounts: {
      bootstrapAdmin: { email: env.BOOTSTRAP_ADMIN_EMAIL, passwordFile: env.BOOTSTRAP_ADMIN_PASSWORD_FILE },
      seedDemoData: env.SEED_DEMO_DATA,
    },
  };
}

// The translation from variables to each app's nested config: the embedded /
// in-process choices, derived values, and the worker reading database and
// Redis exactly like the bff.
import { describe, expect, it } from 'vitest';
import { loadBffConfig, loadWorkerConfig } from '../src/index';

const production = {
  ZAMIO_ENV: 'production',
  DATABASE_URL: 'postgres://zamio:pw@db.internal:5432/zamio',
  REDIS_URL: 'rediss://default:pw@redis.internal:6380/0',
  SESSION_SECRET: 'q7Yw2LzP9vKc4NxR8mTb3HsJ6dFg1AeU5oWiZ0yXlQ',
  TRUST_PROXY: '10.0.1.0/24',
  PUBLIC_API_URL: 'https://api.zamio.example/',
  CORS_ORIGINS: 'https://artist.zamio.example',
};

describe('bff config', () => {
  it('chooses the embedded database and in-process Redis from their URLs', () => {
    const memory = loadBffConfig({ ZAMIO_ENV: 'test', DATABASE_URL: 'pglite:memory', REDIS_URL: 'memory:' });
    expect(memory.database).toEqual({ kind: 'pglite', dataDir: undefined, startupDeadlineMs: 60_000 });
    expect(memory.redis).toEqual({ kind: 'memory', keyPrefix: 'zamio' });
    expect(loadBffConfig({ ZAMIO_ENV: 'local' }).database).toMatchObject({
      kind: 'pglite',
      dataDir: '.data/pglite',
    });
  });

  it('translates a production environment into nested settings', () => {
    const config = loadBffConfig({ ...production, DATABASE_POOL_MAX: '7', HSTS_MAX_AGE: '16000000s' });
    expect(config.environment).toBe('production');
    expect(config.database).toMatchObject({ kind: 'postgres', url: production.DATABASE_URL, poolMax: 7 });
    expect(config.redis).toMatchObject({
      kind: 'redis',
      url: production.REDIS_URL,
      startupDeadlineMs: 60_000,
    });
    expect(config.http).toMatchObject({
      trustProxy: ['10.0.1.0/24'],
      forceHttps: true,
      hstsMaxAgeSeconds: 16_000_000,
      exposeErrorDetails: false,
      trustedOrigins: ['https://artist.zamio.example', 'https://api.zamio.example'],
    });
    expect(config.session).toMatchObject({ secrets: [production.SESSION_SECRET], secureCookies: true });
    expect(config.storage).toEqual({
      kind: 'filesystem',
      directory: '/var/lib/zamio/uploads',
      timeouts: { probeMs: 2_000 },
    });
    expect(config.limits.globalMax).toBe(600);
  });

  it('trusts no proxy for "none", and keeps a previous session secret after the current one', () => {
    const config = loadBffConfig({
      ZAMIO_ENV: 'local',
      TRUST_PROXY: 'none',
      SESSION_SECRET: 'current-secret-current-secret-123',
      SESSION_SECRET_PREVIOUS: 'previous-secret-previous-secret-1',
    });
    expect(config.http.trustProxy).toBe(false);
    expect(config.http.exposeErrorDetails).toBe(true);
    expect(config.session.secrets).toEqual([
      'current-secret-current-secret-123',
      'previous-secret-previous-secret-1',
    ]);
  });
});

describe('worker config', () => {
  it('reads database and Redis through the same translation as the bff', () => {
    const bff = loadBffConfig(production);
    const worker = loadWorkerConfig({ ...production, WORKER_CONCURRENCY: '3', WORKER_HEALTH_PORT: '3101' });
    expect(worker.database).toEqual(bff.database);
    expect(worker.redis).toEqual(bff.redis);
    expect(worker.jobs.concurrency).toBe(3);
    expect(worker.health).toMatchObject({ host: '0.0.0.0', port: 3101 });
    expect(worker.shutdown.drainDelayMs).toBe(0);
  });

  it('reads the same storage as the bff, a directory or an S3 bucket', () => {
    expect(loadWorkerConfig(production).storage).toEqual(loadBffConfig(production).storage);
    const s3 = {
      ...production,
      STORAGE_KIND: 's3',
      STORAGE_S3_ENDPOINT: 'https://abc123.r2.cloudflarestorage.com',
      STORAGE_S3_REGION: 'auto',
      STORAGE_S3_BUCKET: 'zamio-uploads',
      STORAGE_S3_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      STORAGE_S3_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      STORAGE_S3_PREFIX: 'production',
    };
    const worker = loadWorkerConfig(s3);
    expect(worker.storage).toEqual(loadBffConfig(s3).storage);
    expect(worker.storage).toMatchObject({
      kind: 's3',
      bucket: 'zamio-uploads',
      region: 'auto',
      prefix: 'production/',
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE' },
    });
  });

  it('refuses an incomplete S3 set-up or a relative directory in the worker as in the bff', () => {
    expect(() => loadWorkerConfig({ ...production, STORAGE_KIND: 's3' })).toThrow(/STORAGE_S3_BUCKET/);
    expect(() => loadWorkerConfig({ ...production, UPLOAD_DIR: 'uploads' })).toThrow(/UPLOAD_DIR/);
    expect(() => loadBffConfig({ ...production, UPLOAD_DIR: 'uploads' })).toThrow(/UPLOAD_DIR/);
  });
});

// The storage variables on their own: documented, parsed, refused where a set-up
// cannot work (S3 missing parts, anywhere) or is unsafe (staging/production).
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../problems';
import { loadConfig, type RawEnv } from '../load-config';
import { storageSchema, storageSpec, toStorageConfig } from './storage';

const s3Env: RawEnv = {
  STORAGE_KIND: 's3',
  STORAGE_S3_ENDPOINT: 'https://abc123.r2.cloudflarestorage.com',
  STORAGE_S3_REGION: 'auto',
  STORAGE_S3_BUCKET: 'zamio-uploads',
  STORAGE_S3_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  STORAGE_S3_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};

function problemsOf(env: RawEnv): { variable: string; problem: string }[] {
  try {
    loadConfig(storageSchema, env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
}
const variablesOf = (env: RawEnv) => problemsOf(env).map((p) => p.variable);

describe('storage variables', () => {
  for (const [name, variable] of Object.entries(storageSpec)) {
    it(`${name} has a description, an example, the storage group, and accepts its example`, () => {
      expect(variable.zamio.desc.length).toBeGreaterThan(20);
      expect(variable.zamio.group).toBe('Upload storage');
      expect(problemsOf({ ZAMIO_ENV: 'local', [name]: variable.zamio.example })).not.toContainEqual(
        expect.objectContaining({ variable: name }),
      );
    });
  }

  it('rejects malformed kinds, flags and durations by name', () => {
    expect(
      variablesOf({
        STORAGE_KIND: 'ftp',
        STORAGE_S3_FORCE_PATH_STYLE: 'maybe',
        STORAGE_REQUEST_TIMEOUT: 'soon',
        STORAGE_S3_ENDPOINT: 'ftp://files.example',
      }).sort(),
    ).toEqual([
      'STORAGE_KIND',
      'STORAGE_REQUEST_TIMEOUT',
      'STORAGE_S3_ENDPOINT',
      'STORAGE_S3_FORCE_PATH_STYLE',
    ]);
  });

  it('defaults to the filesystem: .data/uploads locally, an absolute volume path otherwise', () => {
    expect(toStorageConfig(loadConfig(storageSchema, { ZAMIO_ENV: 'local' }))).toEqual({
      kind: 'filesystem',
      directory: '.data/uploads',
      timeouts: { probeMs: 2_000 },
    });
    expect(toStorageConfig(loadConfig(storageSchema, { ZAMIO_ENV: 'production' }))).toMatchObject({
      directory: '/var/lib/zamio/uploads',
    });
  });

  it('refuses a relative UPLOAD_DIR in staging and production only', () => {
    expect(variablesOf({ ZAMIO_ENV: 'production', UPLOAD_DIR: 'uploads' })).toEqual(['UPLOAD_DIR']);
    expect(variablesOf({ ZAMIO_ENV: 'staging', UPLOAD_DIR: './uploads' })).toEqual(['UPLOAD_DIR']);
    expect(variablesOf({ ZAMIO_ENV: 'local', UPLOAD_DIR: 'uploads' })).toEqual([]);
  });

  it('refuses an S3 set-up missing any part, in every environment, naming each part', () => {
    for (const ZAMIO_ENV of ['local', 'production']) {
      const problems = problemsOf({ ZAMIO_ENV, STORAGE_KIND: 's3', STORAGE_S3_BUCKET: 'zamio-uploads' });
      expect(problems.map((p) => p.variable).sort()).toEqual([
        'STORAGE_S3_ACCESS_KEY_ID',
        'STORAGE_S3_REGION',
        'STORAGE_S3_SECRET_ACCESS_KEY',
      ]);
      expect(problems[0]!.problem).toBe('is required when STORAGE_KIND=s3');
    }
    // Only the secret missing: exactly that is reported.
    expect(variablesOf({ ...s3Env, STORAGE_S3_SECRET_ACCESS_KEY: '' })).toEqual([
      'STORAGE_S3_SECRET_ACCESS_KEY',
    ]);
  });

  it('refuses bad bucket names, unsafe prefixes and out-of-range URL lifetimes', () => {
    expect(variablesOf({ ...s3Env, STORAGE_S3_BUCKET: 'Zamio_Uploads' })).toEqual(['STORAGE_S3_BUCKET']);
    for (const prefix of ['/prod/', 'a//b/', '../up', 'prod/../x', 'pr od/'])
      expect(variablesOf({ ...s3Env, STORAGE_S3_PREFIX: prefix }), prefix).toEqual(['STORAGE_S3_PREFIX']);
    expect(variablesOf({ ...s3Env, STORAGE_S3_PREFIX: 'env/prod' })).toEqual([]);
    expect(variablesOf({ ...s3Env, STORAGE_SIGNED_URL_TTL: '200h' })).toEqual(['STORAGE_SIGNED_URL_TTL']);
    expect(variablesOf({ ...s3Env, STORAGE_SIGNED_URL_TTL: '10ms' })).toEqual(['STORAGE_SIGNED_URL_TTL']);
  });

  it('refuses a plain-http endpoint in production unless explicitly allowed for a private network', () => {
    const minio = { ...s3Env, STORAGE_S3_ENDPOINT: 'http://minio:9000', STORAGE_S3_FORCE_PATH_STYLE: 'true' };
    expect(problemsOf({ ...minio, ZAMIO_ENV: 'production' })).toEqual([
      expect.objectContaining({ variable: 'STORAGE_S3_ENDPOINT', problem: expect.stringMatching(/https/) }),
    ]);
    expect(variablesOf({ ...minio, ZAMIO_ENV: 'production', STORAGE_S3_ALLOW_PLAIN_HTTP: 'true' })).toEqual(
      [],
    );
    expect(variablesOf({ ...minio, ZAMIO_ENV: 'local' })).toEqual([]);
  });

  it('never echoes the secret key in a report', () => {
    const problems = problemsOf({ ...s3Env, STORAGE_KIND: 'nope' });
    expect(JSON.stringify(problems)).not.toContain(s3Env.STORAGE_S3_SECRET_ACCESS_KEY);
  });

  it('turns valid S3 settings into one typed config', () => {
    const config = toStorageConfig(
      loadConfig(storageSchema, {
        ...s3Env,
        ZAMIO_ENV: 'production',
        STORAGE_S3_PREFIX: 'env/prod',
        STORAGE_S3_SERVER_SIDE_ENCRYPTION: 'true',
        STORAGE_REQUEST_TIMEOUT: '45s',
      }),
    );
    expect(config).toEqual({
      kind: 's3',
      endpoint: 'https://abc123.r2.cloudflarestorage.com',
      region: 'auto',
      bucket: 'zamio-uploads',
      forcePathStyle: false,
      credentials: {
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      },
      prefix: 'env/prod/',
      serverSideEncryption: true,
      signedUrlTtlMs: 300_000,
      timeouts: { probeMs: 2_000, connectMs: 5_000, requestMs: 45_000 },
    });
    // AWS S3 itself: no endpoint.
    expect(toStorageConfig(loadConfig(storageSchema, { ...s3Env, STORAGE_S3_ENDPOINT: '' }))).toMatchObject({
      endpoint: undefined,
    });
  });
});

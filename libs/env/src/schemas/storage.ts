// Where uploaded files live: a directory (embedded mode, compose, or one host
// directory that the bff and the worker both mount) or an S3-compatible bucket
// (AWS S3, Cloudflare R2, MinIO, Wasabi, Coolify's S3 settings). The variables
// become one typed StorageConfig here; nothing below libs/env sees their names.
import { isAbsolute } from 'node:path';
import type { AppSchema, ConfigOf } from '../load-config';
import type { ConfigProblem } from '../problems';
import type { Environment } from '../variable';
import { duration, flag, optionalUrl, text } from '../validators';

const group = 'Upload storage';

export const storageSpec = {
  STORAGE_KIND: text({
    desc: 'Where uploads are stored: `filesystem` (UPLOAD_DIR, shared by bff and worker on one host) or `s3` (an S3-compatible bucket, for several servers).',
    example: 's3',
    choices: ['filesystem', 's3'],
    default: 'filesystem',
    group,
  }),
  UPLOAD_DIR: text({
    desc: 'Directory (a persistent volume, outside any web root) where uploads are stored with STORAGE_KIND=filesystem; absolute in staging/production.',
    example: '/var/lib/zamio/uploads',
    default: '/var/lib/zamio/uploads',
    localDefault: '.data/uploads',
    group,
  }),
  STORAGE_S3_ENDPOINT: optionalUrl({
    desc: "S3 API endpoint for non-AWS services (R2, MinIO, Wasabi, Coolify's S3 storage); empty means AWS S3 in STORAGE_S3_REGION.",
    example: 'https://s3.eu-central-1.wasabisys.com',
    default: '',
    group,
  }),
  STORAGE_S3_REGION: text({
    desc: 'Region of the bucket (`auto` for Cloudflare R2, `us-east-1` for most MinIO set-ups). Required with STORAGE_KIND=s3.',
    example: 'eu-central-1',
    default: '',
    group,
  }),
  STORAGE_S3_BUCKET: text({
    desc: 'Bucket that holds the uploads; it must exist (create it, with versioning, before the first start). Required with STORAGE_KIND=s3.',
    example: 'zamio-uploads',
    default: '',
    group,
  }),
  STORAGE_S3_FORCE_PATH_STYLE: flag({
    desc: 'Address the bucket as endpoint/bucket/key instead of bucket.endpoint/key (MinIO and most self-hosted services need this).',
    example: 'true',
    default: false,
    group,
  }),
  STORAGE_S3_ACCESS_KEY_ID: text({
    desc: 'Access key id of credentials limited to this bucket (and prefix). Required with STORAGE_KIND=s3.',
    example: 'AKIAIOSFODNN7EXAMPLE',
    default: '',
    group,
    secret: true,
  }),
  STORAGE_S3_SECRET_ACCESS_KEY: text({
    desc: 'Secret access key belonging to STORAGE_S3_ACCESS_KEY_ID. Required with STORAGE_KIND=s3.',
    example: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    default: '',
    group,
    secret: true,
  }),
  STORAGE_S3_PREFIX: text({
    desc: 'Key prefix inside the bucket, so one bucket can serve several environments (letters, digits and `._-/`, no leading slash).',
    example: 'production/',
    default: '',
    group,
  }),
  STORAGE_S3_SERVER_SIDE_ENCRYPTION: flag({
    desc: 'Ask the service to encrypt every object at rest (x-amz-server-side-encryption: AES256); leave off where the service encrypts anyway or rejects the header.',
    example: 'true',
    default: false,
    group,
  }),
  STORAGE_S3_ALLOW_PLAIN_HTTP: flag({
    desc: 'Accept an http:// STORAGE_S3_ENDPOINT in staging/production (only for a service on a private network, e.g. MinIO beside the app).',
    example: 'false',
    default: false,
    group,
  }),
  STORAGE_CONNECT_TIMEOUT: duration({
    desc: 'Give up on opening a connection to the S3 service after this long (the request then fails with 503).',
    example: '5s',
    default: 5_000,
    group,
  }),
  STORAGE_REQUEST_TIMEOUT: duration({
    desc: 'Fail one S3 request when its connection stays silent this long (a stalled or partitioned service).',
    example: '30s',
    default: 30_000,
    group,
  }),
  STORAGE_PROBE_TIMEOUT: duration({
    desc: 'Time the readiness probe of the storage (a HEAD in the bucket, a write in the directory) may take before it counts as down.',
    example: '2s',
    default: 2_000,
    group,
  }),
  STORAGE_SIGNED_URL_TTL: duration({
    desc: 'Lifetime of the signed URLs through which portals play stored audio (S3 only; 1s to 7 days).',
    example: '5m',
    default: 300_000,
    group,
  }),
};

export type StorageSettings = ConfigOf<typeof storageSpec>;

export interface StorageTimeouts {
  /** Readiness probe budget. */
  probeMs: number;
}

export interface FilesystemStorageConfig {
  kind: 'filesystem';
  directory: string;
  timeouts: StorageTimeouts;
}

export interface S3StorageConfig {
  kind: 's3';
  /** undefined: AWS S3's own endpoint for the region. */
  endpoint: string | undefined;
  region: string;
  bucket: string;
  forcePathStyle: boolean;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** '' or a prefix ending in '/'. */
  prefix: string;
  serverSideEncryption: boolean;
  signedUrlTtlMs: number;
  timeouts: StorageTimeouts & { connectMs: number; requestMs: number };
}

/** The typed storage settings libs/uploads' createStorage() takes. */
export type StorageConfig = FilesystemStorageConfig | S3StorageConfig;

const S3_REQUIRED = [
  'STORAGE_S3_REGION',
  'STORAGE_S3_BUCKET',
  'STORAGE_S3_ACCESS_KEY_ID',
  'STORAGE_S3_SECRET_ACCESS_KEY',
] as const;

// S3's bucket naming rules (3–63 of a-z 0-9 . -, starting and ending with a letter or digit).
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const PREFIX_SEGMENT = /^[A-Za-z0-9._-]+$/;
const MAX_SIGNED_URL_TTL_MS = 7 * 24 * 3_600_000; // SigV4 presigned URLs live at most 7 days.

/** `a/b/` or `a/b`: segments of safe characters, none empty, `.` or `..`. */
const isSafePrefix = (prefix: string) =>
  prefix
    .replace(/\/$/, '')
    .split('/')
    .every((segment) => PREFIX_SEGMENT.test(segment) && segment !== '.' && segment !== '..');
/** Cross-variable rules; refinements see only the variables that parsed. */
export function storageRefusals(config: Partial<StorageSettings>, env: Environment): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const refuse = (variable: string, problem: string) => problems.push({ variable, problem });
  const strict = env === 'production' || env === 'staging';

  if (config.STORAGE_KIND === 'filesystem' || config.STORAGE_KIND === undefined) {
    if (strict && typeof config.UPLOAD_DIR === 'string' && !isAbsolute(config.UPLOAD_DIR))
      refuse('UPLOAD_DIR', `must be an absolute path on a persistent volume in ${env}`);
    return problems;
  }
  // An S3 set-up missing a part cannot store anything: refused in every environment.
  for (const variable of S3_REQUIRED)
    if (config[variable] === '') refuse(variable, 'is required when STORAGE_KIND=s3');
  if (config.STORAGE_S3_BUCKET && !BUCKET_NAME.test(config.STORAGE_S3_BUCKET))
    refuse(
      'STORAGE_S3_BUCKET',
      `"${config.STORAGE_S3_BUCKET}" is not a valid bucket name (3–63 lowercase letters, digits, dots and hyphens)`,
    );
  if (config.STORAGE_S3_PREFIX && !isSafePrefix(config.STORAGE_S3_PREFIX))
    refuse(
      'STORAGE_S3_PREFIX',
      `"${config.STORAGE_S3_PREFIX}" must be letters, digits and ._-/ without a leading slash, empty segments or . / ..`,
    );
  if (
    config.STORAGE_SIGNED_URL_TTL !== undefined &&
    (config.STORAGE_SIGNED_URL_TTL < 1_000 || config.STORAGE_SIGNED_URL_TTL > MAX_SIGNED_URL_TTL_MS)
  )
    refuse('STORAGE_SIGNED_URL_TTL', 'must be between 1s and 7 days (168h)');
  if (strict && config.STORAGE_S3_ENDPOINT?.startsWith('http://') && !config.STORAGE_S3_ALLOW_PLAIN_HTTP)
    refuse(
      'STORAGE_S3_ENDPOINT',
      `plain http:// sends uploads unencrypted; use https:// in ${env}, or set STORAGE_S3_ALLOW_PLAIN_HTTP=true for a service on a private network`,
    );
  return problems;
}

/** Turns validated settings into the one typed object the storage factory takes. */
export function toStorageConfig(settings: StorageSettings): StorageConfig {
  const timeouts = { probeMs: settings.STORAGE_PROBE_TIMEOUT };
  if (settings.STORAGE_KIND !== 's3') return { kind: 'filesystem', directory: settings.UPLOAD_DIR, timeouts };
  const prefix = settings.STORAGE_S3_PREFIX;
  return {
    kind: 's3',
    endpoint: settings.STORAGE_S3_ENDPOINT || undefined,
    region: settings.STORAGE_S3_REGION,
    bucket: settings.STORAGE_S3_BUCKET,
    forcePathStyle: settings.STORAGE_S3_FORCE_PATH_STYLE,
    credentials: {
      accessKeyId: settings.STORAGE_S3_ACCESS_KEY_ID,
      secretAccessKey: settings.STORAGE_S3_SECRET_ACCESS_KEY,
    },
    prefix: prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`,
    serverSideEncryption: settings.STORAGE_S3_SERVER_SIDE_ENCRYPTION,
    signedUrlTtlMs: settings.STORAGE_SIGNED_URL_TTL,
    timeouts: {
      ...timeouts,
      connectMs: settings.STORAGE_CONNECT_TIMEOUT,
      requestMs: settings.STORAGE_REQUEST_TIMEOUT,
    },
  };
}

/** The storage variables on their own, for tools that need only them (zamio-storage). */
export const storageSchema: AppSchema<StorageSettings> = {
  app: 'storage',
  spec: storageSpec,
  refine: storageRefusals,
};

// An S3 server that verifies SigV4 signatures (s3rver, in-process) for the
// tests fauxqs cannot do: wrong secret, unknown key id, tampered or expired
// presigned URLs. s3rver knows one fixed key pair (S3RVER/S3RVER). It rebuilds
// the canonical URI as /bucket/key, so only object-level requests verify (the
// SDK signs bucket-level ones with a trailing slash): puts, gets, heads,
// deletes and the readiness probe are, listing is not (tested on fauxqs).
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3StorageConfig } from '@zamio/env';

// s3rver ships no types: the part the tests use.
interface S3rverServer {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: {
  port: number;
  address: string;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string; configs: Buffer[] }[];
}) => S3rverServer;
const S3rver = createRequire(import.meta.url)('@20minutes/s3rver') as S3rverConstructor;

export interface SignatureCheckingS3 {
  readonly endpoint: string;
  /** Config with the server's real credentials; override them to test refusals. */
  config(overrides?: Partial<S3StorageConfig>): S3StorageConfig;
  stop(): Promise<void>;
}

export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export async function startSignatureCheckingS3(bucket = 'zamio-signed'): Promise<SignatureCheckingS3> {
  const directory = await mkdtemp(join(tmpdir(), 'zamio-s3rver-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    config: (overrides = {}) => ({
      kind: 's3',
      endpoint,
      region: 'us-east-1',
      bucket,
      forcePathStyle: true,
      credentials: S3RVER_CREDENTIALS,
      prefix: '',
      serverSideEncryption: false,
      signedUrlTtlMs: 60_000,
      timeouts: { probeMs: 2_000, connectMs: 2_000, requestMs: 10_000 },
      ...overrides,
    }),
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

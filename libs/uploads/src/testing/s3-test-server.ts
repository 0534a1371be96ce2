// Starts a real S3-protocol server for tests (fauxqs, in its own process on
// 127.0.0.1): multipart uploads with abort, ranges, metadata, HeadBucket,
// missing buckets — and it can be killed mid-upload and restarted. It accepts
// any credentials; signatures are checked by startSignatureCheckingS3 instead.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, runEntry, type RunningEntry } from '@zamio/testing';
import type { S3StorageConfig } from '@zamio/env';

export interface S3TestServer {
  readonly endpoint: string;
  readonly port: number;
  /** A storage config for `bucket` on this server (any credentials work here). */
  config(overrides?: Partial<S3StorageConfig>): S3StorageConfig;
  /** Multipart uploads begun and neither completed nor aborted (parts the service still keeps). */
  unfinishedMultipartUploads(): Promise<string[]>;
  /** SIGKILL: connections drop mid-request, like a crashed service. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data (after kill). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const ENTRY = resolve(import.meta.dirname, 's3-server-process.ts');
const REPO_ROOT = resolve(import.meta.dirname, '../../../..');

export async function startS3TestServer(buckets: readonly string[] = ['zamio-test']): Promise<S3TestServer> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'zamio-s3-'));
  let running: RunningEntry | undefined;

  async function start(): Promise<void> {
    const entry = runEntry(
      ENTRY,
      {
        S3_TEST_PORT: String(port),
        S3_TEST_DATA_DIR: dataDir,
        S3_TEST_BUCKETS: buckets.join(','),
        NODE_NO_WARNINGS: '1',
      },
      REPO_ROOT,
    );
    running = entry;
    const deadline = Date.now() + 20_000;
    while (!entry.stdout().includes('listening')) {
      const exited = await Promise.race([entry.exited, new Promise((r) => setTimeout(r, 50, undefined))]);
      if (exited || Date.now() > deadline)
        throw new Error(`the test S3 server did not start: ${entry.output().slice(-2_000)}`);
    }
  }

  async function kill(): Promise<void> {
    if (!running) return;
    running.child.kill('SIGKILL');
    await running.exited;
    running = undefined;
  }

  await start();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    port,
    config: (overrides = {}) => ({
      kind: 's3',
      endpoint,
      region: 'us-east-1',
      bucket: buckets[0]!,
      forcePathStyle: true,
      credentials: { accessKeyId: 'zamio-test', secretAccessKey: 'zamio-test-secret' },
      prefix: '',
      serverSideEncryption: false,
      signedUrlTtlMs: 60_000,
      timeouts: { probeMs: 2_000, connectMs: 2_000, requestMs: 10_000 },
      ...overrides,
    }),
    unfinishedMultipartUploads: async () => readdir(join(dataDir, '_multipart')).catch(() => []),
    kill,
    restart: start,
    async stop() {
      await kill();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

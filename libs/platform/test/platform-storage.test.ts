// The platform opens the upload storage for every full process: a bff's and a
// worker's platform on the same settings see the same objects (a shared
// directory, or one S3 bucket), readiness includes a bounded storage probe,
// and closing the platform releases the storage.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StorageConfig } from '@zamio/env';
import { runChecks } from '@zamio/health';
import { createLogger } from '@zamio/logger';
import { captureLogs, createTestDatabase, type TestDatabase } from '@zamio/testing';
import { startS3TestServer, type S3TestServer } from '@zamio/uploads/testing';
import { openPlatform, type Platform } from '../src/index';
import { testDatabaseConfig } from './data-config';

const logs = captureLogs();
const logger = createLogger({
  service: 'test',
  version: '0',
  level: 'info',
  pretty: false,
  destination: logs.stream,
});

const open = (storage: StorageConfig, service: string) =>
  openPlatform(
    {
      release: { version: '0', revision: 'test' },
      log: { level: 'info', pretty: false },
      database: testDatabaseConfig({ url: testDb.url }),
      redis: { kind: 'memory', keyPrefix: 'zamio-test' },
      storage,
    },
    { service, logger },
  );

async function readText(platform: Platform, key: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await platform.storage.read(key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

const storageCheck = async (platform: Platform) =>
  (await runChecks(platform.healthChecks({ redisCritical: false }))).find((c) => c.name === 'storage');

let s3: S3TestServer;
let dir: string;
let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
  s3 = await startS3TestServer(['zamio-platform']);
  dir = await mkdtemp(join(tmpdir(), 'zamio-platform-storage-'));
});
afterAll(async () => {
  await testDb?.drop();
  await s3?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe.each([
  [
    'a shared directory',
    () => ({ kind: 'filesystem', directory: dir, timeouts: { probeMs: 1_000 } }) as const,
  ],
  ['one S3 bucket', () => s3.config({ timeouts: { probeMs: 1_000, connectMs: 500, requestMs: 2_000 } })],
])('platform storage on %s', (_name, config) => {
  it('lets the worker read what the bff stored, and reports storage ready', async () => {
    const bff = await open(config(), 'bff');
    const worker = await open(config(), 'worker');
    try {
      await bff.storage.put('track-audio/0123abcd.wav', Readable.from([Buffer.from('RIFF-shared')]), {
        contentType: 'audio/wav',
      });
      expect(await readText(worker, 'track-audio/0123abcd.wav')).toBe('RIFF-shared');
      expect(await storageCheck(worker)).toMatchObject({ status: 'up', details: { kind: config().kind } });
      const critical = worker.healthChecks({ redisCritical: true }).find((c) => c.name === 'storage');
      expect(critical).toMatchObject({ critical: true });
      expect(logs.lines().some((line) => line.msg === 'upload storage opened')).toBe(true);
    } finally {
      await bff.close();
      await worker.close();
    }
  });
});

describe('platform storage outage', () => {
  it('starts while S3 is down and reports storage down within the probe timeout', async () => {
    const down = await startS3TestServer(['zamio-platform']);
    await down.kill();
    const platform = await open(
      down.config({ timeouts: { probeMs: 800, connectMs: 300, requestMs: 1_000 } }),
      'bff',
    );
    try {
      const started = Date.now();
      const check = await storageCheck(platform);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(check?.status).toBe('down');
      expect(check?.error).toMatch(/storage unavailable/);
    } finally {
      await platform.close();
      await down.stop();
    }
  });
});

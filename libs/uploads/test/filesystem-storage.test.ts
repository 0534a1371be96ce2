// The directory adapter: the shared contract, plus what only a directory has —
// files on disk (0640, renamed into place), no signed URLs, a write probe, and
// 503s when the volume fails underneath.
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFilesystemStorage, createStorage, StorageUnavailableError, type ObjectStorage } from '../src';
import { describeStorageContract } from './storage-contract';
import { bodyOf, MiB } from './support/streams';

let dir: string;
let storage: ObjectStorage;
const config = (directory: string) =>
  ({ kind: 'filesystem', directory, timeouts: { probeMs: 1_000 } }) as const;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zamio-fs-storage-'));
  storage = createStorage(config(dir));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

async function partFiles(): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.part')).map((e) => e.name);
}

describeStorageContract('filesystem', () => ({
  storage: () => storage,
  leftovers: partFiles,
  largeBytes: 6 * MiB,
}));

describe('filesystem storage', () => {
  it('writes files readable by the service only, at the key’s path, and has no signed URLs', async () => {
    await storage.put('track-audio/abc123.wav', bodyOf(Buffer.from('RIFF')).stream, {
      contentType: 'audio/wav',
    });
    const info = await stat(join(dir, 'track-audio', 'abc123.wav'));
    expect(info.mode & 0o777).toBe(0o640);
    expect(await storage.signedUrl('track-audio/abc123.wav')).toBeUndefined();
    expect(storage.location).toBe(`directory ${dir}`);
  });

  it('fails with a typed 503 when the directory cannot be used, in the probe and in puts', async () => {
    const blocker = join(dir, 'not-a-directory');
    await writeFile(blocker, 'x');
    const broken = createFilesystemStorage(config(join(blocker, 'uploads')));
    const probe = await broken.probe().catch((error: unknown) => error);
    expect(probe).toBeInstanceOf(StorageUnavailableError);
    expect(probe).toMatchObject({
      statusCode: 503,
      reason: 'io-error',
      operation: 'probe',
      retryAfterSeconds: 5,
    });
    await expect(
      broken.put('document/x.pdf', bodyOf(Buffer.from('%PDF')).stream, { contentType: 'application/pdf' }),
    ).rejects.toMatchObject({ name: 'StorageUnavailableError', operation: 'put' });
  });

  it('lists nothing for a directory that does not exist yet, and creates it on the first probe', async () => {
    const fresh = createFilesystemStorage(config(join(dir, 'fresh', 'uploads')));
    const listed = [];
    for await (const entry of fresh.list()) listed.push(entry);
    expect(listed).toEqual([]);
    await fresh.probe();
    expect((await stat(join(dir, 'fresh', 'uploads'))).isDirectory()).toBe(true);
    expect(await readdir(join(dir, 'fresh', 'uploads'))).toEqual([]);
  });
});

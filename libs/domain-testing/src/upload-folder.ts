// A real file in a temporary upload folder, described as libs/uploads would
// describe an accepted upload: for service tests that keep or discard it.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoredUpload, UploadKind } from '@zamio/uploads';

export interface UploadFolder {
  dir: string;
  /** Writes a small file of this kind and returns its description. */
  store(kind: UploadKind): Promise<StoredUpload>;
  /** Writes these bytes (e.g. a rendered WAV) as a file of this kind. */
  storeBytes(kind: UploadKind, bytes: Uint8Array, mimeType?: string): Promise<StoredUpload>;
  /** The stored file's bytes (the storage key is its name in the folder). */
  read(storageName: string): Promise<Uint8Array>;
  exists(stored: StoredUpload): boolean;
  remove(): Promise<void>;
}

export async function createUploadFolder(): Promise<UploadFolder> {
  const dir = await mkdtemp(join(tmpdir(), 'zamio-test-uploads-'));
  return {
    dir,
    async store(kind) {
      const storageName = `${kind}/${randomBytes(8).toString('hex')}.bin`;
      const bytes = randomBytes(64);
      await mkdir(join(dir, kind), { recursive: true });
      await writeFile(join(dir, storageName), bytes);
      const stored: StoredUpload = {
        kind,
        storageName,
        sizeBytes: bytes.length,
        sha256: randomBytes(32).toString('hex'),
        mimeType: kind === 'playlog-csv' ? 'text/csv' : kind === 'document' ? 'application/pdf' : 'audio/wav',
        audio: kind.endsWith('audio')
          ? { durationMs: 10_000, sampleRate: 44_100, channels: 1, codec: 'pcm' }
          : undefined,
      };
      return stored;
    },
    async storeBytes(kind, bytes, mimeType = 'audio/wav') {
      const storageName = `${kind}/${randomBytes(8).toString('hex')}.bin`;
      await mkdir(join(dir, kind), { recursive: true });
      await writeFile(join(dir, storageName), bytes);
      return {
        kind,
        storageName,
        sizeBytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        mimeType,
        audio: undefined,
      };
    },
    read: async (storageName) => new Uint8Array(await readFile(join(dir, storageName))),
    exists: (stored) => existsSync(join(dir, stored.storageName)),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

// A real file in a temporary upload folder, described as libs/uploads would
// describe an accepted upload: for service tests that keep or discard it.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoredUpload, UploadKind } from '@zamio/uploads';

export interface UploadFolder {
  dir: string;
  /** Writes a small file of this kind and returns its description. */
  store(kind: UploadKind): Promise<StoredUpload>;
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
    exists: (stored) => existsSync(join(dir, stored.storageName)),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

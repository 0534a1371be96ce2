// For code that needs the object as a file (a decoder given a path, ffmpeg):
// streams it into a private temporary directory, runs the work, and removes
// the copy whatever happens. Memory stays bounded whatever the object's size.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ObjectStorage } from './object-storage';

export async function withLocalCopy<T>(
  storage: Pick<ObjectStorage, 'read'>,
  key: string,
  work: (path: string) => Promise<T>,
): Promise<T> {
  const directory = await mkdtemp(join(tmpdir(), 'zamio-object-'));
  try {
    // The key's last segment keeps the extension, which decoders may look at.
    const path = join(directory, basename(key));
    await pipeline(await storage.read(key), createWriteStream(path, { flags: 'wx', mode: 0o600 }));
    return await work(path);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

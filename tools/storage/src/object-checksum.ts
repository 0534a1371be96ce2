// SHA-256 of a stored object, streamed (never held in memory).
import { createHash } from 'node:crypto';
import type { ObjectStorage } from '@zamio/uploads';

export async function objectChecksum(storage: ObjectStorage, key: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of (await storage.get(key)).body) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

// For small objects a decoder takes whole (a 10 s capture): reads one into a
// buffer, refusing anything larger than the caller can afford to hold.
import type { ObjectStorage } from './object-storage';

export class StoredObjectTooLargeError extends Error {
  constructor(
    readonly key: string,
    readonly maxBytes: number,
  ) {
    super(`stored object "${key}" is larger than ${maxBytes} bytes`);
    this.name = 'StoredObjectTooLargeError';
  }
}

export async function readObjectBytes(
  storage: Pick<ObjectStorage, 'read'>,
  key: string,
  { maxBytes }: { maxBytes: number },
): Promise<Buffer> {
  const body = await storage.read(key);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      body.destroy();
      throw new StoredObjectTooLargeError(key, maxBytes);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

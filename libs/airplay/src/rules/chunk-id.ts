// A capture's idempotency key: the device names each 10 s chunk, and the same
// name from the same station is the same capture, however often it is sent.
import { CHUNK_ID_PATTERN } from '@zamio/contracts';
import { invalid } from '@zamio/errors';

const CHUNK_ID = new RegExp(CHUNK_ID_PATTERN);

export function checkChunkId(chunkId: string | undefined): string {
  if (chunkId === undefined || !CHUNK_ID.test(chunkId))
    throw invalid(`field "chunk_id" (sent before the file) must match ${CHUNK_ID_PATTERN}`);
  return chunkId;
}

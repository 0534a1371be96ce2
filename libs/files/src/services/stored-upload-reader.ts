// Reads a stored upload back — whole or one byte range — for the features that
// play audio to its owner (a track to its artist, a capture to its station).
// They check ownership first; this knows only the upload row and the storage.
import type { Readable } from 'node:stream';
import type { Queryable } from '@zamio/db';
import { notFound } from '@zamio/errors';
import {
  StorageObjectNotFoundError,
  StorageRangeNotSatisfiableError,
  type ByteRange,
  type ObjectStorage,
} from '@zamio/uploads';
import * as uploads from '../repositories/uploads-repository';

/** What reading back needs of the storage port (the platform's storage satisfies it). */
export type StoredUploadSource = Pick<ObjectStorage, 'get'>;

/** Inclusive offsets (`end` omitted: to the last byte), or the last `suffix` bytes. */
export type ByteRangeAsked = { start: number; end?: number | undefined } | { suffix: number };

export interface OpenedUpload {
  /** The bytes asked for; the caller must consume or destroy it. */
  body: Readable;
  /** Size of the whole file. */
  size: number;
  /** The bytes in `body` when a range was asked for; undefined for the whole file. */
  range: ByteRange | undefined;
  mimeType: string;
  sha256: string;
}

export async function openStoredUpload(
  db: Queryable,
  storage: StoredUploadSource,
  uploadId: string,
  range?: ByteRangeAsked,
): Promise<OpenedUpload> {
  const stored = await uploads.findStored(db, uploadId);
  if (!stored) throw notFound('no such file');
  try {
    const read = await storage.get(stored.storageName, range && absoluteRange(range, stored));
    return { ...read, mimeType: stored.mimeType, sha256: stored.sha256 };
  } catch (error) {
    if (error instanceof StorageObjectNotFoundError) throw notFound('the stored file is missing');
    throw error;
  }
}

/** A suffix range counts back from the size recorded at upload; `bytes=-0` asks for nothing (416). */
function absoluteRange(range: ByteRangeAsked, stored: uploads.StoredUploadRef) {
  if (!('suffix' in range)) return range;
  if (range.suffix <= 0) throw new StorageRangeNotSatisfiableError(stored.storageName, stored.sizeBytes);
  return { start: Math.max(0, stored.sizeBytes - range.suffix) };
}

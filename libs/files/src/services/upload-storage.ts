// Where accepted files live, as the services see it: the storage port of
// libs/uploads (a directory or an S3 bucket, chosen by config). This adapter
// is the one place that removes a stored file a request could not keep.
import { removeStoredUpload, type ObjectStorage, type StoredUpload } from '@zamio/uploads';

export interface UploadStorage {
  /** Deletes a stored file that will not be kept (a failed or repeated request). */
  discard(stored: StoredUpload): Promise<void>;
}

/** The services' view of the platform's storage. */
export const uploadStorageOn = (storage: Pick<ObjectStorage, 'delete'>): UploadStorage => ({
  discard: (stored) => storage.delete(stored.storageName),
});

/** A directory on its own (tests, tools). */
export const localUploadStorage = (uploadDir: string): UploadStorage => ({
  discard: (stored) => removeStoredUpload(uploadDir, stored.storageName),
});

/** One file a request brought, stored already: the file, the form fields sent before it, the client's name. */
export interface ReceivedUpload {
  stored: StoredUpload;
  fields: Record<string, string>;
  originalName: string | undefined;
}

/** Reads the request's file into storage; the route supplies it, the service decides when to call it. */
export type ReceiveUpload = () => Promise<ReceivedUpload>;

/**
 * Runs `work` for a file already stored; if `work` fails, the file is removed
 * before the error goes on, so a failed request leaves nothing half-written.
 */
export async function discardOnFailure<T>(
  storage: UploadStorage,
  stored: StoredUpload,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    await storage.discard(stored);
    throw error;
  }
}

// Where accepted files live, as the services see it. Today the upload folder
// (UPLOAD_DIR) through libs/uploads; this adapter is the one place that calls
// its removal, so a storage port (S3-compatible, #17) plugs in here.
import { removeStoredUpload, type StoredUpload } from '@zamio/uploads';

export interface UploadStorage {
  /** Deletes a stored file that will not be kept (a failed or repeated request). */
  discard(stored: StoredUpload): Promise<void>;
}

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

// Streams one uploaded file into storage under `<kind>/<random>.<ext>`: size
// cap and SHA-256 while streaming, type from magic bytes, audio probed on the
// way, all in bounded memory whatever the file's size. The checks sit in front
// of the storage's put, which commits only a body that ended cleanly: a file
// over its cap, of the wrong type or with broken audio leaves nothing behind,
// and the cap fails the upload the moment it is crossed.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AudioInfo } from './audio-probe';
import { AudioProbeGate } from './audio-probe-gate';
import { ContentSniffer } from './content-sniffer';
import { SizeAndChecksum } from './size-and-checksum';
import { extensionOf } from './storage/content-type-of-key';
import { createFilesystemStorage } from './storage/filesystem-storage';
import type { ObjectStorage } from './storage/object-storage';
import { StorageUnavailableError } from './storage/storage-errors';
import { UploadRejectedError } from './upload-error';
import type { UploadKindRule } from './upload-kinds';

export interface StoredUpload {
  kind: UploadKindRule['kind'];
  /** The storage key (the `storage_name` column). */
  storageName: string;
  sizeBytes: number;
  sha256: string;
  mimeType: string;
  audio: AudioInfo | undefined;
}

const tooLarge = (rule: UploadKindRule) =>
  new UploadRejectedError(413, `file exceeds the limit of ${rule.maxBytes} bytes`);

/**
 * Stores `source` in `storage`. Callers commit their database row only after
 * this resolved, and delete the object (storage.delete) when the row fails.
 * Rejects with UploadRejectedError (413/415/422) for the client's mistakes and
 * StorageUnavailableError (503) when the store fails; `source` is destroyed then.
 */
export async function storeUploadIn(
  storage: ObjectStorage,
  source: Readable,
  rule: UploadKindRule,
): Promise<StoredUpload> {
  const counter = new SizeAndChecksum(rule.maxBytes);
  const sniffer = new ContentSniffer(rule.allowedTypes);
  const probe = rule.probeAudio ? new AudioProbeGate() : undefined;
  const body = new PassThrough();
  // A multipart parser that cuts the file at its own size limit says so with
  // 'limit' (busboy): fail then, instead of after the rest of the request.
  const onLimit = () => counter.destroy(tooLarge(rule));
  source.once('limit', onLimit);
  const checks = pipeline([source, counter, sniffer, ...(probe ? [probe] : []), body]);

  let key: string | undefined;
  let put: Promise<unknown> | undefined;
  try {
    // The pipeline destroys the sniffer on any failure, so this also rejects when the checks fail first.
    const mimeType = await sniffer.decision;
    key = `${rule.kind}/${randomBytes(16).toString('hex')}.${extensionOf(mimeType)}`;
    put = storage.put(key, body, { contentType: mimeType });
    // A store that fails stops the checks (and the source) at once.
    put.catch((error: unknown) => body.destroy(error as Error));
    const [checked, stored] = await Promise.allSettled([checks, put]);
    if (checked.status === 'rejected' || stored.status === 'rejected')
      throw mostTelling([checked, stored].flatMap((r) => (r.status === 'rejected' ? [r.reason] : [])));
    return {
      kind: rule.kind,
      storageName: key,
      sizeBytes: counter.bytes,
      sha256: counter.digest(),
      mimeType,
      audio: probe?.result,
    };
  } catch (error) {
    source.destroy();
    await checks.catch(() => {});
    // put() leaves nothing when its body fails; a put that did commit is undone here.
    if (
      key &&
      put &&
      (await put.then(
        () => true,
        () => false,
      ))
    )
      await storage.delete(key).catch(() => {});
    throw error;
  } finally {
    source.off('limit', onLimit);
  }
}

/** The client's mistake first (it decides the status), then a storage outage, then anything else. */
function mostTelling(errors: unknown[]): unknown {
  return (
    errors.find((e) => e instanceof UploadRejectedError) ??
    errors.find((e) => e instanceof StorageUnavailableError) ??
    errors[0]
  );
}

/** Stores one upload under `uploadDir` (the filesystem adapter), as before storage became a port. */
export async function storeUpload(
  source: Readable,
  rule: UploadKindRule,
  uploadDir: string,
): Promise<StoredUpload & { path: string }> {
  const stored = await storeUploadIn(directoryStorage(uploadDir), source, rule);
  return { ...stored, path: join(uploadDir, ...stored.storageName.split('/')) };
}

/** Removes a stored upload whose database row could not be written. */
export async function removeStoredUpload(uploadDir: string, storageName: string): Promise<void> {
  await directoryStorage(uploadDir).delete(storageName);
}

const directoryStorage = (directory: string) =>
  createFilesystemStorage({ kind: 'filesystem', directory, timeouts: { probeMs: 2_000 } });

// Streams one uploaded file to UPLOAD_DIR/<kind>/<random>.<ext>: size cap and
// checksum while streaming, type from magic bytes, audio probed, all in a
// bounded amount of memory whatever the file's size. The file is written as
// `.part` and renamed only once accepted; any failure deletes it.
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { probeAudio, type AudioInfo } from './audio-probe';
import { ContentSniffer } from './content-sniffer';
import { SizeAndChecksum } from './size-and-checksum';
import { UploadRejectedError } from './upload-error';
import type { UploadKindRule } from './upload-kinds';

export interface StoredUpload {
  kind: UploadKindRule['kind'];
  storageName: string;
  path: string;
  sizeBytes: number;
  sha256: string;
  mimeType: string;
  audio: AudioInfo | undefined;
}

const EXTENSIONS: Record<string, string> = {
  'audio/mpeg': 'mp3',
  'audio/wav': 'wav',
  'audio/flac': 'flac',
  'audio/ogg': 'ogg',
  'audio/x-m4a': 'm4a',
  'audio/aac': 'aac',
  'audio/opus': 'opus',
  'audio/aiff': 'aiff',
  'audio/webm': 'webm',
  'text/csv': 'csv',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

export async function storeUpload(
  source: Readable,
  rule: UploadKindRule,
  uploadDir: string,
): Promise<StoredUpload> {
  const dir = join(uploadDir, rule.kind);
  await mkdir(dir, { recursive: true, mode: 0o750 });
  const id = randomBytes(16).toString('hex');
  const partPath = join(dir, `${id}.part`);
  const counter = new SizeAndChecksum(rule.maxBytes);
  const sniffer = new ContentSniffer(rule.allowedTypes);
  try {
    await pipeline(source, counter, sniffer, createWriteStream(partPath, { flags: 'wx', mode: 0o640 }));
    // Multipart marks a stream it cut at its own fileSize limit as truncated.
    if ((source as Readable & { truncated?: boolean }).truncated)
      throw new UploadRejectedError(413, `file exceeds the limit of ${rule.maxBytes} bytes`);
    const mimeType = sniffer.detectedType!;
    const audio = rule.probeAudio ? await probeAudio(partPath) : undefined;
    const storageName = `${rule.kind}/${id}.${EXTENSIONS[mimeType] ?? 'bin'}`;
    const path = join(uploadDir, storageName);
    await rename(partPath, path);
    return {
      kind: rule.kind,
      storageName,
      path,
      sizeBytes: counter.bytes,
      sha256: counter.digest(),
      mimeType,
      audio,
    };
  } catch (error) {
    await rm(partPath, { force: true });
    throw error;
  }
}

/** Removes a stored upload whose database row could not be written. */
export async function removeStoredUpload(uploadDir: string, storageName: string): Promise<void> {
  await rm(join(uploadDir, storageName), { force: true });
}

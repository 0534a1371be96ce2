// Reads one multipart upload: named text fields first, then a single part
// named "file" streamed straight to storage (never buffered whole). Busboy
// limits enforce the per-kind number of files/fields; anything malformed is
// a 400, never a 500.
import type { FastifyRequest } from 'fastify';
import {
  removeStoredUpload,
  storeUpload,
  UploadRejectedError,
  type StoredUpload,
  type UploadKindRule,
} from '@zamio/uploads';

export interface ReceivedUpload {
  stored: StoredUpload;
  fields: Record<string, string>;
  originalName: string | undefined;
}

export async function receiveUpload(
  request: FastifyRequest,
  rule: UploadKindRule,
  uploadDir: string,
  fieldNames: readonly string[] = [],
): Promise<ReceivedUpload> {
  if (!request.isMultipart())
    throw new UploadRejectedError(415, 'send the file as multipart/form-data with a part named "file"');
  const fields: Record<string, string> = {};
  let received: ReceivedUpload | undefined;
  try {
    const parts = request.parts({
      limits: {
        fileSize: rule.maxBytes,
        files: rule.maxFiles,
        fields: rule.maxFields,
        fieldSize: rule.maxFieldBytes,
        parts: rule.maxFiles + rule.maxFields,
        headerPairs: 50,
      },
    });
    for await (const part of parts) {
      if (part.type === 'field') {
        if (!fieldNames.includes(part.fieldname))
          throw new UploadRejectedError(
            400,
            `unexpected field "${part.fieldname}" (allowed: ${fieldNames.join(', ') || 'none'})`,
          );
        if (part.valueTruncated) throw new UploadRejectedError(413, `field "${part.fieldname}" is too long`);
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== 'file')
        throw new UploadRejectedError(400, `the file part must be named "file", not "${part.fieldname}"`);
      received = {
        stored: await storeUpload(part.file, rule, uploadDir),
        fields,
        originalName: safeName(part.filename),
      };
    }
  } catch (error) {
    // Refused before the body was read to its end (e.g. 413 the moment the cap
    // is crossed): discard the rest so the answer goes out now and the
    // keep-alive connection stays in step for the client's next request.
    request.raw.resume();
    if (received) await removeStoredUpload(uploadDir, received.stored.storageName);
    throw asClientError(error);
  }
  if (!received) throw new UploadRejectedError(400, 'no part named "file" in the upload');
  return received;
}

/** Busboy reports malformed bodies as plain errors; those are the client's fault. File-system errors stay 500s. */
function asClientError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  if ((error as { statusCode?: number }).statusCode !== undefined) return error;
  if ((error as NodeJS.ErrnoException).syscall !== undefined) return error;
  return new UploadRejectedError(400, `malformed multipart body: ${error.message}`);
}

/** The client's file name is kept for display only, never used as a path. */
const safeName = (name: string | undefined): string | undefined =>
  name?.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 200) || undefined;

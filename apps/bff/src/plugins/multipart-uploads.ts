// Multipart uploads: `request.upload(kind, fieldNames)` reads named text
// fields first, then a single part named "file" streamed straight to storage
// (never buffered whole). A body whose Content-Length already exceeds the
// kind's cap is refused before a byte is read; otherwise the cap fails the
// upload the moment it is crossed. Busboy limits enforce the per-kind number
// of files/fields; anything malformed is a 400, never a 500. A refusal while
// the body still arrives closes the connection (libs/http's early-answer
// close). Routes pass `() => request.upload(…)` to a service, which decides
// when to read it.
import multipart from '@fastify/multipart';
import fp from 'fastify-plugin';
import type { FastifyPluginAsync } from 'fastify';
import { FASTIFY_VERSION } from '@zamio/http';
import { isAppError } from '@zamio/errors';
import type { ReceivedUpload } from '@zamio/files';
import {
  storeUploadIn,
  UploadRejectedError,
  type ObjectStorage,
  type UploadKind,
  type UploadKindRule,
} from '@zamio/uploads';
import { BFF_PLUGIN } from './plugin-names';

declare module 'fastify' {
  interface FastifyRequest {
    /** Reads the request's one file of this kind into storage, with the named fields sent before it. */
    upload(kind: UploadKind, fieldNames?: readonly string[]): Promise<ReceivedUpload>;
  }
}

export interface MultipartUploadsOptions {
  rules: Record<UploadKind, UploadKindRule>;
  /** The platform's storage (a directory or an S3 bucket). */
  objects: ObjectStorage;
}

const multipartUploads: FastifyPluginAsync<MultipartUploadsOptions> = async (app, options) => {
  // Per-kind limits are passed to request.parts(); these are the outer bounds.
  await app.register(multipart, {
    limits: { files: 1, fields: 4, fieldSize: 1_024, parts: 5, headerPairs: 50 },
  });

  app.decorateRequest('upload', async function (kind: UploadKind, fieldNames: readonly string[] = []) {
    if (!this.isMultipart())
      throw new UploadRejectedError(415, 'send the file as multipart/form-data with a part named "file"');
    const rule = options.rules[kind];
    const declared = Number(this.headers['content-length']);
    if (Number.isFinite(declared) && declared > rule.maxBytes + multipartAllowance(rule))
      throw new UploadRejectedError(
        413,
        `the upload (${declared} bytes) exceeds the limit of ${rule.maxBytes} bytes for ${kind}`,
      );
    const fields: Record<string, string> = {};
    let received: ReceivedUpload | undefined;
    const parts = this.parts({
      limits: {
        fileSize: rule.maxBytes,
        files: rule.maxFiles,
        fields: rule.maxFields,
        fieldSize: rule.maxFieldBytes,
        parts: rule.maxFiles + rule.maxFields,
        headerPairs: 50,
      },
    });
    const readParts = async () => {
      for await (const part of parts) {
        if (part.type === 'field') {
          if (!fieldNames.includes(part.fieldname))
            throw new UploadRejectedError(
              400,
              `unexpected field "${part.fieldname}" (allowed: ${fieldNames.join(', ') || 'none'})`,
            );
          if (part.valueTruncated)
            throw new UploadRejectedError(413, `field "${part.fieldname}" is too long`);
          fields[part.fieldname] = String(part.value);
          continue;
        }
        if (part.fieldname !== 'file')
          throw new UploadRejectedError(400, `the file part must be named "file", not "${part.fieldname}"`);
        received = {
          stored: await storeUploadIn(options.objects, part.file, rule),
          fields,
          originalName: safeName(part.filename),
        };
      }
    };
    try {
      await readParts();
    } catch (error) {
      // Refused before the body was read to its end (e.g. 413 the moment the
      // cap is crossed): the answer goes out now and closes the connection
      // (early-answer close), instead of reading the rest of a huge body.
      // A part after the file failed: the file already stored goes too.
      if (received) await options.objects.delete(received.stored.storageName);
      throw asClientError(error);
    }
    if (!received) throw new UploadRejectedError(400, 'no part named "file" in the upload');
    return received;
  });
};

/** Busboy reports malformed bodies as plain errors; those are the client's fault. File-system errors stay 500s. */
function asClientError(error: unknown): unknown {
  if (!(error instanceof Error) || isAppError(error)) return error;
  if ((error as { statusCode?: number }).statusCode !== undefined) return error;
  if ((error as NodeJS.ErrnoException).syscall !== undefined) return error;
  return new UploadRejectedError(400, `malformed multipart body: ${error.message}`);
}

/**
 * Multipart framing around the file: boundaries, part headers and the allowed
 * text fields. A Content-Length above cap + this cannot hold an allowed file.
 */
const multipartAllowance = (rule: UploadKindRule): number =>
  16 * 1024 + rule.maxFields * (rule.maxFieldBytes + 512);

/** The client's file name is kept for display only, never used as a path. */
const safeName = (name: string | undefined): string | undefined =>
  name?.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 200) || undefined;

export const multipartUploadsPlugin = fp(multipartUploads, {
  name: BFF_PLUGIN.uploads,
  fastify: FASTIFY_VERSION,
});

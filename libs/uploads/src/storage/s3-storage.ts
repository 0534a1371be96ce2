// The S3-compatible adapter (AWS S3, Cloudflare R2, MinIO, Wasabi, …) on the
// official SDK. Puts stream through @aws-sdk/lib-storage: parts of PART_SIZE
// are uploaded while the body is still arriving, and the object exists only
// once CompleteMultipartUpload (or the single PutObject of a small body) ran
// after the body ended cleanly; a body error aborts the multipart upload.
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  paginateListObjectsV2,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { S3StorageConfig } from '@zamio/env';
import { assertWellFormedRange } from './byte-range';
import type { ByteRange, ObjectStorage } from './object-storage';
import { withinProbeDeadline } from './probe-deadline';
import { asS3StorageError } from './s3-errors';
import { StorageRangeNotSatisfiableError, type StorageOperation } from './storage-errors';
import { assertStorageKey, isStorageKey } from './storage-key';

/** Memory per upload stays under (QUEUE_SIZE + 1) × PART_SIZE ≈ 24 MiB, whatever the file's size. */
export const PART_SIZE = 8 * 1024 * 1024;
const QUEUE_SIZE = 2;
/** Written once by the readiness probe, then only HEADed. Not a valid storage key, so never listed. */
export const PROBE_KEY = '.zamio-readiness';

export function createS3Storage(config: S3StorageConfig): ObjectStorage {
  const client = new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentials,
    // Checksums only where an operation requires them: the SDK's default
    // (CRC32 on every request, aws-chunked bodies) is refused by several
    // S3-compatible services. Integrity is ours anyway: sha256 of every upload.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
    requestHandler: {
      connectionTimeout: config.timeouts.connectMs,
      requestTimeout: config.timeouts.requestMs,
    },
  });
  const Bucket = config.bucket;
  const objectKey = (key: string) => config.prefix + assertStorageKey(key);
  const fail = (operation: StorageOperation, error: unknown, key?: string) =>
    asS3StorageError(error, operation, { bucket: Bucket, key });
  const encryption = config.serverSideEncryption ? ({ ServerSideEncryption: 'AES256' } as const) : {};
  const endpointHost = config.endpoint ? new URL(config.endpoint).host : `s3.${config.region}.amazonaws.com`;

  async function head(key: string) {
    try {
      const info = await client.send(new HeadObjectCommand({ Bucket, Key: objectKey(key) }));
      return {
        key,
        size: info.ContentLength ?? 0,
        contentType: info.ContentType,
        sha256: info.Metadata?.sha256,
        lastModified: info.LastModified,
      };
    } catch (error) {
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404)
        return undefined;
      throw fail('head', error, key);
    }
  }

  const storage: ObjectStorage = {
    kind: 's3',
    location: `s3 ${endpointHost}/${Bucket}/${config.prefix}`,

    async put(key, body, options) {
      let size = 0;
      // An error of the body itself (a refused or abandoned upload) is reported
      // as it is: it is not an outage. lib-storage's own failures are mapped;
      // the AbortError with which it tears the body down after one is not the body's.
      let bodyError: unknown;
      body.once('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ABORT_ERR') bodyError = error;
      });
      async function* counted() {
        for await (const chunk of body as AsyncIterable<Buffer>) {
          size += chunk.length;
          yield chunk;
        }
      }
      const upload = new Upload({
        client,
        params: {
          Bucket,
          Key: objectKey(key),
          Body: Readable.from(counted(), { objectMode: false }),
          ContentType: options.contentType,
          ...(options.sha256 ? { Metadata: { sha256: options.sha256 } } : {}),
          ...encryption,
        },
        partSize: PART_SIZE,
        queueSize: QUEUE_SIZE,
        leavePartsOnError: false,
      });
      try {
        await upload.done();
        return { key, size };
      } catch (error) {
        body.destroy();
        throw bodyError ?? fail('put', error, key);
      }
    },

    async get(key, range) {
      assertWellFormedRange(key, range);
      try {
        const out = await client.send(
          new GetObjectCommand({
            Bucket,
            Key: objectKey(key),
            ...(range ? { Range: `bytes=${range.start}-${range.end ?? ''}` } : {}),
          }),
        );
        const served = parseContentRange(out.ContentRange);
        return {
          body: out.Body as Readable,
          size: served?.size ?? out.ContentLength ?? 0,
          range: served?.range,
          contentType: out.ContentType,
        };
      } catch (error) {
        if ((error as { name?: string }).name === 'InvalidRange') {
          const info = await head(key);
          throw new StorageRangeNotSatisfiableError(key, info?.size ?? 0);
        }
        throw fail('get', error, key);
      }
    },

    async read(key, range) {
      return (await storage.get(key, range)).body;
    },

    head,

    async delete(key) {
      try {
        await client.send(new DeleteObjectCommand({ Bucket, Key: objectKey(key) }));
      } catch (error) {
        const failure = fail('delete', error, key);
        if ((failure as Error).name !== 'StorageObjectNotFoundError') throw failure;
      }
    },

    async signedUrl(key, options = {}) {
      const command = new GetObjectCommand({
        Bucket,
        Key: objectKey(key),
        ...(options.contentDisposition ? { ResponseContentDisposition: options.contentDisposition } : {}),
      });
      const seconds = Math.max(1, Math.round((options.ttlMs ?? config.signedUrlTtlMs) / 1000));
      try {
        return await getSignedUrl(client, command, { expiresIn: seconds });
      } catch (error) {
        throw fail('sign', error, key);
      }
    },

    async *list() {
      try {
        for await (const page of paginateListObjectsV2({ client }, { Bucket, Prefix: config.prefix })) {
          for (const object of page.Contents ?? []) {
            const key = object.Key?.slice(config.prefix.length);
            if (key && isStorageKey(key)) yield { key, size: object.Size ?? 0 };
          }
        }
      } catch (error) {
        throw fail('list', error);
      }
    },

    // HEAD of a sentinel object rather than HeadBucket: HeadBucket needs
    // s3:ListBucket on the whole bucket, which credentials scoped to a prefix
    // lack. A missing (404) or unreadable (403 without ListBucket) sentinel is
    // written once; that write proves the bucket exists and accepts our keys.
    async probe() {
      const Key = config.prefix + PROBE_KEY;
      await withinProbeDeadline(config.timeouts.probeMs, async (abortSignal) => {
        try {
          await client.send(new HeadObjectCommand({ Bucket, Key }), { abortSignal });
          return;
        } catch (error) {
          const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
          if (status !== 404 && status !== 403) throw fail('probe', error);
        }
        try {
          await client.send(
            new PutObjectCommand({ Bucket, Key, Body: 'ok', ContentType: 'text/plain', ...encryption }),
            { abortSignal },
          );
        } catch (error) {
          throw fail('probe', error);
        }
      });
    },

    close: async () => client.destroy(),
  };
  return storage;
}

/** `bytes 0-99/1234` → the served range and the whole size. */
function parseContentRange(header: string | undefined): { range: ByteRange; size: number } | undefined {
  const match = header ? /^bytes (\d+)-(\d+)\/(\d+)$/.exec(header) : null;
  if (!match) return undefined;
  return { range: { start: Number(match[1]), end: Number(match[2]) }, size: Number(match[3]) };
}

// The storage port: what the upload pipeline, the bff's download routes, the
// worker and the migration tool need from wherever stored files live. Two
// adapters implement it (a directory, an S3-compatible bucket); every method
// fails with the typed errors of storage-errors.ts.
import type { Readable } from 'node:stream';

/** Inclusive byte offsets, as in an HTTP Range header; `end` omitted means "to the last byte". */
export interface ByteRangeRequest {
  start: number;
  end?: number;
}

export interface ByteRange {
  start: number;
  end: number;
}

export interface ObjectInfo {
  key: string;
  size: number;
  contentType: string | undefined;
  /** SHA-256 (hex) recorded with the object at put, where the adapter keeps metadata (S3). */
  sha256: string | undefined;
  lastModified: Date | undefined;
}

export interface PutOptions {
  contentType: string;
  /** SHA-256 (hex) known before writing (the migration tool); kept as object metadata where supported. */
  sha256?: string;
}

export interface PutResult {
  key: string;
  size: number;
}

export interface ObjectRead {
  /** The bytes asked for; the caller must consume or destroy it. */
  body: Readable;
  /** Size of the whole object. */
  size: number;
  /** The bytes in `body` when a range was asked for (206); undefined for the whole object. */
  range: ByteRange | undefined;
  contentType: string | undefined;
}

export interface SignedUrlOptions {
  /** Lifetime; the adapter's configured default when omitted. */
  ttlMs?: number;
  /** Served as Content-Disposition (e.g. `inline`, or `attachment; filename="…"`). */
  contentDisposition?: string;
}

export interface ObjectStorage {
  readonly kind: 'filesystem' | 's3';
  /** Where the objects are, for logs and health details (never a secret). */
  readonly location: string;
  /**
   * Streams `body` into the object `key` and commits it only once the body has
   * ended cleanly: if the body errors (size cap, content check, client gone) or
   * the store fails, no object is left and `body` is destroyed.
   */
  put(key: string, body: Readable, options: PutOptions): Promise<PutResult>;
  /** Streams an object out, whole or one byte range. */
  get(key: string, range?: ByteRangeRequest): Promise<ObjectRead>;
  /**
   * The bytes alone, whole or one byte range: what the worker decodes from.
   * Same errors as get (404 missing, 416 bad range, 503 outage); the caller
   * must consume or destroy the stream.
   */
  read(key: string, range?: ByteRangeRequest): Promise<Readable>;
  /** The object's size and type, or undefined when there is none. */
  head(key: string): Promise<ObjectInfo | undefined>;
  /** Removes an object; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
  /** A short-lived URL that serves the object without credentials, or undefined where the adapter has none. */
  signedUrl(key: string, options?: SignedUrlOptions): Promise<string | undefined>;
  /** Every stored object, in no particular order. */
  list(): AsyncIterable<Pick<ObjectInfo, 'key' | 'size'>>;
  /** Readiness: a cheap round trip that proves reads and writes can work, bounded by the probe timeout. */
  probe(): Promise<void>;
  /** Releases connections; the storage is unusable afterwards. */
  close(): Promise<void>;
}

// Typed storage failures with the HTTP status the server maps them to: an
// outage or a misconfigured store is 503 with Retry-After (the client may try
// again, nothing was written); a missing object 404; a bad range 416.
export type StorageOperation = 'put' | 'get' | 'head' | 'delete' | 'sign' | 'probe' | 'list';

export type StorageFailureReason =
  /** Connection refused, reset or DNS failure. */
  | 'unreachable'
  /** Connecting or a silent connection outlasted its timeout. */
  | 'timeout'
  /** Credentials or permissions refused (S3 403), or a read-only/unwritable directory. */
  | 'access-denied'
  /** The configured bucket does not exist. */
  | 'bucket-missing'
  /** The service answered with an error (5xx, throttling, an unsupported request). */
  | 'service-error'
  /** No space left on the volume (or quota exceeded). */
  | 'disk-full'
  /** The volume failed underneath (I/O error, stale network mount). */
  | 'io-error';

export class StorageUnavailableError extends Error {
  readonly statusCode = 503;
  readonly retryAfterSeconds: number;

  constructor(
    readonly reason: StorageFailureReason,
    readonly operation: StorageOperation,
    message: string,
    options: { cause?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(`storage unavailable (${reason}) during ${operation}: ${message}`, { cause: options.cause });
    this.name = 'StorageUnavailableError';
    this.retryAfterSeconds = options.retryAfterSeconds ?? 5;
  }
}

export class StorageObjectNotFoundError extends Error {
  readonly statusCode = 404;

  constructor(readonly key: string) {
    super(`no stored object "${key}"`);
    this.name = 'StorageObjectNotFoundError';
  }
}

export class StorageRangeNotSatisfiableError extends Error {
  readonly statusCode = 416;

  /** `size` goes into the 416 answer's `Content-Range: bytes *\/size`. */
  constructor(
    readonly key: string,
    readonly size: number,
  ) {
    super(`the requested range is outside "${key}" (${size} bytes)`);
    this.name = 'StorageRangeNotSatisfiableError';
  }
}

// Maps what @aws-sdk/client-s3 throws to the storage error types: a missing
// bucket, refused credentials, timeouts, unreachable endpoints and service
// errors are outages (503); 404s on an object are "not found". Errors that do
// not come from S3 (a body refused by the upload checks) pass through.
import { StorageObjectNotFoundError, StorageUnavailableError, type StorageOperation } from './storage-errors';

interface SdkError {
  name?: string;
  code?: string;
  Code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

const ACCESS_DENIED = new Set([
  'AccessDenied',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'InvalidToken',
  'RequestTimeTooSkewed',
]);
const TIMEOUTS = new Set(['TimeoutError', 'RequestTimeout', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'NetworkingError',
]);
const THROTTLED = new Set(['SlowDown', 'Throttling', 'ThrottlingException', 'TooManyRequests']);

export function asS3StorageError(
  error: unknown,
  operation: StorageOperation,
  target: { bucket: string; key?: string },
): unknown {
  if (error instanceof StorageUnavailableError || error instanceof StorageObjectNotFoundError) return error;
  const sdk = (error ?? {}) as SdkError;
  const name = sdk.Code ?? sdk.name ?? '';
  const code = sdk.code ?? '';
  const status = sdk.$metadata?.httpStatusCode;
  const unavailable = (
    reason: StorageUnavailableError['reason'],
    detail: string,
    retryAfterSeconds?: number,
  ) => new StorageUnavailableError(reason, operation, detail, { cause: error, retryAfterSeconds });

  if (name === 'NoSuchBucket')
    return unavailable('bucket-missing', `bucket "${target.bucket}" does not exist`);
  if (status === 404 && target.key !== undefined) return new StorageObjectNotFoundError(target.key);
  if (status === 403 || ACCESS_DENIED.has(name))
    return unavailable(
      'access-denied',
      `${name || 'Forbidden'}: check the S3 credentials and their permissions`,
    );
  // The system error code first: the SDK names transient connection errors TimeoutError too.
  if (UNREACHABLE.has(code) || UNREACHABLE.has(name) || /socket hang up/i.test(sdk.message ?? ''))
    return unavailable('unreachable', `${code || name}: ${sdk.message ?? ''}`.trim());
  if (TIMEOUTS.has(code) || TIMEOUTS.has(name)) return unavailable('timeout', sdk.message ?? name);
  if (THROTTLED.has(name) || status === 429 || status === 503)
    return unavailable('service-error', `${name || status}: the service asks to slow down`, 30);
  if (status !== undefined)
    return unavailable('service-error', `${name || 'HTTP ' + status}: ${sdk.message ?? ''}`);
  return error;
}

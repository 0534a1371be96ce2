// The one table from error kinds to HTTP status codes, and the status of any
// error a request can end with: an AppError by its kind, a library's error
// (Fastify validation, multipart limits, uploads) by its own statusCode, and
// a Postgres data exception (SQLSTATE class 22: bad encoding, out of range,
// invalid text representation — the input's fault, whatever slipped past
// validation) 400, anything else 500.
import { isAppError, type ErrorKind } from './app-error';

export const HTTP_STATUS_OF_KIND: { readonly [K in ErrorKind]: number } = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'rate-limited': 429,
  unavailable: 503,
};

/** A Postgres (or PGlite) "data exception": SQLSTATE 22xxx, e.g. 22021 for a NUL byte in text. */
export function isDatabaseDataError(error: unknown): error is Error & { code: string } {
  if (!(error instanceof Error) || !('severity' in error)) return false;
  const { code } = error as { code?: unknown };
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

export function httpStatusOf(error: unknown): number {
  if (isAppError(error)) return HTTP_STATUS_OF_KIND[error.kind];
  if (isDatabaseDataError(error)) return 400;
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export const reasonPhraseOf = (status: number): string =>
  REASONS[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');

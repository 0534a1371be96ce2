// The errors every layer throws: a kind that says what went wrong in the
// domain's words, and a message for the person who sent the request. Services
// and repositories never speak HTTP; the bff's error handler maps a kind to
// its status code (see http-status.ts), the worker logs it.
export const ERROR_KINDS = [
  'invalid',
  'unauthenticated',
  'forbidden',
  'not-found',
  'conflict',
  'rate-limited',
  'unavailable',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

/** Bad input the caller can fix (400). */
export const invalid = (message: string) => new AppError('invalid', message);
/** No (valid) credentials (401). */
export const unauthenticated = (message = 'sign in first') => new AppError('unauthenticated', message);
/** Signed in, but not allowed (403). */
export const forbidden = (message = 'not allowed') => new AppError('forbidden', message);
/** Absent, or someone else's (404: ids of other accounts cannot be probed). */
export const notFound = (message = 'not found') => new AppError('not-found', message);
/** Clashes with what exists (409). */
export const conflict = (message: string) => new AppError('conflict', message);

// One error type for every way a call can fail, so callers (and the UI) branch on
// `kind`/`status` instead of on whichever library produced the failure.

/** Why a request failed: the server answered with an error, or no answer arrived. */
export type ApiErrorKind = 'http' | 'network' | 'timeout' | 'circuit-open';

export interface ApiErrorDetails {
  kind: ApiErrorKind;
  /** HTTP status of the final attempt; 0 when no response was received. */
  status: number;
  message: string;
  method: string;
  /** Path as the caller gave it (relative to the client's base URL). */
  path: string;
  /** The X-Request-ID the server echoed, else the one this client sent. */
  requestId: string;
  /** Parsed response body of an HTTP error (JSON or text), when there was one. */
  body?: unknown;
  cause?: unknown;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly status: number;
  readonly method: string;
  readonly path: string;
  readonly requestId: string;
  readonly body: unknown;

  constructor(details: ApiErrorDetails) {
    super(details.message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = details.kind;
    this.status = details.status;
    this.method = details.method;
    this.path = details.path;
    this.requestId = details.requestId;
    this.body = details.body;
  }

  /** True when retrying later may succeed (no answer, overload, or a gateway/server error). */
  get isTransient(): boolean {
    return this.kind !== 'http' || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/** The server's own message from an error body (`{ message }` as in the bff's ErrorBody), if any. */
export function serverMessageOf(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim() === '' ? undefined : body.trim().slice(0, 500);
  if (typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string') {
    return body.message;
  }
  return undefined;
}

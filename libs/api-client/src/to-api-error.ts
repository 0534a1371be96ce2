// Translates ky's and cockatiel's errors into ApiError; anything else (a caller's
// abort, a bug) is returned unchanged so it is not mistaken for a server problem.
import { isHTTPError, isNetworkError, isTimeoutError } from 'ky';
import { isBrokenCircuitError } from 'cockatiel';
import { ApiError, serverMessageOf } from './api-error';
import { REQUEST_ID_HEADER } from './request-id';

export interface RequestIdentity {
  method: string;
  path: string;
  requestId: string;
}

export function toApiError(error: unknown, request: RequestIdentity): unknown {
  if (error instanceof ApiError) return error;
  const base = { method: request.method, path: request.path, cause: error };

  if (isHTTPError(error)) {
    const { status, statusText, headers } = error.response;
    return new ApiError({
      ...base,
      kind: 'http',
      status,
      message: serverMessageOf(error.data) ?? `${status} ${statusText || 'HTTP error'}`,
      requestId: headers.get(REQUEST_ID_HEADER) ?? request.requestId,
      body: error.data,
    });
  }
  if (isTimeoutError(error)) {
    return new ApiError({
      ...base,
      kind: 'timeout',
      status: 0,
      message: `${request.method} ${request.path} timed out`,
      requestId: request.requestId,
    });
  }
  if (isNetworkError(error)) {
    return new ApiError({
      ...base,
      kind: 'network',
      status: 0,
      message: `${request.method} ${request.path} could not reach the server`,
      requestId: request.requestId,
    });
  }
  if (isBrokenCircuitError(error)) {
    return new ApiError({
      ...base,
      kind: 'circuit-open',
      status: 0,
      message: 'The service is failing repeatedly; requests are paused for a moment',
      requestId: request.requestId,
    });
  }
  return error;
}

// The typed HTTP client the portals and Node tools use to call the bff.
// ky does timeouts and retries; a cockatiel circuit breaker wraps each whole call
// (retries included), so one exhausted call counts as one failure.
import ky, { type KyInstance, type Options as KyOptions } from 'ky';
import type { CircuitBreakerPolicy } from 'cockatiel';
import { ApiError } from './api-error';
import { createCircuitBreaker, resolveBreakerOptions, type BreakerOptions } from './circuit-breaker';
import { bodyOptions } from './request-body';
import { REQUEST_ID_HEADER, createRequestId } from './request-id';
import { readResponseBody } from './response-body';
import {
  RETRYABLE_METHODS,
  RETRYABLE_STATUS_CODES,
  RETRY_AFTER_STATUS_CODES,
  backoffCeilingMs,
  fullJitter,
  resolveRetryOptions,
  type RetryOptions,
} from './retry-policy';
import { toApiError } from './to-api-error';

export interface ApiClientOptions {
  /** `/api` (same origin, browsers) or an absolute URL (Node tools, cross-origin API). */
  baseUrl: string;
  /** Per-attempt timeout. */
  timeoutMs?: number;
  /** Retry limit, or full retry settings. Only idempotent methods are ever retried. */
  retries?: number | Partial<RetryOptions>;
  /** Circuit-breaker settings, or `false` to disable it. */
  breaker?: false | Partial<BreakerOptions>;
  /** fetch implementation (tests, instrumentation); defaults to the global one. */
  fetch?: typeof globalThis.fetch;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Headers computed per request, e.g. the session's CSRF token on unsafe methods. */
  headersFor?: (method: string) => Record<string, string>;
  /** Cookie mode: `include` when the API is on another origin. Default `same-origin`. */
  credentials?: 'same-origin' | 'include' | 'omit';
}

export interface RequestOptions {
  /** Reuse an id from an upstream request; otherwise one is generated per call. */
  requestId?: string;
  headers?: Record<string, string>;
  searchParams?: URLSearchParams | Record<string, string | number | boolean | undefined>;
  signal?: AbortSignal;
  /** Override the client's retry limit for this call. */
  retries?: number;
  /** Override the client's per-attempt timeout for this call. */
  timeoutMs?: number;
}

export interface RawRequestOptions extends RequestOptions {
  method?: string;
  body?: unknown;
}

export interface ApiClient {
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  put<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  delete<T = undefined>(path: string, options?: RequestOptions): Promise<T>;
  /** The Response itself (downloads, streaming); same ids, retries, breaker and errors. */
  raw(path: string, options?: RawRequestOptions): Promise<Response>;
  /** Base URL this client was created with. */
  readonly baseUrl: string;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

export function createApiClient(options: ApiClientOptions): ApiClient {
  const retry = resolveRetryOptions(options.retries);
  const breakerOptions = resolveBreakerOptions(options.breaker);
  const breaker = breakerOptions ? createCircuitBreaker(breakerOptions) : undefined;
  const http = ky.create({
    prefix: options.baseUrl,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    headers: { Accept: 'application/json', ...options.headers },
    credentials: options.credentials ?? 'same-origin',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  const raw = (path: string, request: RawRequestOptions = {}) => {
    const extra = options.headersFor?.((request.method ?? 'GET').toUpperCase());
    return send(
      http,
      breaker,
      retry,
      path,
      extra ? { ...request, headers: { ...extra, ...request.headers } } : request,
    );
  };
  const json = async <T>(path: string, options: RawRequestOptions): Promise<T> => {
    // Fixed here (not in send) so a body-parsing error can name the same request id.
    const request = { ...options, requestId: options.requestId ?? createRequestId() };
    const response = await raw(path, request);
    try {
      return (await readResponseBody(response)) as T;
    } catch (error) {
      throw new ApiError({
        kind: 'http',
        status: response.status,
        message: `${request.method ?? 'GET'} ${path} returned a body that is not valid JSON`,
        method: request.method ?? 'GET',
        path,
        requestId: response.headers.get(REQUEST_ID_HEADER) ?? request.requestId,
        cause: error,
      });
    }
  };

  return {
    baseUrl: options.baseUrl,
    get: (path, request) => json(path, { ...request, method: 'GET' }),
    post: (path, body, request) => json(path, { ...request, method: 'POST', body }),
    put: (path, body, request) => json(path, { ...request, method: 'PUT', body }),
    delete: (path, request) => json(path, { ...request, method: 'DELETE' }),
    raw,
  };
}

async function send(
  http: KyInstance,
  breaker: CircuitBreakerPolicy | undefined,
  retry: RetryOptions,
  path: string,
  request: RawRequestOptions,
): Promise<Response> {
  const method = (request.method ?? 'GET').toUpperCase();
  // One id for the whole call: retries of it share the id, so the bff's logs show
  // them as attempts of one operation.
  const requestId = request.requestId ?? createRequestId();
  const identity = { method, path, requestId };
  const attempt = async (): Promise<Response> => {
    try {
      return await http(path, kyOptionsFor(method, requestId, retry, request));
    } catch (error) {
      throw toApiError(error, identity);
    }
  };
  try {
    return breaker ? await breaker.execute(attempt) : await attempt();
  } catch (error) {
    throw toApiError(error, identity);
  }
}

function kyOptionsFor(
  method: string,
  requestId: string,
  retry: RetryOptions,
  request: RawRequestOptions,
): KyOptions {
  return {
    method,
    headers: { ...request.headers, [REQUEST_ID_HEADER]: requestId },
    ...(request.searchParams ? { searchParams: request.searchParams } : {}),
    ...(request.signal ? { signal: request.signal } : {}),
    ...(request.timeoutMs !== undefined ? { timeout: request.timeoutMs } : {}),
    ...bodyOptions(request.body),
    retry: {
      limit: request.retries ?? retry.limit,
      methods: [...RETRYABLE_METHODS],
      statusCodes: [...RETRYABLE_STATUS_CODES],
      afterStatusCodes: [...RETRY_AFTER_STATUS_CODES],
      maxRetryAfter: retry.maxRetryAfterMs,
      backoffLimit: retry.maxDelayMs,
      delay: (attempt) => backoffCeilingMs(attempt, retry),
      jitter: (ceilingMs) => fullJitter(ceilingMs),
    },
  };
}

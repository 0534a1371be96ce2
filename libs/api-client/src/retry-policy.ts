// When and how often a failed request is retried. Only idempotent methods are
// retried: repeating a POST could create a second upload or a second payment.

export interface RetryOptions {
  /** Retries after the first attempt (0 disables retrying). */
  limit: number;
  /** Delay ceiling of the first retry; doubles each retry (before jitter). */
  baseDelayMs: number;
  /** Upper bound of any computed backoff delay. */
  maxDelayMs: number;
  /** Upper bound of a server-requested `Retry-After` wait; longer waits are clamped. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryOptions = {
  limit: 2,
  baseDelayMs: 300,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 30_000,
};

export const RETRYABLE_METHODS = ['get', 'head', 'options', 'put', 'delete'] as const;

/** Statuses that mean "try again": timeout, rate limit, and gateway/overload errors. */
export const RETRYABLE_STATUS_CODES = [408, 429, 502, 503, 504] as const;

/** Statuses whose `Retry-After` header decides the wait instead of the backoff. */
export const RETRY_AFTER_STATUS_CODES = [429, 503] as const;

/** Exponential backoff ceiling for the n-th retry (1-based), capped at maxDelayMs. */
export function backoffCeilingMs(
  retry: number,
  options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>,
): number {
  return Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
}

/**
 * "Full jitter": a uniformly random wait between 0 and the backoff ceiling, so
 * many clients that failed together do not retry together.
 */
export function fullJitter(ceilingMs: number, random: () => number = Math.random): number {
  return Math.floor(random() * ceilingMs);
}

export function resolveRetryOptions(retries: number | Partial<RetryOptions> | undefined): RetryOptions {
  if (retries === undefined) return DEFAULT_RETRY;
  if (typeof retries === 'number') return { ...DEFAULT_RETRY, limit: retries };
  return { ...DEFAULT_RETRY, ...retries };
}

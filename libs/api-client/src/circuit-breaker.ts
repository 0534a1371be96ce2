// A circuit breaker stops a portal from hammering a bff that is down: after N
// consecutive failed calls it fails fast, then lets one trial call through after
// a cool-down (half-open) and closes again if that call succeeds.
import { ConsecutiveBreaker, circuitBreaker, handleWhen, type CircuitBreakerPolicy } from 'cockatiel';
import { isApiError } from './api-error';

export interface BreakerOptions {
  /** Consecutive failed calls that open the circuit. */
  consecutiveFailures: number;
  /** Time the circuit stays open before one trial call is allowed. */
  halfOpenAfterMs: number;
}

export const DEFAULT_BREAKER: BreakerOptions = { consecutiveFailures: 5, halfOpenAfterMs: 10_000 };

/**
 * Only failures that say the service is unhealthy count: no answer, timeouts and
 * 5xx. A 404 or 422 is the caller's problem and must not open the circuit.
 */
export function isServiceFailure(error: unknown): boolean {
  if (!isApiError(error)) return false;
  return (
    error.kind === 'network' || error.kind === 'timeout' || (error.kind === 'http' && error.status >= 500)
  );
}

export function createCircuitBreaker(options: BreakerOptions): CircuitBreakerPolicy {
  return circuitBreaker(handleWhen(isServiceFailure), {
    halfOpenAfter: options.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(options.consecutiveFailures),
  });
}

export function resolveBreakerOptions(
  breaker: false | Partial<BreakerOptions> | undefined,
): BreakerOptions | undefined {
  if (breaker === false) return undefined;
  return { ...DEFAULT_BREAKER, ...breaker };
}

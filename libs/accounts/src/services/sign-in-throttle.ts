// Use case around every sign-in attempt: before the password is checked, an
// address that failed too often on this account is refused (429) and the
// attempt is held for the account's growing delay; afterwards a failure is
// counted (alerting on a spray across addresses) and a success resets the
// account. The counters live behind SignInAttemptStore (Redis, shared by
// replicas, in libs/http); no HTTP here.
import { RateLimitedError } from '@zamio/errors';
import { isSprayThreshold, signInDelayMs, type SignInThrottlePolicy } from '../rules/sign-in-throttle';

export interface AttemptCounts {
  /** Failures of this account from this address. */
  pair: number;
  /** Failures of this account from any address. */
  account: number;
}

export interface SignInAttemptStore {
  counts(account: string, address: string): Promise<AttemptCounts>;
  /** Counts one failure; returns the new counts and how many distinct addresses failed on the account. */
  recordFailure(
    account: string,
    address: string,
    windowMs: number,
  ): Promise<AttemptCounts & { addresses: number }>;
  /** Forgets the account's failures (the address's own pair included; other pairs stay). */
  reset(account: string, address: string): Promise<void>;
  /** Seconds until the pair's failures are forgotten. */
  retryAfterSeconds(account: string, address: string): Promise<number>;
}

export interface SprayAlert {
  account: string;
  addresses: number;
  windowMs: number;
}

export interface SignInThrottleDeps {
  store: SignInAttemptStore;
  policy: SignInThrottlePolicy;
  onSpray: (alert: SprayAlert) => void;
  /** An address refused for an account (429), for the metrics. */
  onRefused?: () => void;
  sleep?: (ms: number) => Promise<void>;
}

export interface SignInThrottle {
  /** Throws RateLimitedError when this address is done with this account; otherwise waits the account's delay. */
  beforeAttempt(account: string, address: string): Promise<{ delayedMs: number }>;
  failed(account: string, address: string): Promise<void>;
  succeeded(account: string, address: string): Promise<void>;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createSignInThrottle({
  store,
  policy,
  onSpray,
  onRefused,
  sleep = pause,
}: SignInThrottleDeps): SignInThrottle {
  return {
    async beforeAttempt(account, address) {
      const counts = await store.counts(account, address);
      if (counts.pair >= policy.perAddressMax) {
        onRefused?.();
        throw new RateLimitedError(Math.max(1, await store.retryAfterSeconds(account, address)));
      }
      const delayedMs = signInDelayMs(counts.account, policy);
      if (delayedMs > 0) await sleep(delayedMs);
      return { delayedMs };
    },
    async failed(account, address) {
      const { addresses } = await store.recordFailure(account, address, policy.windowMs);
      if (isSprayThreshold(addresses, policy)) onSpray({ account, addresses, windowMs: policy.windowMs });
    },
    async succeeded(account, address) {
      await store.reset(account, address);
    },
  };
}

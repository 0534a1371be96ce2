// The sign-in throttling policy (OWASP Authentication Cheat Sheet): failed
// attempts are limited per (account, client address) — a hard stop for that
// pair only, so a guesser can never lock the owner out from elsewhere — and
// slowed per account, whatever the address, by a delay that doubles with each
// failure past a free allowance, up to a cap. A success resets the account's
// counters. Many addresses failing on one account raise an alert. Pure.

export interface SignInThrottlePolicy {
  /** Failed attempts one address may make on one account per window; then 429 for that pair. */
  perAddressMax: number;
  /** Failures of one account (any address) answered without delay. */
  delayAfter: number;
  /** The delay's cap. */
  maxDelayMs: number;
  /** Distinct addresses failing on one account within a window that count as a spray. */
  sprayAddresses: number;
  /** How long failures are remembered after the last one. */
  windowMs: number;
}

/** The first delay past the free allowance; each further failure doubles it. */
export const BASE_SIGN_IN_DELAY_MS = 250;

/** How long to hold an attempt on an account that has failed `accountFailures` times. */
export function signInDelayMs(accountFailures: number, policy: SignInThrottlePolicy): number {
  const over = accountFailures - policy.delayAfter;
  if (over < 0) return 0;
  return Math.min(policy.maxDelayMs, BASE_SIGN_IN_DELAY_MS * 2 ** Math.min(over, 20));
}

/** True once exactly: when this failure is the one that reaches the spray threshold. */
export const isSprayThreshold = (distinctAddresses: number, policy: SignInThrottlePolicy): boolean =>
  distinctAddresses === policy.sprayAddresses;

// The sign-in throttling rules: a delay that doubles per failure past the
// allowance, capped; the spray threshold fires once.
import { describe, expect, it } from 'vitest';
import { isSprayThreshold, signInDelayMs, type SignInThrottlePolicy } from '../src/index';

const policy: SignInThrottlePolicy = {
  perAddressMax: 10,
  delayAfter: 3,
  maxDelayMs: 2_000,
  sprayAddresses: 4,
  windowMs: 900_000,
};

describe('sign-in throttle rules', () => {
  it('delays nothing within the allowance, then doubles up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 50, 10_000].map((n) => signInDelayMs(n, policy))).toEqual([
      0, 0, 0, 250, 500, 1_000, 2_000, 2_000, 2_000, 2_000,
    ]);
  });

  it('raises the spray alert exactly when the threshold is reached', () => {
    expect([1, 3, 4, 5, 9].map((n) => isSprayThreshold(n, policy))).toEqual([
      false,
      false,
      true,
      false,
      false,
    ]);
  });
});

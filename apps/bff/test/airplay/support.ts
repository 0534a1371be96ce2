// Sign-ups are scrypt-heavy: on a machine shared by many test runs the bff's
// load shedding may answer 503 + Retry-After. A client honours it and tries
// again; so do these tests (nothing was written by a shed request).
import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiClient } from '../security/support/api-client';
import type { SecureStack } from '../security/support/secure-stack';

export async function accountOf(
  stack: SecureStack,
  role: 'artist' | 'station' | 'publisher',
  name: string,
): Promise<ApiClient> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await stack.account(role, name);
    } catch (error) {
      if (attempt >= 6 || !/\b503\b/.test(String(error))) throw error;
      await sleep(1_000 * attempt);
    }
  }
}

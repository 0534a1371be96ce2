// Start-up: retry until the database answers, with exponential backoff and
// jitter (cockatiel), logging every attempt, up to a deadline.
import { ExponentialBackoff, handleAll, retry, timeout, TimeoutStrategy, wrap } from 'cockatiel';
import type { Queryable } from './database';
import { pingDatabase } from './schema-version';

export interface WaitOptions {
  deadlineMs: number;
  onRetry?: (attempt: number, delayMs: number, error: unknown) => void;
}

export async function waitForDatabase(db: Queryable, options: WaitOptions): Promise<void> {
  const retryPolicy = retry(handleAll, {
    maxAttempts: Number.MAX_SAFE_INTEGER,
    backoff: new ExponentialBackoff({ initialDelay: 200, maxDelay: 5_000 }),
  });
  const policy = wrap(timeout(options.deadlineMs, TimeoutStrategy.Aggressive), retryPolicy);
  const listener = retryPolicy.onRetry((event) =>
    options.onRetry?.(event.attempt, event.delay, 'error' in event ? event.error : undefined),
  );
  try {
    await policy.execute(async ({ signal }) => {
      if (signal.aborted) throw new Error('deadline reached');
      await pingDatabase(db);
    });
  } catch (error) {
    throw new Error(
      `database not reachable within ${options.deadlineMs} ms: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  } finally {
    listener.dispose();
  }
}

// Whether a monitored stream is up or down, from its recent checks. Pure: the job stores the
// returned state (three small fields per stream) and feeds it back with the next result.
// Down takes several failures in a row, so one dropped connection does not page anyone; up
// takes one success by default, because a working recording is proof enough.

export type StreamState = 'unknown' | 'up' | 'down';

export interface StreamHealthThresholds {
  /** Consecutive failed checks that mark a stream down. */
  readonly downAfterFailures: number;
  /** Consecutive successful checks that mark a stream (back) up. */
  readonly upAfterSuccesses: number;
}

export const DEFAULT_STREAM_HEALTH_THRESHOLDS: StreamHealthThresholds = {
  downAfterFailures: 3,
  upAfterSuccesses: 1,
};

export interface StreamHealth {
  readonly state: StreamState;
  readonly consecutiveFailures: number;
  readonly consecutiveSuccesses: number;
}

export const NEW_STREAM_HEALTH: StreamHealth = {
  state: 'unknown',
  consecutiveFailures: 0,
  consecutiveSuccesses: 0,
};

export interface StreamHealthChange {
  readonly health: StreamHealth;
  /** True when this check moved the stream to another state (worth an event and a log line). */
  readonly changed: boolean;
}

/** Folds one check result (true = the window was recorded) into the stream's health. */
export function recordStreamCheck(
  previous: StreamHealth,
  ok: boolean,
  thresholds: StreamHealthThresholds = DEFAULT_STREAM_HEALTH_THRESHOLDS,
): StreamHealthChange {
  assertThresholds(thresholds);
  const consecutiveFailures = ok ? 0 : previous.consecutiveFailures + 1;
  const consecutiveSuccesses = ok ? previous.consecutiveSuccesses + 1 : 0;
  let state = previous.state;
  if (consecutiveFailures >= thresholds.downAfterFailures) state = 'down';
  else if (consecutiveSuccesses >= thresholds.upAfterSuccesses) state = 'up';
  return { health: { state, consecutiveFailures, consecutiveSuccesses }, changed: state !== previous.state };
}

/** The health after a run of check results, oldest first (for rebuilding it from a log). */
export function streamHealthFromChecks(
  checks: readonly boolean[],
  thresholds: StreamHealthThresholds = DEFAULT_STREAM_HEALTH_THRESHOLDS,
  from: StreamHealth = NEW_STREAM_HEALTH,
): StreamHealth {
  return checks.reduce((health, ok) => recordStreamCheck(health, ok, thresholds).health, from);
}

function assertThresholds({ downAfterFailures, upAfterSuccesses }: StreamHealthThresholds): void {
  if (!Number.isInteger(downAfterFailures) || downAfterFailures < 1)
    throw new RangeError(`downAfterFailures must be a positive integer (got ${downAfterFailures})`);
  if (!Number.isInteger(upAfterSuccesses) || upAfterSuccesses < 1)
    throw new RangeError(`upAfterSuccesses must be a positive integer (got ${upAfterSuccesses})`);
}

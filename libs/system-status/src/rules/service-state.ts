// How the status page judges a service instance from what it last reported.
// Pure: the caller passes the clock.
import type { HealthReport } from '@zamio/health';

/** A worker that has not beaten for this long is shown as stale (it may be gone). */
export const HEARTBEAT_STALE_MS = 5 * 60_000;

export type InstanceState = 'ok' | 'degraded' | 'down' | 'stale';

export function instanceStateOf(
  beat: { beatAt: Date; health: HealthReport | null },
  now: Date,
  staleAfterMs = HEARTBEAT_STALE_MS,
): InstanceState {
  if (now.getTime() - beat.beatAt.getTime() > staleAfterMs) return 'stale';
  // A beat without a report still proves queue → worker → database worked.
  return beat.health?.status ?? 'ok';
}

/** The whole platform at a glance: the worst of its parts (a stale instance degrades). */
export function overallStateOf(states: readonly InstanceState[]): 'ok' | 'degraded' | 'down' {
  if (states.includes('down')) return 'down';
  if (states.some((state) => state !== 'ok')) return 'degraded';
  return 'ok';
}

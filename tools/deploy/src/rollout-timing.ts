// The zero-downtime arithmetic (docs/deployment.md): after SIGTERM the bff's
// /readyz fails at once, Docker needs `retries` failed probes to mark it
// unhealthy — each started `interval` after the previous one ended, and one may
// take up to `timeout` — and Traefik applies that ~2 s later; the bff must keep
// serving until then (drain delay), then finish in-flight requests, all before
// Coolify's stop grace period ends and Docker kills it.
import type { HealthCheckResource } from './resources-schema';

/** Traefik applies Docker events with a throttle of about 2 s. */
export const TRAEFIK_THROTTLE_MS = 2_000;
/** Traefik's default idle timeout for connections to servers. */
export const TRAEFIK_UPSTREAM_IDLE_MS = 90_000;

export interface TimingInput {
  health: HealthCheckResource;
  stopGracePeriodS: number;
  /** Effective values from the app's validated config (ms); absent for apps without them. */
  drainDelayMs?: number;
  shutdownTimeoutMs?: number;
  keepAliveTimeoutMs?: number;
  /** True when Traefik routes to the app (it has a domain). */
  routed: boolean;
}

export function timingProblems(input: TimingInput): string[] {
  const problems: string[] = [];
  const graceMs = input.stopGracePeriodS * 1000;
  const { interval, retries, timeout } = input.health;
  const unroutedAfterMs = retries * (interval + timeout) * 1000 + TRAEFIK_THROTTLE_MS;
  if (input.routed && input.drainDelayMs !== undefined && input.drainDelayMs <= unroutedAfterMs) {
    problems.push(
      `SHUTDOWN_DRAIN_DELAY (${s(input.drainDelayMs)}) must exceed health retries × (interval + timeout) + Traefik throttle (${retries} × (${interval} s + ${timeout} s) + 2 s = ${s(unroutedAfterMs)}), or requests reach a container that has stopped accepting`,
    );
  }
  if (input.shutdownTimeoutMs !== undefined) {
    if (input.shutdownTimeoutMs >= graceMs) {
      problems.push(
        `SHUTDOWN_TIMEOUT (${s(input.shutdownTimeoutMs)}) must be below the stop grace period (${input.stopGracePeriodS} s), or Docker kills the process mid-drain`,
      );
    }
    if (input.drainDelayMs !== undefined && input.drainDelayMs >= input.shutdownTimeoutMs) {
      problems.push(
        `SHUTDOWN_DRAIN_DELAY (${s(input.drainDelayMs)}) must be below SHUTDOWN_TIMEOUT (${s(input.shutdownTimeoutMs)}) to leave time for in-flight requests`,
      );
    }
  }
  if (
    input.routed &&
    input.keepAliveTimeoutMs !== undefined &&
    input.keepAliveTimeoutMs <= TRAEFIK_UPSTREAM_IDLE_MS
  ) {
    problems.push(
      `KEEP_ALIVE_TIMEOUT (${s(input.keepAliveTimeoutMs)}) must exceed Traefik's 90 s idle timeout to servers, or a request can land on a connection the app is closing`,
    );
  }
  return problems;
}

const s = (ms: number) => `${ms / 1000} s`;

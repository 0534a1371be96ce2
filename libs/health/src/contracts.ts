// Health contracts shared by the bff, the worker, the portals and the tools.
// /livez: the process only. /readyz: dependencies + schema + not shutting down.
// /health: per-dependency details (full only with the details token).

export type CheckStatus = 'up' | 'down';

export interface CheckResult {
  name: string;
  status: CheckStatus;
  latencyMs: number;
  /** The dependency is a stand-in inside this process (embedded mode: no Redis), so its latency means nothing. */
  inProcess?: true;
  /** Only present in detailed reports (token given). */
  error?: string;
  details?: Record<string, unknown>;
}

export interface LivenessReport {
  status: 'ok';
  uptimeSeconds: number;
}

export interface ReadinessReport {
  status: 'ready' | 'not_ready';
  checks: Pick<CheckResult, 'name' | 'status'>[];
  failing: string[];
}

export interface HealthReport {
  status: 'ok' | 'degraded' | 'down';
  service: string;
  version: string;
  revision: string;
  uptimeSeconds: number;
  shuttingDown: boolean;
  checks: CheckResult[];
}

/** A dependency probe; `critical` ones decide readiness, others only degrade /health. */
export interface HealthCheck {
  name: string;
  critical: boolean;
  timeoutMs: number;
  /** Set when the check probes an in-process stand-in (reported as such, not as a latency). */
  inProcess?: boolean;
  run: (signal: AbortSignal) => Promise<Record<string, unknown> | void>;
}

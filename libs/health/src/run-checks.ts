// Runs every health check at once, each under its own timeout, and never
// throws: a slow or failing dependency becomes a `down` result.
import type { CheckResult, HealthCheck, HealthReport, ReadinessReport } from './contracts';

export async function runChecks(checks: readonly HealthCheck[]): Promise<CheckResult[]> {
  return Promise.all(checks.map(runOne));
}

async function runOne(check: HealthCheck): Promise<CheckResult> {
  const started = performance.now();
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`timed out after ${check.timeoutMs} ms`));
    }, check.timeoutMs);
  });
  try {
    const details = await Promise.race([check.run(controller.signal), timeout]);
    return {
      name: check.name,
      status: 'up',
      latencyMs: elapsed(started),
      ...(check.inProcess ? { inProcess: true as const } : {}),
      ...(details ? { details } : {}),
    };
  } catch (error) {
    return {
      name: check.name,
      status: 'down',
      latencyMs: elapsed(started),
      error: error instanceof Error ? error.message : String(error),
    };
  } finally {
    clearTimeout(timer);
  }
}

const elapsed = (started: number) => Math.round((performance.now() - started) * 10) / 10;

export function readinessOf(
  checks: readonly HealthCheck[],
  results: readonly CheckResult[],
  shuttingDown: boolean,
): ReadinessReport {
  const critical = new Set(checks.filter((c) => c.critical).map((c) => c.name));
  const failing = results.filter((r) => r.status === 'down' && critical.has(r.name)).map((r) => r.name);
  if (shuttingDown) failing.unshift('shutdown');
  return {
    status: failing.length === 0 ? 'ready' : 'not_ready',
    checks: results.map(({ name, status }) => ({ name, status })),
    failing,
  };
}

export interface ServiceIdentity {
  service: string;
  version: string;
  revision: string;
  startedAt: number;
}

/** Builds /health; without the token, error messages and details are withheld. */
export function healthReportOf(
  identity: ServiceIdentity,
  checks: readonly HealthCheck[],
  results: readonly CheckResult[],
  shuttingDown: boolean,
  detailed: boolean,
): HealthReport {
  const readiness = readinessOf(checks, results, shuttingDown);
  const anyDown = results.some((r) => r.status === 'down');
  return {
    status: readiness.status === 'not_ready' ? 'down' : anyDown ? 'degraded' : 'ok',
    service: identity.service,
    version: identity.version,
    revision: identity.revision,
    uptimeSeconds: Math.round((Date.now() - identity.startedAt) / 1000),
    shuttingDown,
    checks: results.map((r) =>
      detailed
        ? r
        : {
            name: r.name,
            status: r.status,
            latencyMs: r.latencyMs,
            ...(r.inProcess ? { inProcess: r.inProcess } : {}),
          },
    ),
  };
}

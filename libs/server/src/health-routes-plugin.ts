// /livez, /readyz and /health for any Fastify server (bff, worker), built on
// the shared health contracts.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  healthReportOf,
  readinessOf,
  runChecks,
  type HealthCheck,
  type ServiceIdentity,
} from '@zamio/health';

export interface HealthRoutesOptions {
  identity: ServiceIdentity;
  checks: readonly HealthCheck[];
  isShuttingDown: () => boolean;
  /** Bearer token that unlocks error details on /health; empty disables details. */
  detailsToken: string;
  /** Fastify's own register option: mounts the probes under it (e.g. /api). */
  prefix?: string;
}

export async function healthRoutes(app: FastifyInstance, options: HealthRoutesOptions): Promise<void> {
  const noStore = { 'cache-control': 'no-store' };
  // Probes are exempt from load shedding: a busy process is still alive, and
  // shedding /readyz would take the last replica out of the proxy's rotation.
  const probeConfig = { logLevel: 'silent' as const, config: { pressureHandler: () => undefined } };

  app.get('/livez', probeConfig, async (_request, reply) => {
    reply.headers(noStore);
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  });

  app.get('/readyz', probeConfig, async (_request, reply) => {
    reply.headers(noStore);
    // Skip the probes once shutting down: the answer is 503 either way.
    const results = options.isShuttingDown() ? [] : await runChecks(options.checks);
    const report = readinessOf(options.checks, results, options.isShuttingDown());
    return reply.code(report.status === 'ready' ? 200 : 503).send(report);
  });

  app.get('/health', async (request, reply) => {
    reply.headers(noStore);
    const results = await runChecks(options.checks);
    const detailed = tokenMatches(options.detailsToken, request.headers.authorization);
    const report = healthReportOf(
      options.identity,
      options.checks,
      results,
      options.isShuttingDown(),
      detailed,
    );
    return reply.code(report.status === 'down' ? 503 : 200).send(report);
  });
}

function tokenMatches(expected: string, header: string | undefined): boolean {
  if (!expected || !header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice(7));
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

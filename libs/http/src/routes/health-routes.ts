// /livez, /readyz and /health for any Fastify server (bff, worker), built on
// the shared health contracts. A route plugin, registered once per prefix.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import {
  healthReportOf,
  readinessOf,
  runChecks,
  type HealthCheck,
  type ServiceIdentity,
} from '@zamio/health';
import { NEVER_SHED } from '../plugins/load-shedding';

export interface HealthRoutesOptions {
  identity: ServiceIdentity;
  checks: readonly HealthCheck[];
  isShuttingDown: () => boolean;
  /** Bearer token that unlocks error details on /health; empty disables details. */
  detailsToken: string;
  /** Fastify's own register option: mounts the probes under it (e.g. /api). */
  prefix?: string;
}

const NO_STORE = { 'cache-control': 'no-store' };

const LivenessReport = {
  type: 'object',
  properties: { status: { type: 'string' }, uptimeSeconds: { type: 'integer' } },
} as const;

export const healthRoutes: FastifyPluginAsync<HealthRoutesOptions> = async (app, options) => {
  // Probes are exempt from load shedding: a busy process is still alive, and
  // shedding /readyz would take the last replica out of the proxy's rotation.
  const probe = { logLevel: 'silent' as const, config: NEVER_SHED };

  app.get('/livez', { ...probe, schema: { response: { 200: LivenessReport } } }, (_request, reply) => {
    reply.headers(NO_STORE).send({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
  });

  app.get('/readyz', probe, async (_request, reply) => {
    reply.headers(NO_STORE);
    // Skip the probes once shutting down: the answer is 503 either way.
    const results = options.isShuttingDown() ? [] : await runChecks(options.checks);
    const report = readinessOf(options.checks, results, options.isShuttingDown());
    return reply.code(report.status === 'ready' ? 200 : 503).send(report);
  });

  app.get('/health', async (request, reply) => {
    reply.headers(NO_STORE);
    const results = await runChecks(options.checks);
    const detailed = hasDetailsToken(options.detailsToken, request.headers.authorization);
    const report = healthReportOf(
      options.identity,
      options.checks,
      results,
      options.isShuttingDown(),
      detailed,
    );
    return reply.code(report.status === 'down' ? 503 : 200).send(report);
  });
};

/** True when the Authorization header carries the health details token (compared in constant time). */
export function hasDetailsToken(expected: string, header: string | undefined): boolean {
  if (!expected || !header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice(7));
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

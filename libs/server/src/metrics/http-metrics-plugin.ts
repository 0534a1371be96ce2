// Observes every response's duration by route template (never the raw URL, to
// keep label cardinality bounded).
import type { FastifyInstance } from 'fastify';
import type { ServiceMetrics } from './service-metrics';

export function registerHttpMetrics(app: FastifyInstance, metrics: ServiceMetrics): void {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
}

// Observes every response's duration by route template (never the raw URL, to
// keep label cardinality bounded).
import fp from 'fastify-plugin';
import type { FastifyPluginCallback } from 'fastify';
import type { ServiceMetrics } from '@zamio/metrics';
import { FASTIFY_VERSION, PLUGIN } from '../plugin-names';

export interface HttpMetricsOptions {
  metrics: Pick<ServiceMetrics, 'httpDuration'>;
}

const httpMetrics: FastifyPluginCallback<HttpMetricsOptions> = (app, { metrics }, done) => {
  app.addHook('onResponse', (request, reply, next) => {
    metrics.httpDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    next();
  });
  done();
};

export const httpMetricsPlugin = fp(httpMetrics, { name: PLUGIN.httpMetrics, fastify: FASTIFY_VERSION });

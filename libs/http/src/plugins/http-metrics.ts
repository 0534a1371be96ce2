// Observes every response's duration by route template (never the raw URL, to
// keep label cardinality bounded). Each route gets its own onResponse hook
// with its template already known, so the hot path neither builds
// request.routeOptions nor formats the status code more than once per code.
import fp from 'fastify-plugin';
import type { FastifyPluginCallback, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { ServiceMetrics } from '@zamio/metrics';
import { FASTIFY_VERSION, PLUGIN } from '../plugin-names';

export interface HttpMetricsOptions {
  metrics: Pick<ServiceMetrics, 'httpDuration'>;
}

type OnResponse = (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => void;

const httpMetrics: FastifyPluginCallback<HttpMetricsOptions> = (app, { metrics }, done) => {
  const statusLabels = new Map<number, string>();
  const statusLabel = (code: number) => {
    let label = statusLabels.get(code);
    if (label === undefined) statusLabels.set(code, (label = String(code)));
    return label;
  };
  const observeAs =
    (route: string): OnResponse =>
    (request, reply, next) => {
      metrics.httpDuration.observe(
        { method: request.method, route, status: statusLabel(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
      next();
    };

  app.addHook('onRoute', (route) => {
    const hooks = route.onResponse === undefined ? [] : [route.onResponse].flat();
    route.onResponse = [...(hooks as OnResponse[]), observeAs(route.url)];
  });
  // Requests no route matched (404s) pass the server's own hooks only.
  const unmatched = observeAs('unmatched');
  app.addHook('onResponse', (request, reply, next) =>
    request.is404 ? unmatched(request, reply, next) : next(),
  );
  done();
};

export const httpMetricsPlugin = fp(httpMetrics, { name: PLUGIN.httpMetrics, fastify: FASTIFY_VERSION });

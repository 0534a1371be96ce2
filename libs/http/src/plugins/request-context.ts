// Returns every request's id in X-Request-ID and binds it (with the method
// and route template) to every log line and job enqueued while it runs.
import fp from 'fastify-plugin';
import type { FastifyPluginCallback } from 'fastify';
import { runWithContext, type Logger } from '@zamio/logger';
import { FASTIFY_VERSION, PLUGIN } from '../plugin-names';

const requestContext: FastifyPluginCallback = (app, _options, done) => {
  app.addHook('onRequest', (request, reply, next) => {
    reply.header('x-request-id', request.id);
    // Method and route template join the per-request line ("request completed").
    (request.log as Partial<Logger>).setBindings?.({
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
    });
    runWithContext({ requestId: request.id }, next);
  });
  done();
};

export const requestContextPlugin = fp(requestContext, {
  name: PLUGIN.requestContext,
  fastify: FASTIFY_VERSION,
});

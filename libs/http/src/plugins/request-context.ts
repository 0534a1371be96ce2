// Returns every request's id in X-Request-ID and binds it to every log line
// written while the request runs (request.log or any other logger).
import fp from 'fastify-plugin';
import type { FastifyPluginCallback } from 'fastify';
import { runWithContext } from '@zamio/logger';
import { FASTIFY_VERSION, PLUGIN } from '../plugin-names';

const requestContext: FastifyPluginCallback = (app, _options, done) => {
  app.addHook('onRequest', (request, reply, next) => {
    reply.header('x-request-id', request.id);
    runWithContext({ requestId: request.id }, next);
  });
  done();
};

export const requestContextPlugin = fp(requestContext, {
  name: PLUGIN.requestContext,
  fastify: FASTIFY_VERSION,
});

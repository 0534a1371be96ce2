// Gives every request an id (the proxy's X-Request-ID when well formed, else a
// new UUID), returns it in the response and binds it to every log line and
// job enqueued while the request runs.
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { requestIdFrom, runWithContext, type Logger } from '@zamio/logger';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Pass to Fastify's constructor so `request.id` is the correlation id. */
export const requestIdOptions: Pick<FastifyServerOptions, 'genReqId' | 'requestIdHeader' | 'requestIdLogLabel'> = {
  requestIdHeader: false,
  requestIdLogLabel: 'reqId',
  genReqId: (request) => requestIdFrom(request.headers[REQUEST_ID_HEADER]),
};

export function registerRequestContext(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('X-Request-ID', request.id);
    // Method and route template join the per-request line ("request completed").
    (request.log as Partial<Logger>).setBindings?.({ method: request.method, route: request.routeOptions.url ?? 'unmatched' });
    runWithContext({ requestId: request.id }, done);
  });
}

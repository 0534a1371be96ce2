// One error shape for every failure: status, short message, request id. No
// stack traces or SQL reach a client; 5xx details go to the log only.
import type { FastifyError, FastifyInstance } from 'fastify';

export function registerErrorHandler(app: FastifyInstance, exposeDetails: boolean): void {
  app.setErrorHandler((error: FastifyError & { statusCode?: number }, request, reply) => {
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ err: { message: error.message, code: error.code } }, 'request rejected');
    const message = status >= 500 && !exposeDetails ? publicMessage(status) : error.message;
    if (status === 503) reply.header('Retry-After', '5');
    return reply
      .code(status)
      .send({ statusCode: status, error: reasonOf(status), message, requestId: request.id });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      statusCode: 404,
      error: 'Not Found',
      message: `no route for ${request.method} ${request.url.split('?')[0]}`,
      requestId: request.id,
    }),
  );
}

const publicMessage = (status: number) =>
  status === 503
    ? 'service temporarily unavailable, retry shortly'
    : 'internal error; quote the request id when reporting it';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};
const reasonOf = (status: number) => REASONS[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');

// One error shape for every failure: status, short message, request id. No
// stack traces or SQL reach a client; 5xx details go to the log only. The
// status comes from libs/errors (an AppError's kind, a library error's own
// statusCode, else 500).
import fp from 'fastify-plugin';
import type { FastifyPluginCallback } from 'fastify';
import { httpStatusOf, isDatabaseDataError, RateLimitedError, reasonPhraseOf } from '@zamio/errors';
import { FASTIFY_VERSION, PLUGIN } from '../plugin-names';
import { RequestValidationError } from '../validation-errors';

export interface ErrorHandlerOptions {
  /** Show 5xx messages to clients (local and test only). */
  exposeDetails: boolean;
}

const errorHandler: FastifyPluginCallback<ErrorHandlerOptions> = (app, options, done) => {
  app.setErrorHandler((error: Error & { code?: string }, request, reply) => {
    const status = httpStatusOf(error);
    // A 503 is a dependency out (Redis, the pool) or a busy process: a warning
    // without the stack, one per refused request; the outage itself is told by
    // the connection's state lines. Other 5xx are bugs: errors with the stack.
    if (status === 503)
      request.log.warn(
        { err: { type: error.name, message: error.message, code: error.code } },
        'request refused: a dependency is unavailable',
      );
    else if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ err: { message: error.message, code: error.code } }, 'request rejected');
    const message =
      status >= 500 && !options.exposeDetails
        ? publicMessage(status)
        : isDatabaseDataError(error)
          ? `a value in the request cannot be stored (${error.message})`
          : error.message;
    if (status === 503) reply.header('retry-after', String(retryAfterOf(error) ?? 5));
    if (error instanceof RateLimitedError) reply.header('retry-after', String(error.retryAfterSeconds));
    const problems = error instanceof RequestValidationError ? { problems: error.problems } : {};
    return reply.code(status).send({
      statusCode: status,
      error: reasonPhraseOf(status),
      message,
      requestId: request.id,
      ...problems,
    });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      statusCode: 404,
      error: 'Not Found',
      message: `no route for ${request.method} ${request.url.split('?')[0]}`,
      requestId: request.id,
    }),
  );
  done();
};

/** A 503 may say how long to wait (storage: 30 s when the service throttles); 5 s otherwise. */
function retryAfterOf(error: object): number | undefined {
  const seconds = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  return typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds) : undefined;
}

const publicMessage = (status: number) =>
  status === 503
    ? 'service temporarily unavailable, retry shortly'
    : 'internal error; quote the request id when reporting it';

export const errorHandlerPlugin = fp(errorHandler, { name: PLUGIN.errorHandler, fastify: FASTIFY_VERSION });

// Fastify constructor options every ZamIO server shares: the request id is
// the proxy's X-Request-ID when well formed, else a new one, and each request
// writes one log line when it completes.
import { LogController, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { requestIdFrom } from '@zamio/logger';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * One log line per request, written when it completes: request (method, url,
 * client address), route, status, duration and request id. The "incoming
 * request" line drops to debug so production logs are not doubled.
 */
export class RequestLogController extends LogController {
  constructor(options: { quiet?: boolean } = {}) {
    super({ requestIdLogLabel: 'reqId', disableRequestLogging: options.quiet ?? false });
  }

  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const fields = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...fields, err: error }, 'request errored');
    else reply.log.info(fields, 'request completed');
  }
}

/** Pass to Fastify's constructor so `request.id` is the correlation id. */
export function requestLoggingOptions(
  options: { quietRequests?: boolean } = {},
): Pick<FastifyServerOptions, 'genReqId' | 'requestIdHeader' | 'logController'> {
  return {
    requestIdHeader: false,
    logController: new RequestLogController({ quiet: options.quietRequests }),
    genReqId: (request) => requestIdFrom(request.headers[REQUEST_ID_HEADER]),
  };
}

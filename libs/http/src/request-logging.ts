// Fastify constructor options every ZamIO server shares: the request id is
// the proxy's X-Request-ID when well formed, else a new one, and each request
// writes one log line when it completes.
//
// Requests get no child logger of their own: the request context
// (AsyncLocalStorage, plugins/request-context.ts) puts the request id on every
// line written while a request runs, by any logger, so a per-request pino
// child (its bindings serialised through the redaction paths on every
// request, whether anything is logged or not) would only cost time.
import {
  LogController,
  type FastifyBaseLogger,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import { requestIdFrom, type Logger } from '@zamio/logger';

/** Whether a line at this level would be written (pino knows; any other logger is asked to write). */
const enabled = (log: FastifyBaseLogger, level: string): boolean =>
  (log as Partial<Logger>).isLevelEnabled?.(level) ?? true;

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
    if (enabled(request.log, 'debug'))
      request.log.debug({ reqId: request.id, req: request }, 'incoming request');
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (!enabled(reply.log, error ? 'error' : 'info')) return;
    const fields = {
      reqId: request.id,
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      req: request,
      res: reply,
      responseTime: reply.elapsedTime,
    };
    if (error) reply.log.error({ ...fields, err: error }, 'request errored');
    else reply.log.info(fields, 'request completed');
  }
}

/**
 * request.log: the server's logger itself, or (for a route with its own log
 * level, e.g. the silent probes) one cached child per level. Routes with
 * their own serializers get a real child.
 */
function sharedRequestLogger(): NonNullable<FastifyServerOptions['childLoggerFactory']> {
  const byLevel = new Map<string, FastifyBaseLogger>();
  return (logger, bindings, options) => {
    if (options.serializers) return logger.child(bindings, options);
    if (!options.level) return logger;
    let leveled = byLevel.get(options.level);
    if (!leveled) byLevel.set(options.level, (leveled = logger.child({}, { level: options.level })));
    return leveled;
  };
}

/** Pass to Fastify's constructor so `request.id` is the correlation id. */
export function requestLoggingOptions(
  options: { quietRequests?: boolean } = {},
): Pick<FastifyServerOptions, 'genReqId' | 'requestIdHeader' | 'logController' | 'childLoggerFactory'> {
  return {
    requestIdHeader: false,
    logController: new RequestLogController({ quiet: options.quietRequests }),
    childLoggerFactory: sharedRequestLogger(),
    genReqId: (request) => requestIdFrom(request.headers[REQUEST_ID_HEADER]),
  };
}

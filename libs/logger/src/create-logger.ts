// The pino factory every process uses: JSON lines in production, pretty only
// when asked (local), secrets redacted, request id bound from the context.
import pino, { type Logger, type LoggerOptions, type DestinationStream } from 'pino';
import { currentContext } from './request-context';
import { REDACT_PATHS, maskUrlPasswords } from './redaction';

export interface LoggerSettings {
  service: string;
  version: string;
  level: string;
  pretty: boolean;
  /** Test hook: where lines go (defaults to stdout). */
  destination?: DestinationStream;
}

export type { Logger };

export function createLogger(settings: LoggerSettings): Logger {
  const options: LoggerOptions = {
    level: settings.level,
    base: { service: settings.service, version: settings.version },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: {
      err: (error: Error) => {
        const serialized = pino.stdSerializers.err(error);
        serialized.message = maskUrlPasswords(serialized.message ?? '');
        if (serialized.stack) serialized.stack = maskUrlPasswords(serialized.stack);
        return serialized;
      },
    },
    mixin(_merge, _level, instance) {
      const context = currentContext();
      if (!context) return {};
      // Fastify's request loggers already bind reqId; add it only where missing.
      const bound = instance ? bindsRequestId(instance as Logger) : false;
      return {
        ...(bound ? {} : { reqId: context.requestId }),
        ...(context.jobId ? { jobId: context.jobId } : {}),
        ...(context.userId ? { userId: context.userId } : {}),
      };
    },
  };
  if (settings.destination) return pino(options, settings.destination);
  if (settings.pretty) {
    return pino({
      ...options,
      transport: {
        target: 'pino-pretty',
        options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service,version' },
      },
    });
  }
  return pino(options);
}

// bindings() re-parses a logger's bound fields; look once per logger instance
// (a request's child logger), not on every line it writes.
const requestIdBound = new WeakMap<Logger, boolean>();
function bindsRequestId(logger: Logger): boolean {
  let bound = requestIdBound.get(logger);
  if (bound === undefined) {
    bound = logger.bindings?.().reqId !== undefined;
    requestIdBound.set(logger, bound);
  }
  return bound;
}

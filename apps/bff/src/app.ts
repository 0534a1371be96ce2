// Builds the bff's Fastify instance from its dependencies. No I/O happens here
// beyond what the given dependencies do, so tests build it against real or
// embedded services alike.
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import underPressure from '@fastify/under-pressure';
import type { BffConfig } from '@zamio/env';
import type { Logger } from '@zamio/logger';
import type { Database } from '@zamio/db';
import type { JobProducer } from '@zamio/queue';
import type { HealthCheck } from '@zamio/health';
import {
  healthRoutes,
  registerErrorHandler,
  registerHttpMetrics,
  registerRequestContext,
  requestIdOptions,
  type ServiceMetrics,
} from '@zamio/server';
import { registerCors } from './plugins/cors-policy';
import { registerHttpsRedirect } from './plugins/https-policy';
import { systemRoutes } from './routes/system-routes';

export interface BffDependencies {
  config: BffConfig & { ZAMIO_ENV: string };
  logger: Logger;
  db: Database;
  queue: JobProducer;
  metrics: ServiceMetrics;
  checks: HealthCheck[];
  isShuttingDown: () => boolean;
  startedAt: number;
}

export async function buildBffApp(deps: BffDependencies): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    loggerInstance: deps.logger,
    ...requestIdOptions,
    trustProxy: trustProxyOf(config.TRUST_PROXY),
    // Longer than Traefik's idle timeout towards servers, so the proxy closes
    // idle connections first and never sends on one we are closing.
    keepAliveTimeout: config.KEEP_ALIVE_TIMEOUT,
    requestTimeout: config.REQUEST_TIMEOUT,
    bodyLimit: config.BODY_LIMIT,
    // On close, idle keep-alive sockets are ended at once; busy ones finish.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    disableRequestLogging: false,
    routerOptions: { ignoreTrailingSlash: true },
  }) as unknown as FastifyInstance;

  registerRequestContext(app);
  registerErrorHandler(app, config.ZAMIO_ENV === 'local' || config.ZAMIO_ENV === 'test');
  registerHttpMetrics(app, deps.metrics);
  if (config.FORCE_HTTPS) registerHttpsRedirect(app);

  await app.register(helmet, {
    // An API serves JSON, not documents: no CSP needed beyond denying framing.
    contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    hsts: config.HSTS_MAX_AGE > 0 ? { maxAge: Math.floor(config.HSTS_MAX_AGE / 1000), includeSubDomains: true } : false,
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
  await registerCors(app, { origins: config.CORS_ORIGINS, patterns: config.CORS_ORIGIN_PATTERNS });
  await app.register(underPressure, {
    // Load shedding: answer 503 + Retry-After rather than queue work we cannot finish.
    maxEventLoopDelay: 1_000,
    maxEventLoopUtilization: 0.98,
    retryAfter: 5,
    exposeStatusRoute: false,
  });

  const identity = { service: 'bff', version: config.APP_VERSION, revision: config.GIT_REVISION, startedAt: deps.startedAt };
  const healthOptions = { identity, checks: deps.checks, isShuttingDown: deps.isShuttingDown, detailsToken: config.HEALTH_DETAILS_TOKEN };
  await app.register(healthRoutes, healthOptions);
  await app.register(healthRoutes, { ...healthOptions, prefix: '/api' });

  const version = {
    service: 'bff',
    version: config.APP_VERSION,
    revision: config.GIT_REVISION,
    environment: config.ZAMIO_ENV,
    node: process.versions.node,
    startedAt: new Date(deps.startedAt).toISOString(),
  };
  app.get('/version', async () => version);
  await app.register(systemRoutes, { prefix: '/api', version, db: deps.db, queue: deps.queue });
  return app;
}

function trustProxyOf(list: readonly string[]): boolean | string[] {
  if (list.length === 0 || list.includes('none')) return false;
  return [...list];
}

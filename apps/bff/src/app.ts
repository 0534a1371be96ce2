// Builds the bff's Fastify instance from its dependencies. No I/O happens here
// beyond what the given dependencies do, so tests build it against real or
// embedded services alike.
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import type { BffConfig } from '@zamio/env';
import type { Logger } from '@zamio/logger';
import type { Database } from '@zamio/db';
import type { JobProducer } from '@zamio/queue';
import type { HealthCheck } from '@zamio/health';
import {
  healthRoutes,
  registerErrorHandler,
  registerHttpMetrics,
  registerLoadShedding,
  registerRequestContext,
  requestIdOptions,
  type ServiceMetrics,
} from '@zamio/server';
import { registerCors } from './plugins/cors-policy';
import { registerHttpsRedirect } from './plugins/https-policy';
import { systemRoutes } from './routes/system-routes';
import type { Redis } from 'ioredis';
import { registerRateLimits } from './plugins/rate-limits';
import { securedApi } from './routes/secured-api';

export interface BffDependencies {
  config: BffConfig & { ZAMIO_ENV: string };
  logger: Logger;
  db: Database;
  queue: JobProducer;
  metrics: ServiceMetrics;
  checks: HealthCheck[];
  isShuttingDown: () => boolean;
  startedAt: number;
  /** Shared rate-limit counters; absent in embedded mode (in-memory limits). */
  rateLimitRedis?: Redis | undefined;
}

export async function buildBffApp(deps: BffDependencies): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    loggerInstance: deps.logger,
    ...requestIdOptions(),
    trustProxy: trustProxyOf(config.TRUST_PROXY),
    // Longer than Traefik's idle timeout towards servers, so the proxy closes
    // idle connections first and never sends on one we are closing.
    keepAliveTimeout: config.KEEP_ALIVE_TIMEOUT,
    requestTimeout: config.REQUEST_TIMEOUT,
    bodyLimit: config.BODY_LIMIT,
    // On close, idle keep-alive sockets are ended at once; busy ones finish.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true },
    // Unknown body fields must fail validation (400), not be silently dropped.
    ajv: { customOptions: { removeAdditional: false } },
  }) as unknown as FastifyInstance;

  registerRequestContext(app);
  registerErrorHandler(app, config.ZAMIO_ENV === 'local' || config.ZAMIO_ENV === 'test');
  registerHttpMetrics(app, deps.metrics);
  const trustProxy = trustProxyOf(config.TRUST_PROXY);
  if (config.FORCE_HTTPS && trustProxy) registerHttpsRedirect(app, trustProxy);

  await app.register(helmet, {
    // Tuned for a JSON API: a CSP that forbids everything (nothing here is a
    // document), no framing, no sniffing, no referrer, HSTS — and none of the
    // headers that only matter to HTML pages or dead browsers (each header
    // helmet sets costs time on every response; see docs/performance.md).
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    },
    hsts:
      config.HSTS_MAX_AGE > 0
        ? { maxAge: Math.floor(config.HSTS_MAX_AGE / 1000), includeSubDomains: true }
        : false,
    crossOriginResourcePolicy: { policy: 'same-site' },
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
    frameguard: { action: 'deny' },
  });
  await registerCors(app, { origins: config.CORS_ORIGINS, patterns: config.CORS_ORIGIN_PATTERNS });
  // Load shedding: 503 + Retry-After rather than queue work we cannot finish.
  await registerLoadShedding(app);

  const identity = {
    service: 'bff',
    version: config.APP_VERSION,
    revision: config.GIT_REVISION,
    startedAt: deps.startedAt,
  };
  const healthOptions = {
    identity,
    checks: deps.checks,
    isShuttingDown: deps.isShuttingDown,
    detailsToken: config.HEALTH_DETAILS_TOKEN,
  };
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
  // Health probes and /version above stay unlimited; everything below is rate limited.
  await registerRateLimits(app, {
    settings: config,
    redis: deps.rateLimitRedis,
    logger: deps.logger,
    metrics: deps.metrics.business,
  });
  await app.register(systemRoutes, { prefix: '/api', version, db: deps.db, queue: deps.queue });
  await app.register(securedApi, {
    prefix: '/api',
    db: deps.db,
    metrics: deps.metrics.business,
    sessionSecrets: [config.SESSION_SECRET, config.SESSION_SECRET_PREVIOUS].filter(Boolean),
    secureCookies: config.FORCE_HTTPS,
    sessionTtlMs: config.SESSION_TTL,
    trustedOrigins: [
      ...config.CORS_ORIGINS,
      ...(config.PUBLIC_API_URL ? [new URL(config.PUBLIC_API_URL).origin] : []),
    ],
    uploadDir: config.UPLOAD_DIR,
    uploadCaps: {
      'track-audio': config.UPLOAD_MAX_TRACK_AUDIO,
      'capture-audio': config.UPLOAD_MAX_CAPTURE_AUDIO,
      'playlog-csv': config.UPLOAD_MAX_PLAYLOG_CSV,
      document: config.UPLOAD_MAX_DOCUMENT,
    },
    rateLimits: config,
  });
  return app;
}

function trustProxyOf(list: readonly string[]): false | string[] {
  if (list.length === 0 || list.includes('none')) return false;
  return [...list];
}

// Builds the bff's Fastify instance from its dependencies: the cross-cutting
// plugins (each a named fastify-plugin) in their order, the probes, then the
// rate-limited API. No I/O beyond what the given dependencies do, so tests
// build it against real or embedded services alike.
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { VersionInfo } from '@zamio/contracts';
import type { BffConfig } from '@zamio/env';
import { healthReportOf, runChecks, type HealthCheck } from '@zamio/health';
import {
  corsPolicyPlugin,
  earlyAnswerClosePlugin,
  errorHandlerPlugin,
  hasDetailsToken,
  healthRoutes,
  httpMetricsPlugin,
  httpsRedirectPlugin,
  loadSheddingPlugin,
  rateLimitsPlugin,
  requestContextPlugin,
  requestLoggingOptions,
  requestValidationOptions,
  securityHeadersPlugin,
} from '@zamio/http';
import type { Logger } from '@zamio/logger';
import type { ServiceMetrics } from '@zamio/metrics';
import type { LiveFeed } from '@zamio/airplay';
import type { Platform } from '@zamio/platform';
import type { BffServices } from './bff-services';
import { openApiPlugin } from './plugins/openapi';
import { securedApi } from './routes/secured-api';
import { systemRoutes } from './routes/system-routes';

export interface BffDependencies {
  config: BffConfig;
  logger: Logger;
  platform: Pick<Platform, 'db' | 'redis' | 'redisKeyPrefix'>;
  services: BffServices;
  /** Detections and plays to push to open portals (Redis pub/sub, or in-process when embedded). */
  liveFeed: LiveFeed;
  metrics: ServiceMetrics;
  checks: HealthCheck[];
  isShuttingDown: () => boolean;
  startedAt: number;
}

/** Per-caller rate limits key on the capture device, else the signed-in user. */
const callerKeyOf = ({ principal }: FastifyRequest): string | undefined =>
  principal &&
  (principal.via === 'device-token' ? `device:${principal.deviceId}` : `user:${principal.userId}`);

export async function buildBffApp(deps: BffDependencies): Promise<FastifyInstance> {
  const { config } = deps;
  const { http } = config;
  const app = Fastify({
    loggerInstance: deps.logger,
    ...requestLoggingOptions(),
    trustProxy: http.trustProxy === false ? false : [...http.trustProxy],
    // Longer than Traefik's idle timeout towards servers, so the proxy closes
    // idle connections first and never sends on one we are closing.
    keepAliveTimeout: http.keepAliveTimeoutMs,
    requestTimeout: http.requestTimeoutMs,
    bodyLimit: http.bodyLimitBytes,
    // On close, idle keep-alive sockets are ended at once; busy ones finish.
    forceCloseConnections: 'idle',
    // A request that reaches us after the drain, on a connection accepted
    // before the listener closed, is served (with Connection: close), not
    // refused: the portals' nginx dials the old bff by its network alias
    // until the process ends, and a 503 there is a user's failed request
    // (the rehearsal's rollback caught one). Pools close only after it.
    return503OnClosing: false,
    routerOptions: { ignoreTrailingSlash: true },
    // Unknown fields refused, every problem reported once per field in plain words.
    ...requestValidationOptions(),
  }) as unknown as FastifyInstance;

  await app.register(requestContextPlugin);
  // An answer sent while the body still arrives (a refused upload) closes the connection gently.
  await app.register(earlyAnswerClosePlugin);
  await app.register(errorHandlerPlugin, { exposeDetails: http.exposeErrorDetails });
  await app.register(httpMetricsPlugin, { metrics: deps.metrics });
  if (http.forceHttps && http.trustProxy)
    await app.register(httpsRedirectPlugin, { trustedProxies: http.trustProxy });
  await app.register(securityHeadersPlugin, { hstsMaxAgeSeconds: http.hstsMaxAgeSeconds });
  // No origin configured (same-origin portals): nothing is ever allowed, so
  // CORS answers nothing and is left out (a preflight is then a plain 404).
  if (http.cors.origins.length > 0 || http.cors.originPatterns.length > 0)
    await app.register(corsPolicyPlugin, http.cors);
  // Load shedding: 503 + Retry-After rather than queue work we cannot finish.
  await app.register(loadSheddingPlugin);

  const identity = {
    service: 'bff',
    version: config.release.version,
    revision: config.release.revision,
    startedAt: deps.startedAt,
  };
  const health = {
    identity,
    checks: deps.checks,
    isShuttingDown: deps.isShuttingDown,
    detailsToken: config.health.detailsToken,
  };
  // Before any route: the document is built from the routes as they are added.
  await app.register(openApiPlugin, {
    version: config.release.version,
    ui: config.environment !== 'production',
  });
  await app.register(healthRoutes, health);
  await app.register(healthRoutes, { ...health, prefix: '/api' });

  const version = {
    service: 'bff',
    version: config.release.version,
    revision: config.release.revision,
    environment: config.environment,
    startedAt: new Date(deps.startedAt).toISOString(),
  };
  // The Node version only for operators holding the health details token.
  const versionOf = (request: FastifyRequest): VersionInfo =>
    hasDetailsToken(config.health.detailsToken, request.headers.authorization)
      ? { ...version, node: process.versions.node }
      : version;
  app.get('/version', { schema: { response: { 200: VersionInfo } } }, async (request) => versionOf(request));
  // Health probes and /version above stay unlimited; everything below is rate limited.
  await app.register(rateLimitsPlugin, {
    limits: config.limits,
    redis: deps.platform.redis && { client: deps.platform.redis, keyPrefix: deps.platform.redisKeyPrefix },
    logger: deps.logger,
    metrics: deps.metrics.business,
    callerKeyOf,
  });
  await app.register(systemRoutes, { prefix: '/api', versionOf });
  await app.register(securedApi, {
    prefix: '/api',
    services: deps.services,
    config,
    db: deps.platform.db,
    live: { feed: deps.liveFeed, metrics: deps.metrics.business },
    // The detailed /health of this process, for the admins' status page.
    healthReport: async () =>
      healthReportOf(identity, deps.checks, await runChecks(deps.checks), deps.isShuttingDown(), true),
  });
  return app;
}

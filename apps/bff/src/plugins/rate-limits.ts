// Rate limits (@fastify/rate-limit): a global per-IP limit on every route
// registered after this (and on 404s), stricter per-route limits for auth and
// uploads, counters in Redis shared by all replicas with an in-memory
// fallback. Every refusal is a 429 with Retry-After and X-RateLimit-* headers.
import rateLimit, { type RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import type { Logger } from '@zamio/logger';
import type { BusinessMetrics } from '@zamio/server';
import { fallbackRateLimitStore } from './fallback-rate-limit-store';

export interface RateLimitSettings {
  RATE_LIMIT_WINDOW: number;
  RATE_LIMIT_GLOBAL_MAX: number;
  RATE_LIMIT_AUTH_WINDOW: number;
  RATE_LIMIT_AUTH_IP_MAX: number;
  RATE_LIMIT_AUTH_ACCOUNT_MAX: number;
  RATE_LIMIT_UPLOAD_MAX: number;
  REDIS_KEY_PREFIX: string;
}

export type LimitName = 'global' | 'not-found' | 'auth-ip' | 'auth-account' | 'upload';

export class RateLimitedError extends Error {
  readonly statusCode = 429;
  constructor(readonly retryAfterSeconds: number) {
    super(`too many requests; retry in ${retryAfterSeconds} s`);
    this.name = 'RateLimitedError';
  }
}

export interface RateLimitDependencies {
  settings: RateLimitSettings;
  /** Absent in embedded mode (REDIS_URL=memory:): in-memory counters only. */
  redis: Redis | undefined;
  logger: Logger;
  metrics: BusinessMetrics;
}

const counted = (metrics: BusinessMetrics, limit: LimitName) => () => metrics.rateLimitHits.inc({ limit });

export async function registerRateLimits(app: FastifyInstance, deps: RateLimitDependencies): Promise<void> {
  const { settings } = deps;
  await app.register(rateLimit, {
    global: true,
    max: settings.RATE_LIMIT_GLOBAL_MAX,
    timeWindow: settings.RATE_LIMIT_WINDOW,
    keyGenerator: (request) => `ip:${request.ip}`,
    ...(deps.redis
      ? { store: fallbackRateLimitStore(deps.redis, `${settings.REDIS_KEY_PREFIX}:rate-limit:`, deps.logger) }
      : {}),
    onExceeded: counted(deps.metrics, 'global'),
    errorResponseBuilder: (_request, context) => new RateLimitedError(Math.ceil(context.ttl / 1000)),
  });

  // 404s share the global per-IP counter, so scanning for routes is limited too.
  const notFoundLimiter = app.createRateLimit();
  app.addHook('onRequest', async (request, reply) => {
    if (!request.is404) return;
    const result = await notFoundLimiter(request);
    if (result.isAllowed || !result.isExceeded) return;
    deps.metrics.rateLimitHits.inc({ limit: 'not-found' });
    reply
      .header('x-ratelimit-limit', result.max)
      .header('x-ratelimit-remaining', 0)
      .header('retry-after', result.ttlInSeconds);
    throw new RateLimitedError(result.ttlInSeconds);
  });
}

/** Route config for sign-in, sign-up and password changes: per IP, per route. */
export function authRouteLimit(deps: Pick<RateLimitDependencies, 'settings' | 'metrics'>): RateLimitOptions {
  return {
    max: deps.settings.RATE_LIMIT_AUTH_IP_MAX,
    timeWindow: deps.settings.RATE_LIMIT_AUTH_WINDOW,
    onExceeded: counted(deps.metrics, 'auth-ip'),
  };
}

/** Route config for uploads: per capture device or signed-in user (IP before sign-in). */
export function uploadRouteLimit(
  deps: Pick<RateLimitDependencies, 'settings' | 'metrics'>,
): RateLimitOptions {
  return {
    max: deps.settings.RATE_LIMIT_UPLOAD_MAX,
    timeWindow: deps.settings.RATE_LIMIT_WINDOW,
    keyGenerator: (request: FastifyRequest) => {
      const principal = request.principal;
      if (principal?.deviceId) return `device:${principal.deviceId}`;
      return principal ? `user:${principal.userId}` : `ip:${request.ip}`;
    },
    onExceeded: counted(deps.metrics, 'upload'),
  };
}

/**
 * A per-account limiter (keyed by the e-mail in the body) for sign-in and
 * password changes, whatever IPs the attempts come from. Call it in the
 * handler, once the body is parsed; it throws 429 when exceeded.
 */
export function accountLimiter(
  app: FastifyInstance,
  deps: Pick<RateLimitDependencies, 'settings' | 'metrics'>,
) {
  const accounts = new WeakMap<FastifyRequest, string>();
  const limiter = app.createRateLimit({
    max: deps.settings.RATE_LIMIT_AUTH_ACCOUNT_MAX,
    timeWindow: deps.settings.RATE_LIMIT_AUTH_WINDOW,
    keyGenerator: (request) => `account:${accounts.get(request) ?? ''}`,
  });
  return async (
    request: FastifyRequest,
    reply: { header(name: string, value: unknown): unknown },
    accountKey: string,
  ): Promise<void> => {
    accounts.set(request, accountKey);
    const result = await limiter(request);
    if (result.isAllowed || !result.isExceeded) return;
    deps.metrics.rateLimitHits.inc({ limit: 'auth-account' });
    reply.header('x-ratelimit-limit', result.max);
    reply.header('x-ratelimit-remaining', 0);
    reply.header('retry-after', result.ttlInSeconds);
    throw new RateLimitedError(result.ttlInSeconds);
  };
}

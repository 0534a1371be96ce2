// Rate limits (@fastify/rate-limit): a global per-IP limit on every route
// registered after this plugin (and on 404s), stricter per-route limits for
// auth and uploads, counters in Redis shared by all replicas with an
// in-memory fallback. The global limit folds its counts into Redis every
// GLOBAL_LIMIT_FLUSH_MS (no round trip per request); the per-route ones count
// each request in Redis. Every refusal is a 429 with Retry-After and
// X-RateLimit-* headers. Route plugins find the per-route settings on
// `app.rateLimits`, and the sign-in throttle's counters (sign-in-attempts.ts)
// with its alert: a spray of failures across many addresses on one account is
// a warning log line plus zamio_sign_in_spray_alerts_total.
import rateLimit, { type RateLimitOptions } from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import type { RateLimitsConfig } from '@zamio/env';
import { RateLimitedError } from '@zamio/errors';
import type { Logger } from '@zamio/logger';
import type { BusinessMetrics } from '@zamio/metrics';
import { FASTIFY_VERSION, PLUGIN } from '../plugin-names';
import { sharedRateLimitStore } from './batched-rate-limit-store';
import { signInAttempts, type SignInAttempts } from './sign-in-attempts';

/** The limits as configured (RATE_LIMIT_* through libs/env). */
export type RateLimitSettings = RateLimitsConfig;

/** How often the global limit's local counts are folded into Redis (its accuracy across replicas). */
export const GLOBAL_LIMIT_FLUSH_MS = 100;

export type LimitName = 'global' | 'not-found' | 'auth-ip' | 'auth-account' | 'upload';

export interface RateLimitsOptions {
  limits: RateLimitSettings;
  /** Shared counters; absent in embedded mode (in-memory limits only). */
  redis: { client: Redis; keyPrefix: string } | undefined;
  logger: Logger;
  metrics: Pick<BusinessMetrics, 'rateLimitHits' | 'signInSprayAlerts'>;
  /** The authenticated caller for per-caller limits (e.g. `user:<id>`), undefined before sign-in. */
  callerKeyOf: (request: FastifyRequest) => string | undefined;
}

/** Counts an account's attempts (sign-in, password change) whatever the IP; throws 429 when exceeded. */
export type AccountLimiter = (
  request: FastifyRequest,
  reply: FastifyReply,
  accountKey: string,
) => Promise<void>;

export interface RouteRateLimits {
  /** Route config for sign-in, sign-up and password changes: per IP, per route. */
  auth: RateLimitOptions;
  /** Route config for uploads: per capture device or signed-in user (IP before sign-in). */
  upload: RateLimitOptions;
  /** Per-account limiter for handlers, called once the body is parsed (password changes). */
  perAccount: AccountLimiter;
  /** Failed sign-in counters for the sign-in throttle (Redis, memory fallback). */
  signInAttempts: SignInAttempts;
  /** What the sign-in throttle reports: a refused pair (counted as `auth-account`), a spray (alert). */
  signInEvents: SignInEvents;
}

export interface SignInEvents {
  refused(): void;
  spray(alert: { account: string; addresses: number; windowMs: number }): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    rateLimits: RouteRateLimits;
  }
}

const rateLimits: FastifyPluginAsync<RateLimitsOptions> = async (app, options) => {
  const { limits, metrics } = options;
  const counted = (limit: LimitName) => () => metrics.rateLimitHits.inc({ limit });
  await app.register(rateLimit, {
    global: true,
    max: limits.globalMax,
    timeWindow: limits.windowMs,
    // The plugin's own key: the client address as the trusted proxy reports
    // it, IPv6 grouped by subnet (so rotating addresses within one does not
    // escape the limit), computed without an await.
    ...(options.redis
      ? {
          store: sharedRateLimitStore({
            redis: options.redis.client,
            namespace: `${options.redis.keyPrefix}:rate-limit:`,
            logger: options.logger,
            flushIntervalMs: GLOBAL_LIMIT_FLUSH_MS,
            maxKeys: 50_000,
          }),
        }
      : {}),
    onExceeded: counted('global'),
    errorResponseBuilder: (_request, context) => new RateLimitedError(Math.ceil(context.ttl / 1000)),
  });

  // 404s share the global per-IP counter, so scanning for routes is limited too.
  // (A callback hook: every request passes here, almost all of them at once.)
  const notFoundLimiter = app.createRateLimit();
  app.addHook('onRequest', (request, reply, done) => {
    if (!request.is404) return done();
    notFoundLimiter(request).then((result) => {
      if (result.isAllowed || !result.isExceeded) return done();
      metrics.rateLimitHits.inc({ limit: 'not-found' });
      reply.header('x-ratelimit-limit', result.max).header('x-ratelimit-remaining', 0);
      done(new RateLimitedError(result.ttlInSeconds));
    }, done);
  });

  app.decorate('rateLimits', {
    auth: { max: limits.authPerIpMax, timeWindow: limits.authWindowMs, onExceeded: counted('auth-ip') },
    upload: {
      max: limits.uploadMax,
      timeWindow: limits.windowMs,
      keyGenerator: (request: FastifyRequest) => options.callerKeyOf(request) ?? `ip:${request.ip}`,
      onExceeded: counted('upload'),
    },
    perAccount: accountLimiter(app, limits, metrics),
    signInAttempts: signInAttempts({ redis: options.redis, logger: options.logger }),
    signInEvents: {
      refused: counted('auth-account'),
      spray: ({ account, addresses, windowMs }) => {
        metrics.signInSprayAlerts.inc();
        options.logger.warn(
          { alert: 'sign-in-spray', email: account, addresses, windowSeconds: Math.round(windowMs / 1000) },
          'sign-in failures for one account from many client addresses (possible distributed password guessing)',
        );
      },
    },
  });
};

function accountLimiter(
  app: FastifyInstance,
  limits: RateLimitSettings,
  metrics: RateLimitsOptions['metrics'],
): AccountLimiter {
  const accounts = new WeakMap<FastifyRequest, string>();
  const limiter = app.createRateLimit({
    max: limits.authPerAccountMax,
    timeWindow: limits.authWindowMs,
    keyGenerator: (request) => `account:${accounts.get(request) ?? ''}`,
  });
  return async (request, reply, accountKey) => {
    accounts.set(request, accountKey);
    const result = await limiter(request);
    if (result.isAllowed || !result.isExceeded) return;
    metrics.rateLimitHits.inc({ limit: 'auth-account' });
    reply.header('x-ratelimit-limit', result.max).header('x-ratelimit-remaining', 0);
    throw new RateLimitedError(result.ttlInSeconds);
  };
}

export const rateLimitsPlugin = fp(rateLimits, {
  name: PLUGIN.rateLimits,
  fastify: FASTIFY_VERSION,
  dependencies: [PLUGIN.errorHandler],
});

// The names our Fastify plugins register under, so `dependencies` lists
// refer to them by constant rather than by a string typed twice.
export const PLUGIN = {
  requestContext: 'zamio-request-context',
  errorHandler: 'zamio-error-handler',
  httpMetrics: 'zamio-http-metrics',
  securityHeaders: 'zamio-security-headers',
  cors: 'zamio-cors',
  httpsRedirect: 'zamio-https-redirect',
  loadShedding: 'zamio-load-shedding',
  rateLimits: 'zamio-rate-limits',
  idempotency: 'zamio-idempotency',
} as const;

/** The Fastify major version every plugin here is written for (fastify-plugin checks it). */
export const FASTIFY_VERSION = '5.x';

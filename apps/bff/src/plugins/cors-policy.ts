// CORS from env: exact origins may send credentials; pattern-matched origins
// (e.g. preview deployments) may not. Anything else gets no CORS headers.
import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';

export interface CorsPolicy {
  origins: readonly string[];
  patterns: readonly string[];
}

export const API_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

export async function registerCors(app: FastifyInstance, policy: CorsPolicy): Promise<void> {
  const exact = new Set(policy.origins);
  const patterns = policy.patterns.map((p) => new RegExp(p));
  await app.register(cors, {
    delegator: (request, callback) => {
      const origin = request.headers.origin;
      const base = {
        methods: API_METHODS,
        allowedHeaders: ['Content-Type', 'X-Request-ID', 'X-CSRF-Token', 'Authorization'],
        exposedHeaders: ['X-Request-ID', 'Retry-After'],
        maxAge: 600,
      };
      if (origin && exact.has(origin)) return callback(null, { ...base, origin, credentials: true });
      if (origin && patterns.some((re) => re.test(origin)))
        return callback(null, { ...base, origin, credentials: false });
      return callback(null, { origin: false });
    },
  });
}

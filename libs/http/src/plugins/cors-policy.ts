// CORS from config: exact origins may send credentials; pattern-matched
// origins (e.g. preview deployments) may not. Anything else gets no CORS
// headers. The three possible answers are built once, not per request.
import cors, { type FastifyCorsOptions } from '@fastify/cors';
import fp from 'fastify-plugin';
import type { FastifyPluginAsync } from 'fastify';
import { FASTIFY_VERSION, PLUGIN } from '../plugin-names';

export interface CorsPolicy {
  origins: readonly string[];
  originPatterns: readonly string[];
}

export const API_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

const corsPolicy: FastifyPluginAsync<CorsPolicy> = async (app, policy) => {
  const exact = new Set(policy.origins);
  const patterns = policy.originPatterns.map((pattern) => new RegExp(pattern));
  const allowed = {
    methods: API_METHODS,
    allowedHeaders: ['Content-Type', 'X-Request-ID', 'X-CSRF-Token', 'Authorization'],
    exposedHeaders: ['X-Request-ID', 'Retry-After'],
    maxAge: 600,
    // true reflects the request's Origin, which the delegator has just vetted.
    origin: true,
  } satisfies FastifyCorsOptions;
  const withCredentials = { ...allowed, credentials: true };
  const withoutCredentials = { ...allowed, credentials: false };
  const refused = { origin: false };
  await app.register(cors, {
    delegator: (request, callback) => {
      const origin = request.headers.origin;
      if (origin === undefined) return callback(null, refused);
      if (exact.has(origin)) return callback(null, withCredentials);
      if (patterns.some((re) => re.test(origin))) return callback(null, withoutCredentials);
      return callback(null, refused);
    },
  });
};

export const corsPolicyPlugin = fp(corsPolicy, { name: PLUGIN.cors, fastify: FASTIFY_VERSION });

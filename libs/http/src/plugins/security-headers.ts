// Security headers for a JSON API, decided by helmet (the library behind
// @fastify/helmet) once at start-up: a CSP that forbids everything (nothing
// here is a document), no framing, no sniffing, no referrer, HSTS — and none
// of the headers that only matter to HTML pages or dead browsers.
// Why not @fastify/helmet itself: it rebuilds helmet's middleware (parsing
// every option, joining the CSP) on every request; these headers never vary
// per request, so they are computed once and copied onto each reply
// (docs/performance.md has the numbers).
import type { IncomingMessage, ServerResponse } from 'node:http';
import fp from 'fastify-plugin';
import type { FastifyPluginCallback } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import { FASTIFY_VERSION, PLUGIN } from '../plugin-names';

export interface SecurityHeadersOptions {
  /** Strict-Transport-Security max-age in seconds; 0 sends none. */
  hstsMaxAgeSeconds: number;
}

export function apiHelmetOptions(options: SecurityHeadersOptions): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    },
    strictTransportSecurity:
      options.hstsMaxAgeSeconds > 0 ? { maxAge: options.hstsMaxAgeSeconds, includeSubDomains: true } : false,
    crossOriginResourcePolicy: { policy: 'same-site' },
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
    xFrameOptions: { action: 'deny' },
  };
}

/** The headers helmet sets for these options, recorded from one run against a stand-in response. */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) =>
      void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

const securityHeaders: FastifyPluginCallback<SecurityHeadersOptions> = (app, options, done) => {
  const headers = helmetHeaders(apiHelmetOptions(options));
  app.addHook('onRequest', (_request, reply, next) => {
    reply.headers(headers);
    next();
  });
  done();
};

export const securityHeadersPlugin = fp(securityHeaders, {
  name: PLUGIN.securityHeaders,
  fastify: FASTIFY_VERSION,
});

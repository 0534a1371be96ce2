// CSRF for cookie-authenticated, state-changing requests: the Origin (or
// Referer) must be this API's own origin, PUBLIC_API_URL's or one of
// CORS_ORIGINS, and X-CSRF-Token must carry the session's token. A foreign
// Origin is refused even without a session (login CSRF). Device-token
// requests carry no ambient credentials and are exempt. Needs the session
// plugin's request.principal, hence the declared dependency.
import fp from 'fastify-plugin';
import type { FastifyPluginCallback } from 'fastify';
import { CSRF_HEADER, isAllowedOrigin, requestOrigin, SAFE_METHODS, verifyCsrfToken } from '@zamio/accounts';
import { forbidden } from '@zamio/errors';
import { FASTIFY_VERSION } from '@zamio/http';
import { BFF_PLUGIN } from './plugin-names';

export interface CsrfOptions {
  secrets: readonly string[];
  /** CORS_ORIGINS plus the origin of PUBLIC_API_URL. */
  trustedOrigins: readonly string[];
}

const csrf: FastifyPluginCallback<CsrfOptions> = (app, options, done) => {
  const trusted = options.trustedOrigins.filter(Boolean).map((origin) => origin.toLowerCase());
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || request.principal?.via === 'device-token') return;
    const claimed = requestOrigin(header(request.headers.origin), header(request.headers.referer));
    // The request's own origin as the trusted proxy reports it (same-origin portals).
    const allowed = new Set([...trusted, `${request.protocol}://${request.host}`.toLowerCase()]);
    if (claimed !== undefined && !isAllowedOrigin(claimed, allowed))
      throw forbidden(`cross-origin request from ${claimed} refused`);
    if (request.principal?.via !== 'session') return;
    if (claimed === undefined) throw forbidden('state-changing requests need an Origin header');
    if (!verifyCsrfToken(header(request.headers[CSRF_HEADER]), request.principal.sessionId, options.secrets))
      throw forbidden('missing or invalid X-CSRF-Token');
  });
  done();
};

const header = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

export const csrfPlugin = fp(csrf, {
  name: BFF_PLUGIN.csrf,
  fastify: FASTIFY_VERSION,
  dependencies: [BFF_PLUGIN.session],
});

// CSRF for cookie-authenticated, state-changing requests: the Origin (or
// Referer) must be this API's own origin, PUBLIC_API_URL's or one of
// CORS_ORIGINS, and X-CSRF-Token must carry the session's token. A foreign
// Origin is refused even without a session (login CSRF). Device-token
// requests carry no ambient credentials and are exempt.
import type { FastifyInstance } from 'fastify';
import {
  CSRF_HEADER,
  forbidden,
  isAllowedOrigin,
  requestOrigin,
  SAFE_METHODS,
  verifyCsrfToken,
} from '@zamio/auth';

export interface CsrfSettings {
  secrets: readonly string[];
  /** CORS_ORIGINS plus the origin of PUBLIC_API_URL. */
  trustedOrigins: readonly string[];
}

export function registerCsrfProtection(app: FastifyInstance, settings: CsrfSettings): void {
  const trusted = settings.trustedOrigins.filter(Boolean).map((o) => o.toLowerCase());
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || request.principal?.via === 'device-token') return;
    const claimed = requestOrigin(header(request.headers.origin), header(request.headers.referer));
    // The request's own origin as the trusted proxy reports it (same-origin portals).
    const allowed = new Set([...trusted, `${request.protocol}://${request.host}`.toLowerCase()]);
    if (claimed !== undefined && !isAllowedOrigin(claimed, allowed))
      throw forbidden(`cross-origin request from ${claimed} refused`);
    if (request.sessionId === undefined) return;
    if (claimed === undefined) throw forbidden('state-changing requests need an Origin header');
    if (!verifyCsrfToken(header(request.headers[CSRF_HEADER]), request.sessionId, settings.secrets))
      throw forbidden('missing or invalid X-CSRF-Token');
  });
}

const header = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

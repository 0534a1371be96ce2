// CSRF defence for cookie-authenticated requests, two layers:
// 1. the Origin (or Referer) of every unsafe request must be an allowed origin;
// 2. a synchronizer token bound to the session — HMAC(secret, session id) —
//    must come back in X-CSRF-Token. It needs no storage (restarts and Redis
//    outages change nothing) and dies with the session.
// @fastify/csrf-protection's cookie mode is a plain double-submit token not
// bound to the session, so the bound variant is built on node:crypto here.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfTokenFor(sessionId: string, secret: string): string {
  return createHmac('sha256', secret).update(`csrf:${sessionId}`).digest('base64url');
}

export function verifyCsrfToken(
  token: string | undefined,
  sessionId: string,
  secrets: readonly string[],
): boolean {
  if (!token || token.length > 128) return false;
  const given = Buffer.from(token);
  return secrets
    .filter((s) => s.length > 0)
    .some((secret) => {
      const expected = Buffer.from(csrfTokenFor(sessionId, secret));
      return expected.length === given.length && timingSafeEqual(expected, given);
    });
}

/** The origin a request claims to come from: Origin, else the Referer's origin. */
export function requestOrigin(origin: string | undefined, referer: string | undefined): string | undefined {
  if (origin && origin !== 'null') return origin;
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}

export function isAllowedOrigin(claimed: string | undefined, allowed: ReadonlySet<string>): boolean {
  return claimed !== undefined && allowed.has(claimed.toLowerCase());
}

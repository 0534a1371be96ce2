// Who is calling: a capture device (Authorization: Bearer zdt_…) or a browser
// session (signed cookie → session row in Postgres, checked on every request
// so revocation is immediate). Sets request.principal; routes decide access.
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '@zamio/db';
import {
  bearerToken,
  createSessionCookieSigner,
  csrfCookieAttributes,
  csrfTokenFor,
  CSRF_COOKIE,
  findDevicePrincipal,
  findSessionPrincipal,
  sessionCookieAttributes,
  SESSION_COOKIE,
  unauthorized,
  type Principal,
} from '@zamio/auth';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | undefined;
    /** The session id behind the cookie, when a live session authenticated the request. */
    sessionId: string | undefined;
  }
}

export interface SessionSettings {
  secrets: readonly string[];
  secureCookies: boolean;
  ttlMs: number;
}

export interface SessionTools {
  /** Sets the session and CSRF cookies for a new session; returns the CSRF token. */
  startSession(reply: FastifyReply, sessionId: string): string;
  endSession(reply: FastifyReply): void;
  csrfTokenOf(sessionId: string): string;
}

export async function registerSession(
  app: FastifyInstance,
  db: Database,
  settings: SessionSettings,
): Promise<SessionTools> {
  const signer = createSessionCookieSigner(settings.secrets);
  const cookieOptions = { secure: settings.secureCookies, maxAgeSeconds: Math.floor(settings.ttlMs / 1000) };
  const currentSecret = settings.secrets.find((s) => s.length > 0)!;
  const csrfTokenOf = (sessionId: string) => csrfTokenFor(sessionId, currentSecret);

  await app.register(cookie, { parseOptions: {} });
  app.decorateRequest('principal', undefined);
  app.decorateRequest('sessionId', undefined);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const token = bearerToken(authorization);
      const device = token ? await findDevicePrincipal(db, token) : undefined;
      if (!device) throw unauthorized('invalid or revoked device token');
      request.principal = {
        userId: device.user_id,
        role: 'station',
        stationId: device.station_id,
        deviceId: device.device_id,
        via: 'device-token',
      };
      return;
    }
    const raw = request.cookies[SESSION_COOKIE];
    if (!raw) return;
    const unsigned = signer.unsign(raw);
    const session = unsigned ? await findSessionPrincipal(db, unsigned.sessionId) : undefined;
    if (!unsigned || !session) {
      // Stale or forged cookie: drop it so the browser stops sending it.
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return;
    }
    request.sessionId = unsigned.sessionId;
    request.principal = {
      userId: session.user_id,
      role: session.role,
      stationId: session.station_id ?? undefined,
      via: 'session',
    };
    // Signed with SESSION_SECRET_PREVIOUS during a rotation: re-sign with the current key.
    if (unsigned.renew) {
      reply.setCookie(
        SESSION_COOKIE,
        signer.sign(unsigned.sessionId),
        sessionCookieAttributes(cookieOptions),
      );
      reply.setCookie(CSRF_COOKIE, csrfTokenOf(unsigned.sessionId), csrfCookieAttributes(cookieOptions));
    }
  });

  return {
    csrfTokenOf,
    startSession(reply, sessionId) {
      const csrfToken = csrfTokenOf(sessionId);
      reply.setCookie(SESSION_COOKIE, signer.sign(sessionId), sessionCookieAttributes(cookieOptions));
      reply.setCookie(CSRF_COOKIE, csrfToken, csrfCookieAttributes(cookieOptions));
      return csrfToken;
    },
    endSession(reply) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      reply.clearCookie(CSRF_COOKIE, { path: '/' });
    },
  };
}

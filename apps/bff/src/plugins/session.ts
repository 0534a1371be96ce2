// Who is calling: a capture device (Authorization: Bearer zdt_…) or a browser
// session (signed cookie → session row, checked on every request so
// revocation is immediate). Sets request.principal; the guards decide access.
// Decorates the instance with `sessionCookies` for the sign-in routes.
import cookie from '@fastify/cookie';
import fp from 'fastify-plugin';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import {
  bearerToken,
  createSessionCookieSigner,
  csrfCookieAttributes,
  csrfTokenFor,
  CSRF_COOKIE,
  sessionCookieAttributes,
  SESSION_COOKIE,
  type DevicePrincipal,
  type Principal,
  type SessionPrincipal,
} from '@zamio/accounts';
import { unauthenticated } from '@zamio/errors';
import { FASTIFY_VERSION } from '@zamio/http';
import { BFF_PLUGIN } from './plugin-names';

export interface SessionCookies {
  /** Sets the session and CSRF cookies of a new session; returns the CSRF token. */
  start(reply: FastifyReply, sessionId: string): string;
  end(reply: FastifyReply): void;
  csrfTokenOf(sessionId: string): string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller, when a session or device token authenticated the request (see guards.ts). */
    principal: Principal | undefined;
  }
  interface FastifyInstance {
    sessionCookies: SessionCookies;
  }
}

export interface SessionOptions {
  /** Signing secrets, current first. */
  secrets: readonly string[];
  secureCookies: boolean;
  ttlMs: number;
  resolveSession(sessionId: string): Promise<SessionPrincipal | undefined>;
  resolveDeviceToken(token: string): Promise<DevicePrincipal | undefined>;
}

const session: FastifyPluginAsync<SessionOptions> = async (app, options) => {
  const signer = createSessionCookieSigner(options.secrets);
  const cookieOptions = { secure: options.secureCookies, maxAgeSeconds: Math.floor(options.ttlMs / 1000) };
  const currentSecret = options.secrets[0] ?? '';
  const csrfTokenOf = (sessionId: string) => csrfTokenFor(sessionId, currentSecret);
  const sessionCookie = sessionCookieAttributes(cookieOptions);
  const csrfCookie = csrfCookieAttributes(cookieOptions);

  await app.register(cookie, { parseOptions: {} });
  app.decorateRequest('principal', undefined);

  app.addHook('onRequest', async (request, reply) => {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const token = bearerToken(authorization);
      const device = token ? await options.resolveDeviceToken(token) : undefined;
      if (!device) throw unauthenticated('invalid or revoked device token');
      request.principal = device;
      return;
    }
    const raw = request.cookies[SESSION_COOKIE];
    if (!raw) return;
    const unsigned = signer.unsign(raw);
    const principal = unsigned ? await options.resolveSession(unsigned.sessionId) : undefined;
    if (!unsigned || !principal) {
      // Stale or forged cookie: drop it so the browser stops sending it.
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return;
    }
    request.principal = principal;
    // Signed with SESSION_SECRET_PREVIOUS during a rotation: re-sign with the current key.
    if (unsigned.renew) {
      reply.setCookie(SESSION_COOKIE, signer.sign(unsigned.sessionId), sessionCookie);
      reply.setCookie(CSRF_COOKIE, csrfTokenOf(unsigned.sessionId), csrfCookie);
    }
  });

  app.decorate('sessionCookies', {
    csrfTokenOf,
    start(reply, sessionId) {
      const csrfToken = csrfTokenOf(sessionId);
      reply.setCookie(SESSION_COOKIE, signer.sign(sessionId), sessionCookie);
      reply.setCookie(CSRF_COOKIE, csrfToken, csrfCookie);
      return csrfToken;
    },
    end(reply) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      reply.clearCookie(CSRF_COOKIE, { path: '/' });
    },
  } satisfies SessionCookies);
};

export const sessionPlugin = fp(session, { name: BFF_PLUGIN.session, fastify: FASTIFY_VERSION });

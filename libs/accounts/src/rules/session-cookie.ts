// Session cookies: the cookie carries a random session id, signed (HMAC) with
// SESSION_SECRET; SESSION_SECRET_PREVIOUS still verifies during a rotation and
// the cookie is then re-signed with the current key. The database keeps only
// a hash of the id, so a leaked table cannot be replayed as cookies, and a
// session survives bff restarts and Redis outages.
import { createHash, randomBytes } from 'node:crypto';
import { signerFactory } from '@fastify/cookie';

export const SESSION_COOKIE = 'zamio_session';
/** Readable by the portal's JavaScript so it can echo it in X-CSRF-Token. */
export const CSRF_COOKIE = 'zamio_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export interface SessionCookieSigner {
  sign(sessionId: string): string;
  /** The session id when the signature is valid, and whether to re-sign it with the current key. */
  unsign(cookie: string): { sessionId: string; renew: boolean } | undefined;
}

export function createSessionCookieSigner(secrets: readonly string[]): SessionCookieSigner {
  const keys = secrets.filter((s) => s.length > 0);
  if (keys.length === 0) throw new Error('at least one session secret is required');
  const signer = signerFactory([...keys]);
  return {
    sign: (sessionId) => signer.sign(sessionId),
    unsign(cookie) {
      const result = signer.unsign(cookie);
      if (!result.valid || !result.value || !SESSION_ID_FORMAT.test(result.value)) return undefined;
      return { sessionId: result.value, renew: result.renew };
    },
  };
}

const SESSION_ID_FORMAT = /^[A-Za-z0-9_-]{43}$/;

export const newSessionId = (): string => randomBytes(32).toString('base64url');

/** What the database stores instead of the id itself. */
export const hashSessionId = (sessionId: string): string =>
  createHash('sha256').update(sessionId).digest('hex');

export interface SessionCookieOptions {
  secure: boolean;
  maxAgeSeconds: number;
}

export function sessionCookieAttributes(options: SessionCookieOptions) {
  return {
    path: '/',
    httpOnly: true,
    secure: options.secure,
    sameSite: 'lax' as const,
    maxAge: options.maxAgeSeconds,
  };
}

export function csrfCookieAttributes(options: SessionCookieOptions) {
  return {
    path: '/',
    httpOnly: false,
    secure: options.secure,
    sameSite: 'lax' as const,
    maxAge: options.maxAgeSeconds,
  };
}

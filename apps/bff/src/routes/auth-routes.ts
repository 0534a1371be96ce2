// Sign-up, sign-in, sign-out, who-am-I and password change, under /api/auth.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ChangePasswordBody, LoginBody, SessionInfo, SignUpBody, User } from '@zamio/contracts';
import {
  createSignInThrottle,
  normaliseEmail,
  type AccountService,
  type SignInThrottlePolicy,
} from '@zamio/accounts';
import { isAppError } from '@zamio/errors';
import { sessionGuard } from '../plugins/guards';
import { userBody } from './responses';

export interface AuthRoutesOptions {
  accounts: AccountService;
  signInPolicy: SignInThrottlePolicy;
}

export const authRoutes: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (
  app,
  { accounts, signInPolicy },
) => {
  const { rateLimits, sessionCookies } = app;
  const signedIn = sessionGuard('artist', 'station', 'publisher', 'admin');
  // Per (account, address) stop and per-account growing delay; only failures count.
  const throttle = createSignInThrottle({
    store: rateLimits.signInAttempts,
    policy: signInPolicy,
    onSpray: rateLimits.signInEvents.spray,
    onRefused: rateLimits.signInEvents.refused,
  });

  app.post(
    '/auth/signup',
    {
      schema: { body: SignUpBody, response: { 201: User } },
      config: { rateLimit: rateLimits.auth, idempotent: true },
    },
    async (request, reply) => {
      const account = await accounts.signUp(request.body);
      request.log.info({ userId: account.id, role: account.role, status: account.status }, 'account created');
      return reply.code(201).send(userBody(account));
    },
  );

  app.post(
    '/auth/login',
    { schema: { body: LoginBody, response: { 200: SessionInfo } }, config: { rateLimit: rateLimits.auth } },
    async (request, reply) => {
      const email = normaliseEmail(request.body.email);
      const { delayedMs } = await throttle.beforeAttempt(email, request.ip);
      const { account, sessionId } = await accounts
        .signIn({
          email: request.body.email,
          password: request.body.password,
          userAgent: request.headers['user-agent'],
          replacingSessionId: sessionOf(request),
        })
        .catch(async (error: unknown) => {
          // Wrong e-mail or password counts; pending/disabled accounts and outages do not.
          if (isAppError(error) && error.kind === 'unauthenticated') await throttle.failed(email, request.ip);
          request.log.info({ outcome: 'refused', delayedMs }, 'sign-in refused');
          throw error;
        });
      await throttle.succeeded(email, request.ip);
      const csrfToken = sessionCookies.start(reply, sessionId);
      request.log.info({ userId: account.id, role: account.role }, 'signed in');
      return { user: userBody(account), csrfToken };
    },
  );

  app.post('/auth/logout', async (request, reply) => {
    const sessionId = sessionOf(request);
    if (sessionId) await accounts.signOut(sessionId);
    sessionCookies.end(reply);
    return reply.code(204).send();
  });

  app.get(
    '/auth/me',
    { schema: { response: { 200: SessionInfo } }, onRequest: signedIn },
    async (request) => {
      const { userId, sessionId } = signedIn.principalOf(request);
      return {
        user: userBody(await accounts.getAccount(userId)),
        csrfToken: sessionCookies.csrfTokenOf(sessionId),
      };
    },
  );

  app.post(
    '/auth/password',
    { schema: { body: ChangePasswordBody }, onRequest: signedIn, config: { rateLimit: rateLimits.auth } },
    async (request, reply) => {
      const { userId, sessionId } = signedIn.principalOf(request);
      await rateLimits.perAccount(request, reply, `user:${userId}`);
      await accounts.changePassword(userId, { ...request.body, keepSessionId: sessionId });
      request.log.info({ userId }, 'password changed; other sessions revoked');
      return reply.code(204).send();
    },
  );
};

/** The browser's live session, if one authenticated the request. */
const sessionOf = (request: FastifyRequest): string | undefined =>
  request.principal?.via === 'session' ? request.principal.sessionId : undefined;

// Sign-up, sign-in, sign-out, who-am-I and password change, under /api/auth.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ChangePasswordBody, LoginBody, SessionInfo, SignUpBody, User } from '@zamio/contracts';
import { normaliseEmail, type AccountService } from '@zamio/accounts';
import { sessionGuard } from '../plugins/guards';
import { userBody } from './responses';

export const authRoutes: FastifyPluginAsyncTypebox<{ accounts: AccountService }> = async (
  app,
  { accounts },
) => {
  const { rateLimits, sessionCookies } = app;
  const signedIn = sessionGuard('artist', 'station', 'publisher', 'admin');

  app.post(
    '/auth/signup',
    { schema: { body: SignUpBody, response: { 201: User } }, config: { rateLimit: rateLimits.auth } },
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
      await rateLimits.perAccount(request, reply, normaliseEmail(request.body.email));
      const { account, sessionId } = await accounts
        .signIn({
          email: request.body.email,
          password: request.body.password,
          userAgent: request.headers['user-agent'],
          replacingSessionId: sessionOf(request),
        })
        .catch((error: unknown) => {
          request.log.info({ outcome: 'refused' }, 'sign-in refused');
          throw error;
        });
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

// Sign-up, sign-in, sign-out, who-am-I and password change, under /api/auth.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ChangePasswordBody, LoginBody, SessionInfo, SignUpBody, User } from '@zamio/contracts';
import {
  authenticate,
  changePassword,
  createSession,
  findUserById,
  normaliseEmail,
  revokeSession,
  signUp,
  toPublicUser,
  unauthorized,
} from '@zamio/auth';
import { accountLimiter, authRouteLimit } from '../plugins/rate-limits';
import { requireSessionRole } from '../plugins/authorization';
import type { RouteContext } from './route-context';

export async function authRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const limitAccount = accountLimiter(app, ctx.limits);
  const authLimit = authRouteLimit(ctx.limits);
  const signedIn = requireSessionRole('artist', 'station', 'publisher', 'admin');

  api.post(
    '/auth/signup',
    { schema: { body: SignUpBody, response: { 201: User } }, config: { rateLimit: authLimit } },
    async (request, reply) => {
      const user = await signUp(ctx.db, request.body);
      request.log.info({ userId: user.id, role: user.role, status: user.status }, 'account created');
      return reply.code(201).send(toPublicUser(user));
    },
  );

  api.post(
    '/auth/login',
    { schema: { body: LoginBody, response: { 200: SessionInfo } }, config: { rateLimit: authLimit } },
    async (request, reply) => {
      await limitAccount(request, reply, normaliseEmail(request.body.email));
      let user;
      try {
        user = await authenticate(ctx.db, request.body.email, request.body.password);
      } catch (error) {
        request.log.info({ outcome: 'refused' }, 'sign-in refused');
        throw error;
      }
      if (request.sessionId) await revokeSession(ctx.db, request.sessionId);
      const sessionId = await createSession(ctx.db, user.id, ctx.sessionTtlMs, request.headers['user-agent']);
      const csrfToken = ctx.sessions.startSession(reply, sessionId);
      request.log.info({ userId: user.id, role: user.role }, 'signed in');
      return { user: toPublicUser(user), csrfToken };
    },
  );

  api.post('/auth/logout', async (request, reply) => {
    if (request.sessionId) await revokeSession(ctx.db, request.sessionId);
    ctx.sessions.endSession(reply);
    return reply.code(204).send();
  });

  api.get(
    '/auth/me',
    { schema: { response: { 200: SessionInfo } }, preHandler: signedIn },
    async (request) => {
      const user = await findUserById(ctx.db, request.principal!.userId);
      if (!user || !request.sessionId) throw unauthorized();
      return { user: toPublicUser(user), csrfToken: ctx.sessions.csrfTokenOf(request.sessionId) };
    },
  );

  api.post(
    '/auth/password',
    { schema: { body: ChangePasswordBody }, preHandler: signedIn, config: { rateLimit: authLimit } },
    async (request, reply) => {
      await limitAccount(request, reply, `user:${request.principal!.userId}`);
      await changePassword(
        ctx.db,
        request.principal!.userId,
        request.body.currentPassword,
        request.body.newPassword,
        request.sessionId!,
      );
      request.log.info({ userId: request.principal!.userId }, 'password changed; other sessions revoked');
      return reply.code(204).send();
    },
  );
}

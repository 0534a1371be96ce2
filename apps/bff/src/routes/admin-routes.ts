// Admin-only account management under /api/admin: list, approve, disable.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { IdParams, User, UserListQuery } from '@zamio/contracts';
import { conflict, listUsers, notFound, revokeUserSessions, setUserStatus, toPublicUser } from '@zamio/auth';
import { requireSessionRole } from '../plugins/authorization';
import type { RouteContext } from './route-context';

export async function adminRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.addHook('preHandler', requireSessionRole('admin'));

  api.get(
    '/admin/users',
    { schema: { querystring: UserListQuery, response: { 200: Type.Array(User) } } },
    async (request) => {
      const rows = await listUsers(ctx.db, request.query);
      return rows.map(toPublicUser);
    },
  );

  api.post(
    '/admin/users/:id/approve',
    { schema: { params: IdParams, response: { 200: User } } },
    async (request) => {
      const user = await setUserStatus(ctx.db, request.params.id, 'active', request.principal!.userId);
      if (!user) throw notFound('no such user');
      request.log.info({ userId: user.id, adminId: request.principal!.userId }, 'account approved');
      return toPublicUser(user);
    },
  );

  api.post(
    '/admin/users/:id/disable',
    { schema: { params: IdParams, response: { 200: User } } },
    async (request) => {
      if (request.params.id === request.principal!.userId)
        throw conflict('administrators cannot disable their own account');
      const user = await setUserStatus(ctx.db, request.params.id, 'disabled', request.principal!.userId);
      if (!user) throw notFound('no such user');
      const revoked = await revokeUserSessions(ctx.db, user.id);
      request.log.info(
        { userId: user.id, adminId: request.principal!.userId, revoked },
        'account disabled; sessions revoked',
      );
      return toPublicUser(user);
    },
  );
}

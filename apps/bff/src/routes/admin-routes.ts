// Admin-only account management under /api/admin: list, approve, disable.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { IdParams, User, UserListQuery } from '@zamio/contracts';
import type { AccountAdminService } from '@zamio/accounts';
import { sessionGuard } from '../plugins/guards';
import { userBody } from './responses';

export const adminRoutes: FastifyPluginAsyncTypebox<{ accountAdmin: AccountAdminService }> = async (
  app,
  { accountAdmin },
) => {
  const admin = sessionGuard('admin');
  app.addHook('onRequest', admin);

  app.get(
    '/admin/users',
    { schema: { querystring: UserListQuery, response: { 200: Type.Array(User) } } },
    async (request) => (await accountAdmin.listAccounts(request.query)).map(userBody),
  );

  app.post(
    '/admin/users/:id/approve',
    { schema: { params: IdParams, response: { 200: User } } },
    async (request) => {
      const adminId = admin.principalOf(request).userId;
      const account = await accountAdmin.approveAccount(request.params.id, adminId);
      request.log.info({ userId: account.id, adminId }, 'account approved');
      return userBody(account);
    },
  );

  app.post(
    '/admin/users/:id/disable',
    { schema: { params: IdParams, response: { 200: User } } },
    async (request) => {
      const adminId = admin.principalOf(request).userId;
      const { account, revokedSessions } = await accountAdmin.disableAccount(request.params.id, adminId);
      request.log.info(
        { userId: account.id, adminId, revoked: revokedSessions },
        'account disabled; sessions revoked',
      );
      return userBody(account);
    },
  );
};

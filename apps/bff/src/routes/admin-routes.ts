// Admin-only account management under /api/admin: list (paged, filtered),
// approve, reject with a reason, disable. Each change is in the audit log.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, RejectAccountBody, User, UserListQuery, UserPage } from '@zamio/contracts';
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
    { schema: { querystring: UserListQuery, response: { 200: UserPage } } },
    async (request) => {
      const { status, role, search, sort, order, limit, cursor } = request.query;
      const page = await accountAdmin.listAccounts({ status, role, search }, { sort, order, limit, cursor });
      return { items: page.items.map(userBody), nextCursor: page.nextCursor };
    },
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
    '/admin/users/:id/reject',
    { schema: { params: IdParams, body: RejectAccountBody, response: { 200: User } } },
    async (request) => {
      const adminId = admin.principalOf(request).userId;
      const account = await accountAdmin.rejectAccount(request.params.id, request.body.reason, adminId);
      request.log.info({ userId: account.id, adminId }, 'account rejected');
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

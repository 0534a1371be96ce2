// The audit log for admins: who did what, when (newest first, paged by id).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { AuditEntry, AuditQuery } from '@zamio/contracts';
import type { AuditService } from '@zamio/royalties';
import { sessionGuard } from '../plugins/guards';
import { auditBody } from './money-responses';

export const auditRoutes: FastifyPluginAsyncTypebox<{ audit: AuditService }> = async (app, { audit }) => {
  app.addHook('onRequest', sessionGuard('admin'));
  app.get(
    '/admin/audit',
    { schema: { querystring: AuditQuery, response: { 200: Type.Array(AuditEntry) } } },
    async (request) => {
      const { limit, ...filter } = request.query;
      return (await audit.listAudit(filter, limit)).map(auditBody);
    },
  );
};

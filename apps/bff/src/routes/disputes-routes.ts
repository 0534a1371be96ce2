// Disputes: an artist or publisher disputes a play and follows its own
// disputes; admins work the queue and resolve (upheld → reversal, rejected → released).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  Dispute,
  DisputeCreateBody,
  DisputeListQuery,
  DisputePage,
  DisputeResolution,
  DisputeResolveBody,
  IdParams,
} from '@zamio/contracts';
import type { DisputeService } from '@zamio/royalties';
import { sessionGuard } from '../plugins/guards';
import { disputeBody, pageBody } from './money-responses';

export const disputesRoutes: FastifyPluginAsyncTypebox<{ disputes: DisputeService }> = async (
  app,
  { disputes },
) => {
  for (const role of ['artist', 'publisher'] as const) {
    const guard = sessionGuard(role);
    app.get(
      `/${role}/disputes`,
      {
        schema: { querystring: DisputeListQuery, response: { 200: DisputePage } },
        onRequest: guard,
      },
      async (request) =>
        pageBody(
          await disputes.listDisputes(
            { status: request.query.status, raisedBy: guard.principalOf(request).userId },
            request.query,
          ),
          disputeBody,
        ),
    );
    app.post(
      `/${role}/disputes`,
      {
        schema: { body: DisputeCreateBody, response: { 201: Dispute } },
        onRequest: guard,
        config: { idempotent: true },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(disputeBody(await disputes.raiseDispute(request.body, guard.principalOf(request).userId))),
    );
  }

  const admin = sessionGuard('admin');
  app.get(
    '/admin/disputes',
    { schema: { querystring: DisputeListQuery, response: { 200: DisputePage } }, onRequest: admin },
    async (request) =>
      pageBody(await disputes.listDisputes({ status: request.query.status }, request.query), disputeBody),
  );
  app.post(
    '/admin/disputes/:id/resolve',
    {
      schema: { params: IdParams, body: DisputeResolveBody, response: { 200: DisputeResolution } },
      onRequest: admin,
    },
    async (request) => {
      const result = await disputes.resolveDispute(
        request.params.id,
        request.body,
        admin.principalOf(request).userId,
      );
      return { dispute: disputeBody(result.dispute), reversedInCycleId: result.reversedInCycleId };
    },
  );
};

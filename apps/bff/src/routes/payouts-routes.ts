// Payouts: an artist or publisher requests one from its available balance;
// admins approve, mark paid with the provider's reference, or reject.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  IdParams,
  Payout,
  PayoutCreateBody,
  PayoutListQuery,
  PayoutPage,
  PayoutPaidBody,
  PayoutRejectBody,
} from '@zamio/contracts';
import type { PayoutService } from '@zamio/royalties';
import { sessionGuard } from '../plugins/guards';
import { pageBody, payoutBody } from './money-responses';

export const payoutsRoutes: FastifyPluginAsyncTypebox<{ payouts: PayoutService }> = async (
  app,
  { payouts },
) => {
  for (const role of ['artist', 'publisher'] as const) {
    const guard = sessionGuard(role);
    app.get(
      `/${role}/payouts`,
      { schema: { querystring: PayoutListQuery, response: { 200: PayoutPage } }, onRequest: guard },
      async (request) =>
        pageBody(
          await payouts.listPayouts(
            { status: request.query.status, userId: guard.principalOf(request).userId },
            request.query,
          ),
          payoutBody,
        ),
    );
    app.post(
      `/${role}/payouts`,
      {
        schema: { body: PayoutCreateBody, response: { 201: Payout } },
        onRequest: guard,
        config: { idempotent: true },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(payoutBody(await payouts.requestPayout(guard.principalOf(request).userId, request.body))),
    );
  }

  const admin = sessionGuard('admin');
  app.get(
    '/admin/payouts',
    { schema: { querystring: PayoutListQuery, response: { 200: PayoutPage } }, onRequest: admin },
    async (request) =>
      pageBody(await payouts.listPayouts({ status: request.query.status }, request.query), payoutBody),
  );
  app.post(
    '/admin/payouts/:id/approve',
    { schema: { params: IdParams, response: { 200: Payout } }, onRequest: admin },
    async (request) =>
      payoutBody(await payouts.approvePayout(request.params.id, admin.principalOf(request).userId)),
  );
  app.post(
    '/admin/payouts/:id/paid',
    { schema: { params: IdParams, body: PayoutPaidBody, response: { 200: Payout } }, onRequest: admin },
    async (request) =>
      payoutBody(
        await payouts.markPayoutPaid(
          request.params.id,
          admin.principalOf(request).userId,
          request.body.externalReference,
        ),
      ),
  );
  app.post(
    '/admin/payouts/:id/reject',
    { schema: { params: IdParams, body: PayoutRejectBody, response: { 200: Payout } }, onRequest: admin },
    async (request) =>
      payoutBody(
        await payouts.rejectPayout(request.params.id, admin.principalOf(request).userId, request.body.reason),
      ),
  );
};

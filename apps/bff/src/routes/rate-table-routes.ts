// The admin's rate table editor: every version with its effective date, and
// a change as a new version (a used version is never edited).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { RateTableCreateBody, RateTableVersion } from '@zamio/contracts';
import type { RateTableService } from '@zamio/royalties';
import { sessionGuard } from '../plugins/guards';
import { rateTableBody } from './money-responses';

export const rateTableRoutes: FastifyPluginAsyncTypebox<{ rateTables: RateTableService }> = async (
  app,
  { rateTables },
) => {
  const admin = sessionGuard('admin');
  app.addHook('onRequest', admin);

  app.get('/admin/rate-tables', { schema: { response: { 200: Type.Array(RateTableVersion) } } }, async () =>
    (await rateTables.listRateTables()).map(rateTableBody),
  );

  app.post(
    '/admin/rate-tables',
    {
      schema: { body: RateTableCreateBody, response: { 201: RateTableVersion } },
      config: { idempotent: true },
    },
    async (request, reply) => {
      const version = await rateTables.addRateTableVersion(
        {
          effectiveFrom: new Date(request.body.effectiveFrom),
          note: request.body.note ?? null,
          rates: request.body.rates,
        },
        admin.principalOf(request).userId,
      );
      return reply.code(201).send(rateTableBody(version));
    },
  );
};

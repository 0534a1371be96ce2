// Royalty cycles for admins: open, calculate (queues the worker job; the
// cycle's progress answers how far it is), lock, its recipients, statements
// of any recipient, and the collecting society's usage report.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import {
  Cycle,
  CycleCreateBody,
  CycleListQuery,
  CycleRecipient,
  IdParams,
  RecipientParams,
  Statement,
  StatementFormatQuery,
  UsageQuery,
  UsageRow,
} from '@zamio/contracts';
import type { CycleService, StatementService } from '@zamio/royalties';
import { sessionGuard } from '../plugins/guards';
import { cycleBody } from './money-responses';
import { sendStatement } from './statement-replies';

export const cyclesRoutes: FastifyPluginAsyncTypebox<{
  cycles: CycleService;
  statements: StatementService;
}> = async (app, { cycles, statements }) => {
  const admin = sessionGuard('admin');
  app.addHook('onRequest', admin);

  app.get(
    '/admin/cycles',
    { schema: { querystring: CycleListQuery, response: { 200: Type.Array(Cycle) } } },
    async (request) => (await cycles.listCycles(request.query)).map(cycleBody),
  );

  app.post(
    '/admin/cycles',
    { schema: { body: CycleCreateBody, response: { 201: Cycle } }, config: { idempotent: true } },
    async (request, reply) =>
      reply
        .code(201)
        .send(cycleBody(await cycles.openCycle(request.body, admin.principalOf(request).userId))),
  );

  app.get('/admin/cycles/:id', { schema: { params: IdParams, response: { 200: Cycle } } }, async (request) =>
    cycleBody(await cycles.getCycle(request.params.id)),
  );

  app.post(
    '/admin/cycles/:id/calculate',
    { schema: { params: IdParams, response: { 202: Cycle } } },
    async (request, reply) => {
      const cycle = await cycles.requestCalculation(
        request.params.id,
        admin.principalOf(request).userId,
        request.id,
      );
      request.log.info({ cycleId: cycle.id }, 'cycle calculation queued');
      return reply.code(202).send(cycleBody(cycle));
    },
  );

  app.post(
    '/admin/cycles/:id/lock',
    { schema: { params: IdParams, response: { 200: Cycle } } },
    async (request) =>
      cycleBody(await cycles.lockCycle(request.params.id, admin.principalOf(request).userId)),
  );

  app.get(
    '/admin/cycles/:id/recipients',
    { schema: { params: IdParams, response: { 200: Type.Array(CycleRecipient) } } },
    async (request) =>
      (await statements.recipientsOf(request.params.id)).map((r) => ({
        kind: r.accountKind,
        id: r.accountId,
        name: r.name,
        amountMinor: r.amountMinor,
        heldMinor: r.heldMinor,
      })),
  );

  app.get(
    '/admin/cycles/:id/statements/:kind/:accountId',
    { schema: { params: RecipientParams, querystring: StatementFormatQuery, response: { 200: Statement } } },
    async (request, reply) =>
      sendStatement(
        reply,
        statements,
        request.params.id,
        { kind: request.params.kind, id: request.params.accountId },
        request.query.format,
      ),
  );

  app.get(
    '/admin/cycles/:id/usage',
    { schema: { params: IdParams, querystring: UsageQuery, response: { 200: Type.Array(UsageRow) } } },
    async (request) =>
      (await statements.usageReport(request.params.id, request.query.by)).rows.map(({ key, ...r }) => ({
        id: key,
        ...r,
      })),
  );

  // The same report as the collecting society takes it.
  app.get(
    '/admin/cycles/:id/usage.csv',
    { schema: { params: IdParams, querystring: UsageQuery } },
    async (request, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="usage-${request.query.by}-${request.params.id}.csv"`,
        )
        .send((await statements.usageReport(request.params.id, request.query.by)).csv),
  );
};

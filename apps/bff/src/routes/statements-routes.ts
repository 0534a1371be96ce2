// An artist's or publisher's own earnings (balance, per cycle) and statements
// (JSON, CSV, PDF) under /api/artist and /api/publisher.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Earnings, IdParams, Statement, StatementFormatQuery } from '@zamio/contracts';
import type { StatementService } from '@zamio/royalties';
import { sessionGuard } from '../plugins/guards';
import { sendStatement } from './statement-replies';

export const statementsRoutes: FastifyPluginAsyncTypebox<{ statements: StatementService }> = async (
  app,
  { statements },
) => {
  for (const role of ['artist', 'publisher'] as const) {
    const guard = sessionGuard(role);

    app.get(
      `/${role}/earnings`,
      { schema: { response: { 200: Earnings } }, onRequest: guard },
      async (request) => statements.earningsOf(guard.principalOf(request).userId),
    );

    app.get(
      `/${role}/statements/:id`,
      {
        schema: { params: IdParams, querystring: StatementFormatQuery, response: { 200: Statement } },
        onRequest: guard,
      },
      async (request, reply) =>
        sendStatement(
          reply,
          statements,
          request.params.id,
          { kind: 'user', id: guard.principalOf(request).userId },
          request.query.format,
        ),
    );
  }
};

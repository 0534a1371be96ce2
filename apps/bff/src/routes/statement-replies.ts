// A statement answered as JSON, CSV or PDF (the same data, reconciled with the ledger).
import type { FastifyReply } from 'fastify';
import type { RecipientRef, StatementService } from '@zamio/royalties';
import { statementBody } from './money-responses';

export async function sendStatement(
  reply: FastifyReply,
  statements: StatementService,
  cycleId: string,
  recipient: RecipientRef,
  format: 'json' | 'csv' | 'pdf',
) {
  const name = `statement-${cycleId}`;
  if (format === 'csv')
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}.csv"`)
      .send(await statements.statementCsv(cycleId, recipient));
  if (format === 'pdf')
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${name}.pdf"`)
      .send(await statements.statementPdf(cycleId, recipient));
  return reply.send(statementBody(await statements.statementOf(cycleId, recipient)));
}

// Statements per recipient per cycle (data, CSV, PDF) that reconcile exactly
// with the ledger, and the collecting society's usage report per cycle.
import type { Database } from '@zamio/db';
import { notFound } from '@zamio/errors';
import * as cycles from '../repositories/cycles-repository.ts';
import * as ledger from '../repositories/ledger-repository.ts';
import * as payouts from '../repositories/payouts-repository.ts';
import { statementCsv, usageCsv } from '../statements/statement-csv.ts';
import { statementPdf } from '../statements/statement-pdf.ts';
import { buildStatement, type Statement } from '../statements/statement.ts';

export type RecipientRef = { kind: 'user' | 'contributor'; id: string };

export function createStatementService({ db, now = () => new Date() }: { db: Database; now?: () => Date }) {
  async function statementOf(cycleId: string, recipient: RecipientRef): Promise<Statement> {
    const cycle = await cycles.findById(db, cycleId);
    if (!cycle) throw notFound('no such cycle');
    const name = await ledger.accountName(db, recipient);
    if (!name) throw notFound('no such recipient');
    const lines = await ledger.statementRows(db, cycleId, recipient);
    const statement = buildStatement(cycle, { ...recipient, name }, lines);
    // The statement is the ledger's own sum, or it is not shown at all.
    const ledgerTotal = await ledger.accountCycleTotal(db, cycleId, recipient);
    if (ledgerTotal !== statement.totals.totalMinor)
      throw new Error(
        `statement total ${statement.totals.totalMinor} differs from the ledger's ${ledgerTotal}`,
      );
    return statement;
  }

  return {
    statementOf,
    statementCsv: async (cycleId: string, recipient: RecipientRef) =>
      statementCsv(await statementOf(cycleId, recipient)),
    statementPdf: async (cycleId: string, recipient: RecipientRef) =>
      statementPdf(await statementOf(cycleId, recipient), now()),
    /** Every recipient of a cycle with its total and held part (the admin's overview). */
    recipientsOf: (cycleId: string) => ledger.recipientTotals(db, cycleId),
    /** A user's (artist's or publisher's) balance and earnings per cycle (newest first). */
    async earningsOf(userId: string) {
      const balance = await ledger.balanceOfUser(db, userId);
      const committedMinor = await payouts.committedOf(db, userId);
      return {
        balance: { ...balance, committedMinor, availableMinor: balance.earnedMinor - committedMinor },
        cycles: await ledger.earningsByCycle(db, { kind: 'user', id: userId }),
      };
    },
    async usageReport(cycleId: string, by: 'station' | 'work') {
      if (!(await cycles.findById(db, cycleId))) throw notFound('no such cycle');
      const rows = await ledger.usage(db, cycleId, by);
      return { rows, csv: usageCsv(by, rows) };
    },
  };
}

export type StatementService = ReturnType<typeof createStatementService>;

// Payouts: an account requests money from its available balance (earned in
// locked cycles, minus held, minus payouts not rejected). Requests of one
// account take a transaction lock first, so parallel requests are decided
// one after the other and can never overdraw. An admin approves, then marks
// it paid with the mobile money or bank reference (no provider is called).
import type { Database, PageRequest } from '@zamio/db';
import { conflict, invalid, notFound } from '@zamio/errors';
import { formatMinorAsGhs } from '../money.ts';
import * as ledger from '../repositories/ledger-repository.ts';
import * as payouts from '../repositories/payouts-repository.ts';
import type { Payout, PayoutMethod, PayoutSort, PayoutStatus } from '../repositories/payouts-repository.ts';
import { recordAudit } from './audit.ts';

export interface PayoutBalance {
  earnedMinor: number;
  heldMinor: number;
  pendingMinor: number;
  committedMinor: number;
  availableMinor: number;
}

export function createPayoutService({ db }: { db: Database }) {
  async function balanceOf(
    q: Parameters<typeof ledger.balanceOfUser>[0],
    userId: string,
  ): Promise<PayoutBalance> {
    const balance = await ledger.balanceOfUser(q, userId);
    const committed = await payouts.committedOf(q, userId);
    return { ...balance, committedMinor: committed, availableMinor: balance.earnedMinor - committed };
  }

  async function move(
    id: string,
    from: PayoutStatus,
    to: PayoutStatus,
    adminId: string,
    extra: { externalReference?: string; rejectedReason?: string } = {},
  ): Promise<Payout> {
    return db.transaction(async (tx) => {
      const current = await payouts.findById(tx, id);
      if (!current) throw notFound('no such payout');
      if (!(await payouts.transition(tx, id, from, to, adminId, extra)))
        throw conflict(`the payout is ${current.status}; only a ${from} payout can become ${to}`);
      await recordAudit(tx, {
        actorId: adminId,
        action: `payout.${to}`,
        subjectType: 'payout',
        subjectId: id,
        details: extra,
      });
      return (await payouts.findById(tx, id))!;
    });
  }

  return {
    balanceOf: (userId: string) => balanceOf(db, userId),

    async requestPayout(
      userId: string,
      input: { amountMinor: number; method: PayoutMethod; destination: string },
    ): Promise<Payout> {
      if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor <= 0)
        throw invalid('"amountMinor" must be a positive whole number of pesewas');
      if (input.method !== 'mobile_money' && input.method !== 'bank')
        throw invalid('"method" must be mobile_money or bank');
      const destination = input.destination.trim();
      if (!destination) throw invalid('"destination" must name the wallet or account');
      return db.transaction(async (tx) => {
        await payouts.lockAccount(tx, userId);
        const balance = await balanceOf(tx, userId);
        if (input.amountMinor > balance.availableMinor)
          throw conflict(
            `GHS ${formatMinorAsGhs(input.amountMinor)} exceeds the available balance of GHS ${formatMinorAsGhs(balance.availableMinor)}`,
          );
        const id = await payouts.insert(tx, { userId, ...input, destination });
        await recordAudit(tx, {
          actorId: userId,
          action: 'payout.requested',
          subjectType: 'payout',
          subjectId: id,
          details: { amountMinor: input.amountMinor, method: input.method },
        });
        return (await payouts.findById(tx, id))!;
      });
    },

    listPayouts: (
      filter: { status?: PayoutStatus | undefined; userId?: string | undefined },
      page: PageRequest<PayoutSort> = { limit: 50, sort: 'requestedAt', order: 'desc' },
    ) => payouts.list(db, filter, page),

    approvePayout: (id: string, adminId: string) => move(id, 'requested', 'approved', adminId),

    async markPayoutPaid(id: string, adminId: string, externalReference: string): Promise<Payout> {
      const reference = externalReference.trim();
      if (!reference) throw invalid('"externalReference" must be the mobile money or bank reference');
      return move(id, 'approved', 'paid', adminId, { externalReference: reference });
    },

    async rejectPayout(id: string, adminId: string, reason: string) {
      const why = reason.trim();
      if (!why) throw invalid('"reason" must say why the payout is rejected');
      const current = await payouts.findById(db, id);
      if (!current) throw notFound('no such payout');
      if (current.status !== 'requested' && current.status !== 'approved')
        throw conflict(`the payout is ${current.status}; it can no longer be rejected`);
      return move(id, current.status, 'rejected', adminId, { rejectedReason: why });
    },
  };
}

export type PayoutService = ReturnType<typeof createPayoutService>;

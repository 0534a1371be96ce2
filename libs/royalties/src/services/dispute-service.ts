// Disputes: an artist or publisher with a stake in a play disputes it; while
// open, the play's amounts are held (statements show them apart, payouts
// cannot use them). An admin resolves it: upheld → reversal entries (in the
// play's cycle while it is not locked, else in the latest later cycle that
// is not), rejected → released, nothing to book.
import { randomUUID } from 'node:crypto';
import type { Database, PageRequest } from '@zamio/db';
import { conflict, invalid, notFound } from '@zamio/errors';
import { reversalLegs } from '../play-postings.ts';
import * as cycles from '../repositories/cycles-repository.ts';
import * as disputes from '../repositories/disputes-repository.ts';
import type { Dispute, DisputeSort, DisputeStatus } from '../repositories/disputes-repository.ts';
import * as ledger from '../repositories/ledger-repository.ts';
import * as pricing from '../repositories/pricing-repository.ts';
import { recordAudit } from './audit.ts';

export function createDisputeService({ db }: { db: Database }) {
  return {
    async raiseDispute(
      input: { playId: string; reason: string; evidenceUploadId?: string | null | undefined },
      userId: string,
    ): Promise<Dispute> {
      const reason = input.reason.trim();
      if (reason.length < 3) throw invalid('"reason" must say what is wrong (at least 3 characters)');
      return db.transaction(async (tx) => {
        if (!(await disputes.hasStake(tx, input.playId, userId))) throw notFound('no such play');
        if (input.evidenceUploadId && !(await disputes.ownsDocument(tx, input.evidenceUploadId, userId)))
          throw invalid('"evidenceUploadId" must be a document you uploaded (POST /api/account/documents)');
        const id = await disputes.insert(tx, {
          playId: input.playId,
          raisedBy: userId,
          reason,
          evidenceUploadId: input.evidenceUploadId ?? null,
        });
        await recordAudit(tx, {
          actorId: userId,
          action: 'dispute.raised',
          subjectType: 'dispute',
          subjectId: id,
          details: { playId: input.playId, reason },
        });
        return (await disputes.findById(tx, id))!;
      });
    },

    listDisputes: (
      filter: { status?: DisputeStatus | undefined; raisedBy?: string | undefined },
      page: PageRequest<DisputeSort> = { limit: 50, sort: 'createdAt', order: 'desc' },
    ) => disputes.list(db, filter, page),

    async getDispute(id: string): Promise<Dispute> {
      const dispute = await disputes.findById(db, id);
      if (!dispute) throw notFound('no such dispute');
      return dispute;
    },

    async resolveDispute(
      disputeId: string,
      resolution: { outcome: 'upheld' | 'rejected'; note?: string | null | undefined },
      adminId: string,
    ): Promise<{ dispute: Dispute; reversedInCycleId: string | null }> {
      return db.transaction(async (tx) => {
        const dispute = await disputes.findById(tx, disputeId, true);
        if (!dispute) throw notFound('no such dispute');
        if (dispute.status !== 'open') throw conflict(`the dispute is already ${dispute.status}`);
        let reversedInCycleId: string | null = null;
        if (resolution.outcome === 'upheld') {
          const legs = reversalLegs(await ledger.netOfPlays(tx, [dispute.playId]));
          if (legs.length > 0) {
            const priced = await pricing.ofPlay(tx, dispute.playId);
            const lastCycle = await cycles.findById(tx, priced.at(-1)!.cycleId);
            const target =
              lastCycle && lastCycle.status !== 'locked'
                ? lastCycle
                : await cycles.latestUnlockedAfter(tx, lastCycle!.periodEnd);
            if (!target)
              throw conflict(
                "the play's cycle is locked: open a later cycle to book the reversal, then resolve",
              );
            const postingId = randomUUID();
            await ledger.insertMany(
              tx,
              legs.map((leg) => ({
                postingId,
                cycleId: target.id,
                playId: dispute.playId,
                disputeId,
                entryType: 'dispute_reversal' as const,
                accountKind: leg.accountKind,
                accountId: leg.accountId,
                contributorId: leg.contributorId,
                amountMinor: leg.amountMinor,
              })),
            );
            reversedInCycleId = target.id;
          }
        }
        await disputes.resolve(tx, disputeId, {
          status: resolution.outcome,
          resolvedBy: adminId,
          note: resolution.note?.trim() || null,
        });
        await recordAudit(tx, {
          actorId: adminId,
          action: `dispute.${resolution.outcome}`,
          subjectType: 'dispute',
          subjectId: disputeId,
          details: { playId: dispute.playId, reversedInCycleId, note: resolution.note ?? null },
        });
        return { dispute: (await disputes.findById(tx, disputeId))!, reversedInCycleId };
      });
    },
  };
}

export type DisputeService = ReturnType<typeof createDisputeService>;

// Royalty cycles: open a period, calculate it (a worker job: prices every
// unpriced, unflagged play of the period and posts its ledger entries), lock
// it. Calculation works in chunks, each one transaction that commits its
// pricings, entries and progress together: a crash loses at most the chunk
// in flight, and a re-run continues where the last commit left off. The
// unique keys on pricings and entries make a duplicate impossible even when
// two runs overlap.
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '@zamio/db';
import { conflict, invalid, notFound } from '@zamio/errors';
import type { JobProducer } from '@zamio/queue';
import { calculatePlayRoyalty } from '../play-royalty.ts';
import { reversalLegs, royaltyLegs, type PostingLeg } from '../play-postings.ts';
import type { RateTable } from '../rate-table.ts';
import * as cycles from '../repositories/cycles-repository.ts';
import type { Cycle, CycleStatus } from '../repositories/cycles-repository.ts';
import * as ledger from '../repositories/ledger-repository.ts';
import type { EntryType, NewLedgerEntry } from '../repositories/ledger-repository.ts';
import * as pricing from '../repositories/pricing-repository.ts';
import type { NewPricing, PlayToPrice } from '../repositories/pricing-repository.ts';
import * as rateTables from '../repositories/rate-tables-repository.ts';
import { recordAudit } from './audit.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (day: string) => DAY.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`));

export interface CalculationResult {
  cycle: Cycle;
  pricedPlays: number;
  correctedPlays: number;
}

/** Entries of one posting per play: legs turned into rows. */
function posting(
  cycleId: string,
  playId: string,
  entryType: EntryType,
  legs: readonly PostingLeg[],
  disputeId: string | null = null,
): NewLedgerEntry[] {
  const postingId = randomUUID();
  return legs.map((leg) => ({
    postingId,
    cycleId,
    playId,
    disputeId,
    entryType,
    accountKind: leg.accountKind,
    accountId: leg.accountId,
    contributorId: leg.contributorId,
    amountMinor: leg.amountMinor,
  }));
}

/**
 * Prices `plays` into `cycleId` inside `tx`: pricings first (ON CONFLICT DO
 * NOTHING), then entries only for the plays whose pricing this call wrote.
 * kind 'correction' first reverses what the play was paid so far.
 */
async function postPlays(
  tx: Queryable,
  cycleId: string,
  plays: readonly PlayToPrice[],
  tables: readonly RateTable[],
  kind: 'original' | 'correction',
): Promise<number> {
  if (plays.length === 0) return 0;
  const active = plays.filter((p) => p.status === 'active');
  const shares = await pricing.sharesAtPlay(
    tx,
    active.map((p) => p.playId),
  );
  const withoutShares = active.filter((p) => !shares.some((s) => s.playId === p.playId));
  const artistPublishers = await pricing.publishersAt(tx, withoutShares);
  const rows: NewPricing[] = [];
  const legsOf = new Map<string, PostingLeg[]>();
  for (const play of plays) {
    if (play.status !== 'active') {
      rows.push({
        playId: play.playId,
        cycleId,
        kind,
        playVersion: play.version,
        rateVersionId: null,
        stationClass: play.stationClass,
        durationMs: play.durationMs,
        amountMinor: 0,
        amountMicro: '0',
      });
      continue;
    }
    const priced = calculatePlayRoyalty(
      {
        stationClass: play.stationClass,
        timezone: play.timezone,
        start: play.startedAt,
        durationSeconds: play.durationMs / 1000,
      },
      tables,
    );
    rows.push({
      playId: play.playId,
      cycleId,
      kind,
      playVersion: play.version,
      rateVersionId: priced.rateTableId,
      stationClass: play.stationClass,
      durationMs: play.durationMs,
      amountMinor: priced.amountMinor,
      amountMicro: priced.amountMicro,
    });
    legsOf.set(
      play.playId,
      royaltyLegs(
        {
          stationId: play.stationId,
          artistId: play.artistId,
          amountMinor: priced.amountMinor,
          artistPublisherId: artistPublishers.get(play.playId) ?? null,
        },
        shares.filter((s) => s.playId === play.playId),
      ),
    );
  }
  const inserted = await pricing.insertMany(tx, rows);
  const entries: NewLedgerEntry[] = [];
  if (kind === 'correction') {
    const net = await ledger.netOfPlays(tx, [...inserted]);
    for (const playId of inserted) {
      const legs = reversalLegs(net.filter((n) => n.playId === playId));
      if (legs.length > 0) entries.push(...posting(cycleId, playId, 'correction_reversal', legs));
    }
  }
  for (const playId of inserted) {
    const legs = legsOf.get(playId);
    if (legs && legs.length > 0)
      entries.push(...posting(cycleId, playId, kind === 'original' ? 'royalty' : 'correction', legs));
  }
  await ledger.insertMany(tx, entries);
  return inserted.size;
}

export function createCycleService({
  db,
  jobs,
  chunkSize = 200,
}: {
  db: Database;
  jobs: Pick<JobProducer, 'enqueue'>;
  /** Plays per transaction of a calculation. */
  chunkSize?: number;
}) {
  const loadCycle = async (q: Queryable, id: string, forUpdate = false) => {
    const cycle = await cycles.findById(q, id, forUpdate);
    if (!cycle) throw notFound('no such cycle');
    return cycle;
  };

  async function countRemaining(q: Queryable, cycle: Cycle) {
    const period = { start: cycle.periodStart, end: cycle.periodEnd };
    return (
      (await pricing.countUnpricedInPeriod(q, period)) +
      (await pricing.countStaleBefore(q, cycle.id, cycle.periodStart))
    );
  }

  return {
    /** Opens a cycle over local days [periodStart, periodEnd). */
    async openCycle(
      input: { name: string; periodStart: string; periodEnd: string },
      actorId: string,
    ): Promise<Cycle> {
      const name = input.name.trim();
      if (!name) throw invalid('"name" must not be empty');
      if (!validDay(input.periodStart)) throw invalid('"periodStart" must be a date (YYYY-MM-DD)');
      if (!validDay(input.periodEnd)) throw invalid('"periodEnd" must be a date (YYYY-MM-DD)');
      if (input.periodEnd <= input.periodStart) throw invalid('"periodEnd" must be after "periodStart"');
      return db.transaction(async (tx) => {
        const id = await cycles.insert(tx, { ...input, name, openedBy: actorId });
        await recordAudit(tx, {
          actorId,
          action: 'cycle.opened',
          subjectType: 'cycle',
          subjectId: id,
          details: { name, periodStart: input.periodStart, periodEnd: input.periodEnd },
        });
        return loadCycle(tx, id);
      });
    },

    listCycles: (filter: { status?: CycleStatus | undefined } = {}) => cycles.list(db, filter),

    getCycle: (id: string) => loadCycle(db, id),

    /**
     * Marks the cycle calculating and queues the worker job (again is fine:
     * the job is idempotent). All or nothing: the job is queued before the
     * transaction commits, so a queue outage (503) leaves the cycle as it was
     * rather than 'calculating' with no job. The job waits on the cycle's row
     * lock, so it never sees it before the commit; should the commit fail
     * after the enqueue, the job merely runs the calculation that was asked for.
     */
    async requestCalculation(cycleId: string, actorId: string, requestId: string): Promise<Cycle> {
      return db.transaction(async (tx) => {
        const current = await loadCycle(tx, cycleId, true);
        if (current.status === 'locked')
          throw conflict('the cycle is locked; corrections go into a later cycle');
        const remaining = await countRemaining(tx, current);
        const done = await pricing.countPricedInCycle(tx, cycleId);
        await cycles.setStatus(tx, cycleId, 'calculating', { lastError: null });
        await cycles.setProgress(tx, cycleId, { total: done + remaining, done });
        await recordAudit(tx, {
          actorId,
          action: 'cycle.calculation-requested',
          subjectType: 'cycle',
          subjectId: cycleId,
        });
        const cycle = await loadCycle(tx, cycleId);
        await jobs.enqueue('royalties.calculate-cycle', { requestId, cycleId });
        return cycle;
      });
    },

    /**
     * The worker job's body. Prices the period's unpriced plays, then books
     * corrections of plays changed after an earlier cycle was locked, chunk by
     * chunk; ends 'calculated'. A locked cycle is left alone.
     */
    async calculateCycle(cycleId: string): Promise<CalculationResult> {
      const cycle = await loadCycle(db, cycleId);
      if (cycle.status === 'locked') return { cycle, pricedPlays: 0, correctedPlays: 0 };
      const tables = await rateTables.listAll(db);
      await db.transaction(async (tx) => {
        const current = await loadCycle(tx, cycleId, true);
        if (current.status === 'locked') return;
        const done = await pricing.countPricedInCycle(tx, cycleId);
        await cycles.setStatus(tx, cycleId, 'calculating', { lastError: null });
        await cycles.setProgress(tx, cycleId, { total: done + (await countRemaining(tx, current)), done });
      });
      const period = { start: cycle.periodStart, end: cycle.periodEnd };
      let pricedPlays = 0;
      let correctedPlays = 0;
      try {
        for (const kind of ['original', 'correction'] as const) {
          for (;;) {
            const written = await db.transaction(async (tx) => {
              const plays =
                kind === 'original'
                  ? await pricing.unpricedInPeriod(tx, period, chunkSize)
                  : await pricing.staleBefore(tx, cycleId, cycle.periodStart, chunkSize);
              if (plays.length === 0) return -1;
              const n = await postPlays(tx, cycleId, plays, tables, kind);
              await cycles.setProgress(tx, cycleId, { done: await pricing.countPricedInCycle(tx, cycleId) });
              return n;
            });
            if (written < 0) break;
            if (kind === 'original') pricedPlays += written;
            else correctedPlays += written;
          }
        }
      } catch (error) {
        await cycles.setStatus(db, cycleId, 'calculating', {
          lastError: error instanceof Error ? error.message : String(error),
        });
        throw error;
      }
      return db.transaction(async (tx) => {
        const current = await loadCycle(tx, cycleId, true);
        if (current.status !== 'locked') {
          const done = await pricing.countPricedInCycle(tx, cycleId);
          await cycles.setProgress(tx, cycleId, { total: done, done });
          await cycles.setStatus(tx, cycleId, 'calculated', { lastError: null });
        }
        return { cycle: await loadCycle(tx, cycleId), pricedPlays, correctedPlays };
      });
    },

    /** Freezes a calculated cycle: no entry is booked into it any more. */
    async lockCycle(cycleId: string, actorId: string): Promise<Cycle> {
      return db.transaction(async (tx) => {
        const cycle = await loadCycle(tx, cycleId, true);
        if (cycle.status === 'locked') throw conflict('the cycle is already locked');
        if (cycle.status !== 'calculated')
          throw conflict(`only a calculated cycle can be locked (it is ${cycle.status})`);
        const remaining = await countRemaining(tx, cycle);
        if (remaining > 0)
          throw conflict(`${remaining} plays of the period are not priced yet; calculate again first`);
        const balance = await ledger.cycleSum(tx, cycleId);
        if (balance.sum !== 0) throw conflict(`the cycle's ledger does not balance (${balance.sum})`);
        await cycles.setStatus(tx, cycleId, 'locked', { lockedBy: actorId });
        await recordAudit(tx, {
          actorId,
          action: 'cycle.locked',
          subjectType: 'cycle',
          subjectId: cycleId,
          details: { entries: balance.entries },
        });
        return loadCycle(tx, cycleId);
      });
    },
  };
}

export type CycleService = ReturnType<typeof createCycleService>;

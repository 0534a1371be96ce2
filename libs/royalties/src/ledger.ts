// Ledger maths for a royalty cycle, as pure functions over arrays. The ledger is
// append-only: nothing is edited or deleted; a dispute resolution appends
// compensating entries, and every balance is a sum over entries.
import { compareIds } from './compare-ids.ts';
import { distributeAmount } from './distribute.ts';
import { RoyaltyError } from './errors.ts';
import type { ContributorSplit } from './splits.ts';

/** 'accrual' is payable; 'held' is frozen by an open dispute and not payable. */
export type LedgerEntryKind = 'accrual' | 'held';

export interface LedgerEntry {
  readonly cycleId: string;
  readonly playId: string;
  readonly payeeId: string;
  /** Kept even when a publisher is paid, so statements can show whose share it was. */
  readonly contributorId: string;
  readonly amountMinor: number;
  readonly kind: LedgerEntryKind;
}

export interface CyclePlay {
  readonly playId: string;
  /** Priced amount of the play in pesewas (see calculatePlayRoyalty). */
  readonly amountMinor: number;
  readonly splits: readonly ContributorSplit[];
  /** True while a dispute on this play is open: its entries are 'held'. */
  readonly disputed?: boolean | undefined;
}

/** Entries for a cycle's plays: one per (play, contributor), in play then split order. */
export function buildCycleEntries(cycleId: string, plays: readonly CyclePlay[]): LedgerEntry[] {
  const seen = new Set<string>();
  const entries: LedgerEntry[] = [];
  for (const play of plays) {
    // A play priced twice in one cycle would be paid twice.
    if (seen.has(play.playId)) {
      throw new RoyaltyError(
        'duplicate_play',
        `play "${play.playId}" appears twice in cycle ${cycleId}`,
        'playId',
      );
    }
    seen.add(play.playId);
    const kind: LedgerEntryKind = play.disputed ? 'held' : 'accrual';
    for (const part of distributeAmount(play.amountMinor, play.splits)) {
      entries.push({ cycleId, playId: play.playId, ...part, kind });
    }
  }
  return entries;
}

export type DisputeOutcome = 'release' | 'void';

/**
 * Entries to APPEND when a play's dispute is resolved: each (payee, contributor)
 * net held balance is reversed with a negative 'held' entry; on 'release' the
 * same amount is re-accrued as payable, on 'void' it is simply dropped.
 * Idempotent: once nothing is held for the play, it returns [].
 */
export function resolveDisputeEntries(
  ledger: readonly LedgerEntry[],
  cycleId: string,
  playId: string,
  outcome: DisputeOutcome,
): LedgerEntry[] {
  const held = new Map<string, { payeeId: string; contributorId: string; amount: number }>();
  for (const e of ledger) {
    if (e.cycleId !== cycleId || e.playId !== playId || e.kind !== 'held') continue;
    const key = JSON.stringify([e.payeeId, e.contributorId]);
    const row = held.get(key) ?? { payeeId: e.payeeId, contributorId: e.contributorId, amount: 0 };
    row.amount += e.amountMinor;
    held.set(key, row);
  }
  const out: LedgerEntry[] = [];
  for (const { payeeId, contributorId, amount } of held.values()) {
    if (amount === 0) continue;
    out.push({ cycleId, playId, payeeId, contributorId, amountMinor: -amount, kind: 'held' });
    if (outcome === 'release')
      out.push({ cycleId, playId, payeeId, contributorId, amountMinor: amount, kind: 'accrual' });
  }
  return out;
}

export interface PayeeCycleTotal {
  readonly payeeId: string;
  readonly payableMinor: number;
  readonly heldMinor: number;
}

/** Per-payee payable vs held totals for one cycle, sorted by payeeId. */
export function cycleTotalsByPayee(ledger: readonly LedgerEntry[], cycleId: string): PayeeCycleTotal[] {
  const totals = new Map<string, { payable: number; held: number }>();
  for (const e of ledger) {
    if (e.cycleId !== cycleId) continue;
    const t = totals.get(e.payeeId) ?? { payable: 0, held: 0 };
    if (e.kind === 'accrual') t.payable += e.amountMinor;
    else t.held += e.amountMinor;
    totals.set(e.payeeId, t);
  }
  return [...totals.entries()]
    .sort(([a], [b]) => compareIds(a, b))
    .map(([payeeId, t]) => ({ payeeId, payableMinor: t.payable, heldMinor: t.held }));
}

export interface StatementLine {
  readonly payeeId: string;
  readonly contributorId: string;
  readonly playId: string;
  readonly payableMinor: number;
  readonly heldMinor: number;
}

/**
 * Statement lines for one payee in one cycle: net amounts per (play,
 * contributor), sorted by playId then contributorId; lines netting to zero
 * (e.g. a voided dispute) are omitted.
 */
export function statementLines(
  ledger: readonly LedgerEntry[],
  cycleId: string,
  payeeId: string,
): StatementLine[] {
  const lines = new Map<string, { playId: string; contributorId: string; payable: number; held: number }>();
  for (const e of ledger) {
    if (e.cycleId !== cycleId || e.payeeId !== payeeId) continue;
    const key = JSON.stringify([e.playId, e.contributorId]);
    const line = lines.get(key) ?? { playId: e.playId, contributorId: e.contributorId, payable: 0, held: 0 };
    if (e.kind === 'accrual') line.payable += e.amountMinor;
    else line.held += e.amountMinor;
    lines.set(key, line);
  }
  return [...lines.values()]
    .filter((l) => l.payable !== 0 || l.held !== 0)
    .sort((a, b) => compareIds(a.playId, b.playId) || compareIds(a.contributorId, b.contributorId))
    .map((l) => ({
      payeeId,
      contributorId: l.contributorId,
      playId: l.playId,
      payableMinor: l.payable,
      heldMinor: l.held,
    }));
}

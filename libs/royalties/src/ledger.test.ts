import { describe, expect, it } from 'vitest';
import { RoyaltyError } from './errors.ts';
import {
  buildCycleEntries,
  cycleTotalsByPayee,
  resolveDisputeEntries,
  statementLines,
  type CyclePlay,
} from './ledger.ts';

const splits = [
  { contributorId: 'singer', shareBp: 6000, publisherId: 'pubco' },
  { contributorId: 'producer', shareBp: 4000 },
];
const plays: CyclePlay[] = [
  { playId: 'p1', amountMinor: 1000, splits },
  { playId: 'p2', amountMinor: 501, splits, disputed: true },
  { playId: 'p3', amountMinor: 250, splits: [{ contributorId: 'producer', shareBp: 10000 }] },
];

describe('buildCycleEntries', () => {
  it('produces one accrual per (play, contributor) and held entries for disputed plays', () => {
    expect(buildCycleEntries('c1', plays)).toEqual([
      {
        cycleId: 'c1',
        playId: 'p1',
        payeeId: 'pubco',
        contributorId: 'singer',
        amountMinor: 600,
        kind: 'accrual',
      },
      {
        cycleId: 'c1',
        playId: 'p1',
        payeeId: 'producer',
        contributorId: 'producer',
        amountMinor: 400,
        kind: 'accrual',
      },
      {
        cycleId: 'c1',
        playId: 'p2',
        payeeId: 'pubco',
        contributorId: 'singer',
        amountMinor: 301,
        kind: 'held',
      },
      {
        cycleId: 'c1',
        playId: 'p2',
        payeeId: 'producer',
        contributorId: 'producer',
        amountMinor: 200,
        kind: 'held',
      },
      {
        cycleId: 'c1',
        playId: 'p3',
        payeeId: 'producer',
        contributorId: 'producer',
        amountMinor: 250,
        kind: 'accrual',
      },
    ]);
  });

  it('rejects a play listed twice (it would be paid twice)', () => {
    expect(() => buildCycleEntries('c1', [plays[0]!, plays[0]!])).toThrow(RoyaltyError);
  });

  it('returns [] for an empty cycle', () => {
    expect(buildCycleEntries('c1', [])).toEqual([]);
  });
});

describe('cycleTotalsByPayee', () => {
  it('separates payable from held, per payee, ignoring other cycles', () => {
    const ledger = [...buildCycleEntries('c1', plays), ...buildCycleEntries('c0', [plays[0]!])];
    expect(cycleTotalsByPayee(ledger, 'c1')).toEqual([
      { payeeId: 'producer', payableMinor: 650, heldMinor: 200 },
      { payeeId: 'pubco', payableMinor: 600, heldMinor: 301 },
    ]);
  });
});

describe('resolveDisputeEntries', () => {
  const ledger = buildCycleEntries('c1', plays);

  it('release: reverses the hold and accrues the same amount as payable', () => {
    const appended = resolveDisputeEntries(ledger, 'c1', 'p2', 'release');
    expect(appended).toEqual([
      {
        cycleId: 'c1',
        playId: 'p2',
        payeeId: 'pubco',
        contributorId: 'singer',
        amountMinor: -301,
        kind: 'held',
      },
      {
        cycleId: 'c1',
        playId: 'p2',
        payeeId: 'pubco',
        contributorId: 'singer',
        amountMinor: 301,
        kind: 'accrual',
      },
      {
        cycleId: 'c1',
        playId: 'p2',
        payeeId: 'producer',
        contributorId: 'producer',
        amountMinor: -200,
        kind: 'held',
      },
      {
        cycleId: 'c1',
        playId: 'p2',
        payeeId: 'producer',
        contributorId: 'producer',
        amountMinor: 200,
        kind: 'accrual',
      },
    ]);
    const after = [...ledger, ...appended];
    expect(cycleTotalsByPayee(after, 'c1')).toEqual([
      { payeeId: 'producer', payableMinor: 850, heldMinor: 0 },
      { payeeId: 'pubco', payableMinor: 901, heldMinor: 0 },
    ]);
    // Idempotent: nothing is held any more, so a second resolution appends nothing.
    expect(resolveDisputeEntries(after, 'c1', 'p2', 'release')).toEqual([]);
  });

  it('void: drops the held amount without paying it', () => {
    const after = [...ledger, ...resolveDisputeEntries(ledger, 'c1', 'p2', 'void')];
    expect(cycleTotalsByPayee(after, 'c1')).toEqual([
      { payeeId: 'producer', payableMinor: 650, heldMinor: 0 },
      { payeeId: 'pubco', payableMinor: 600, heldMinor: 0 },
    ]);
  });

  it('appends nothing for an undisputed or unknown play', () => {
    expect(resolveDisputeEntries(ledger, 'c1', 'p1', 'release')).toEqual([]);
    expect(resolveDisputeEntries(ledger, 'c1', 'nope', 'void')).toEqual([]);
  });
});

describe('statementLines', () => {
  it('lists net payable/held per play and contributor for one payee', () => {
    const ledger = buildCycleEntries('c1', plays);
    expect(statementLines(ledger, 'c1', 'producer')).toEqual([
      { payeeId: 'producer', contributorId: 'producer', playId: 'p1', payableMinor: 400, heldMinor: 0 },
      { payeeId: 'producer', contributorId: 'producer', playId: 'p2', payableMinor: 0, heldMinor: 200 },
      { payeeId: 'producer', contributorId: 'producer', playId: 'p3', payableMinor: 250, heldMinor: 0 },
    ]);
  });

  it('shows the contributor behind a publisher payee and drops zero-net lines', () => {
    const base = buildCycleEntries('c1', plays);
    const ledger = [...base, ...resolveDisputeEntries(base, 'c1', 'p2', 'void')];
    expect(statementLines(ledger, 'c1', 'pubco')).toEqual([
      { payeeId: 'pubco', contributorId: 'singer', playId: 'p1', payableMinor: 600, heldMinor: 0 },
    ]);
  });
});

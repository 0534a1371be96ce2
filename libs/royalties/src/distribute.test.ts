import { describe, expect, it } from 'vitest';
import { aggregateByPayee, distributeAmount } from './distribute.ts';
import { RoyaltyError } from './errors.ts';

const amounts = (parts: Array<{ amountMinor: number }>) => parts.map((p) => p.amountMinor);

describe('distributeAmount', () => {
  it('gives leftover pesewas to the largest remainders', () => {
    const splits = [
      { contributorId: 'a', shareBp: 3333 },
      { contributorId: 'b', shareBp: 3333 },
      { contributorId: 'c', shareBp: 3334 },
    ];
    expect(amounts(distributeAmount(100, splits))).toEqual([33, 33, 34]);
    // 2 pesewas: remainders a=b=6666 < c=6668, so c gets one, then the a/b tie goes to 'a'.
    expect(amounts(distributeAmount(2, splits))).toEqual([1, 0, 1]);
  });

  it('breaks remainder ties by contributor id, regardless of input order', () => {
    const halves = [
      { contributorId: 'zed', shareBp: 5000 },
      { contributorId: 'amy', shareBp: 5000 },
    ];
    expect(distributeAmount(1, halves)).toEqual([
      { contributorId: 'zed', payeeId: 'zed', amountMinor: 0 },
      { contributorId: 'amy', payeeId: 'amy', amountMinor: 1 },
    ]);
    expect(amounts(distributeAmount(1, [...halves].reverse()))).toEqual([1, 0]);
  });

  it('mirrors negative amounts (reversals) exactly', () => {
    const splits = [
      { contributorId: 'a', shareBp: 2500 },
      { contributorId: 'b', shareBp: 7500 },
    ];
    expect(amounts(distributeAmount(-7, splits))).toEqual(
      amounts(distributeAmount(7, splits)).map((x) => -x),
    );
  });

  it('routes a signed contributor to the publisher, keeping the contributor id', () => {
    expect(
      distributeAmount(1000, [
        { contributorId: 'c1', shareBp: 6000, publisherId: 'pub' },
        { contributorId: 'c2', shareBp: 4000 },
      ]),
    ).toEqual([
      { contributorId: 'c1', payeeId: 'pub', amountMinor: 600 },
      { contributorId: 'c2', payeeId: 'c2', amountMinor: 400 },
    ]);
  });

  it('is exact for amounts beyond 2^53 / 10000', () => {
    const big = Number.MAX_SAFE_INTEGER;
    const parts = distributeAmount(big, [
      { contributorId: 'a', shareBp: 1 },
      { contributorId: 'b', shareBp: 9999 },
    ]);
    expect(parts.reduce((s, p) => s + BigInt(p.amountMinor), 0n)).toBe(BigInt(big));
  });

  it('rejects invalid splits and non-integer amounts', () => {
    expect(() => distributeAmount(10, [{ contributorId: 'a', shareBp: 9000 }])).toThrow(RoyaltyError);
    expect(() => distributeAmount(1.5, [{ contributorId: 'a', shareBp: 10000 }])).toThrow(RoyaltyError);
  });
});

describe('aggregateByPayee', () => {
  it('sums per payee, sorted, listing contributors', () => {
    expect(
      aggregateByPayee([
        { contributorId: 'c2', payeeId: 'pub', amountMinor: 5 },
        { contributorId: 'c3', payeeId: 'c3', amountMinor: 7 },
        { contributorId: 'c1', payeeId: 'pub', amountMinor: 10 },
      ]),
    ).toEqual([
      { payeeId: 'c3', amountMinor: 7, contributorIds: ['c3'] },
      { payeeId: 'pub', amountMinor: 15, contributorIds: ['c1', 'c2'] },
    ]);
  });

  it('returns [] for no parts', () => {
    expect(aggregateByPayee([])).toEqual([]);
  });
});

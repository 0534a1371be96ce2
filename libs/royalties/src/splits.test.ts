import { describe, expect, it } from 'vitest';
import { payeeOf, validateSplits, type ContributorSplit } from './splits.ts';

const fields = (splits: ContributorSplit[]) => validateSplits(splits).map((e) => e.field);

describe('validateSplits', () => {
  it('accepts splits totalling exactly 10000 bp', () => {
    expect(validateSplits([{ contributorId: 'a', shareBp: 10000 }])).toEqual([]);
    expect(
      validateSplits([
        { contributorId: 'a', shareBp: 3334 },
        { contributorId: 'b', shareBp: 3333, publisherId: 'pub' },
        { contributorId: 'c', shareBp: 3333 },
      ]),
    ).toEqual([]);
  });

  it('rejects an empty list', () => {
    expect(fields([])).toEqual(['splits']);
  });

  it('rejects totals other than 100 %', () => {
    const errors = validateSplits([
      { contributorId: 'a', shareBp: 5000 },
      { contributorId: 'b', shareBp: 4999 },
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ field: 'splits' });
    expect(errors[0]?.message).toMatch(/9999/);
    expect(fields([{ contributorId: 'a', shareBp: 10001 }])).toEqual(['splits']);
  });

  it('names zero, negative and fractional shares', () => {
    expect(
      fields([
        { contributorId: 'a', shareBp: 0 },
        { contributorId: 'b', shareBp: -1 },
        { contributorId: 'c', shareBp: 0.5 },
        { contributorId: 'd', shareBp: 10000 },
      ]),
    ).toEqual(['splits[0].shareBp', 'splits[1].shareBp', 'splits[2].shareBp']);
  });

  it('names duplicate and empty contributors and empty publishers', () => {
    const errors = validateSplits([
      { contributorId: 'a', shareBp: 5000 },
      { contributorId: 'a', shareBp: 4000 },
      { contributorId: '', shareBp: 500 },
      { contributorId: 'z', shareBp: 500, publisherId: '' },
    ]);
    expect(errors.map((e) => e.field)).toEqual([
      'splits[1].contributorId',
      'splits[2].contributorId',
      'splits[3].publisherId',
    ]);
    expect(errors[0]?.message).toMatch(/duplicate contributor "a"/);
  });
});

describe('payeeOf', () => {
  it('pays the publisher when signed, else the contributor', () => {
    expect(payeeOf({ contributorId: 'c', shareBp: 1, publisherId: 'p' })).toBe('p');
    expect(payeeOf({ contributorId: 'c', shareBp: 1 })).toBe('c');
  });
});

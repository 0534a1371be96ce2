// Contributor splits for a track, in basis points (10000 = 100 %).
import type { FieldError } from './errors.ts';

export const TOTAL_SPLIT_BP = 10_000;

export interface ContributorSplit {
  readonly contributorId: string;
  /** Share in basis points; all splits of a track total exactly 10000. */
  readonly shareBp: number;
  /** If the contributor is signed to a publisher, royalties are paid to it. */
  readonly publisherId?: string | undefined;
}

/** Every problem with a track's splits, each naming its field. Empty array = valid. */
export function validateSplits(splits: readonly ContributorSplit[]): FieldError[] {
  const errors: FieldError[] = [];
  if (splits.length === 0) {
    return [{ field: 'splits', message: 'a track needs at least one contributor split' }];
  }
  const seen = new Map<string, number>();
  let total = 0;
  splits.forEach((split, i) => {
    const at = `splits[${i}]`;
    if (typeof split.contributorId !== 'string' || split.contributorId.trim() === '') {
      errors.push({ field: `${at}.contributorId`, message: 'contributorId must be a non-empty string' });
    } else {
      const first = seen.get(split.contributorId);
      if (first !== undefined) {
        errors.push({
          field: `${at}.contributorId`,
          message: `duplicate contributor "${split.contributorId}" (also splits[${first}])`,
        });
      } else seen.set(split.contributorId, i);
    }
    if (!Number.isSafeInteger(split.shareBp) || split.shareBp <= 0) {
      errors.push({
        field: `${at}.shareBp`,
        message: 'share must be a positive integer number of basis points',
      });
    } else total += split.shareBp;
    if (
      split.publisherId !== undefined &&
      (typeof split.publisherId !== 'string' || split.publisherId.trim() === '')
    ) {
      errors.push({
        field: `${at}.publisherId`,
        message: 'publisherId, when given, must be a non-empty string',
      });
    }
  });
  if (errors.length === 0 && total !== TOTAL_SPLIT_BP) {
    errors.push({
      field: 'splits',
      message: `shares total ${total} bp; they must total exactly ${TOTAL_SPLIT_BP} (100 %)`,
    });
  }
  return errors;
}

/** The account actually paid: the publisher if signed, else the contributor. */
export function payeeOf(split: ContributorSplit): string {
  return split.publisherId ?? split.contributorId;
}

// The splits editor's arithmetic: shares are typed as percent text and summed
// as integer basis points (10000 = 100 %), never as floats, so 33.33 + 33.33 +
// 33.34 is exactly 100.
import type { ContributorRole, Split, SplitsPutBody } from '@zamio/contracts';
import { formatBasisPoints, parsePercentToBasisPoints } from '@zamio/ui';

export const FULL_SHARE_BP = 10_000;

export const ROLE_LABELS: Record<ContributorRole, string> = {
  artist: 'Artist',
  composer: 'Composer',
  producer: 'Producer',
  writer: 'Writer',
  featured_artist: 'Featured artist',
  mixer: 'Mixer',
  engineer: 'Engineer',
};

/** One row of the editor: a registered account (userId) or a named outside party. */
export interface SplitRow {
  userId: string | null;
  name: string;
  role: ContributorRole;
  /** The share as typed, e.g. "33.33". */
  share: string;
  publisherUserId: string | null;
}

export const rowOfSplit = (split: Split): SplitRow => ({
  userId: split.userId,
  name: split.name,
  role: split.role,
  share: (split.shareBp / 100).toFixed(2),
  publisherUserId: split.publisherUserId,
});

export const emptyRow = (): SplitRow => ({
  userId: null,
  name: '',
  role: 'composer',
  share: '',
  publisherUserId: null,
});

export function shareProblem(share: string): string | undefined {
  if (share.trim() === '') return 'Enter a share';
  const parsed = parsePercentToBasisPoints(share);
  if (!parsed.ok) return parsed.error;
  if (parsed.basisPoints === 0) return 'A share must be more than 0 %';
  return undefined;
}

export function nameProblem(row: SplitRow): string | undefined {
  if (row.userId) return undefined;
  if (row.name.trim() === '') return "Enter the contributor's name";
  if (row.name.trim().length > 120) return 'A name has at most 120 characters';
  return undefined;
}

/** Sum of the rows' shares in basis points; rows whose share does not parse count 0. */
export function totalBasisPoints(rows: readonly Pick<SplitRow, 'share'>[]): number {
  return rows.reduce((sum, row) => {
    const parsed = parsePercentToBasisPoints(row.share);
    return sum + (parsed.ok ? parsed.basisPoints : 0);
  }, 0);
}

export interface TotalState {
  totalBp: number;
  complete: boolean;
  /** "100 % assigned", "10 % left to assign", "5 % too much". */
  message: string;
}

export function totalState(rows: readonly Pick<SplitRow, 'share'>[]): TotalState {
  const totalBp = totalBasisPoints(rows);
  if (totalBp === FULL_SHARE_BP) return { totalBp, complete: true, message: 'All 100 % assigned' };
  if (totalBp < FULL_SHARE_BP)
    return {
      totalBp,
      complete: false,
      message: `${formatBasisPoints(FULL_SHARE_BP - totalBp)} left to assign`,
    };
  return { totalBp, complete: false, message: `${formatBasisPoints(totalBp - FULL_SHARE_BP)} too much` };
}

/** Equal shares that total exactly 100 %: the first rows take the odd basis points. */
export function equalShares(count: number): string[] {
  if (count <= 0) return [];
  const base = Math.floor(FULL_SHARE_BP / count);
  const extra = FULL_SHARE_BP - base * count;
  return Array.from({ length: count }, (_, index) => ((base + (index < extra ? 1 : 0)) / 100).toFixed(2));
}

/** The PUT body of a complete, valid set of rows. */
export function splitsBodyOf(rows: readonly SplitRow[]): SplitsPutBody {
  return {
    splits: rows.map((row) => {
      const parsed = parsePercentToBasisPoints(row.share);
      if (!parsed.ok) throw new Error(parsed.error);
      return {
        contributor: row.userId ? { userId: row.userId } : { name: row.name.trim() },
        role: row.role,
        shareBp: parsed.basisPoints,
        ...(row.publisherUserId ? { publisherUserId: row.publisherUserId } : {}),
      };
    }),
  };
}

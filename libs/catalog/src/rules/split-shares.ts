// What makes a set of shares acceptable, before any database work: shares in
// basis points that total exactly 10000 (100 %), each contributor once.
// The database checks the total again at commit (migration 003's trigger).
import { invalid } from '@zamio/errors';

export const FULL_SHARE_BP = 10_000;

export function checkSplitShares(shares: readonly { key: string; label: string; shareBp: number }[]): void {
  if (shares.length === 0) throw invalid('a track needs at least one contributor with a share');
  const seen = new Set<string>();
  for (const share of shares) {
    if (!Number.isInteger(share.shareBp) || share.shareBp <= 0 || share.shareBp > FULL_SHARE_BP)
      throw invalid(`the share of ${share.label} must be a whole number of basis points from 1 to 10000`);
    if (seen.has(share.key))
      throw invalid(`${share.label} is listed more than once; give one share per contributor`);
    seen.add(share.key);
  }
  const total = shares.reduce((sum, share) => sum + share.shareBp, 0);
  if (total !== FULL_SHARE_BP)
    throw invalid(`shares total ${(total / 100).toFixed(2)} %; they must total exactly 100 %`);
}

// A track's contributors and splits. Setting splits writes a new
// effective-dated set (history is never rewritten); the service checks the
// 100 % total and the accounts named, the database checks the total again.
import type { Database } from '@zamio/db';
import { invalid, notFound } from '@zamio/errors';
import * as contributors from '../repositories/contributors-repository';
import * as splits from '../repositories/splits-repository';
import type { SplitRole, SplitSet } from '../repositories/splits-repository';
import * as tracks from '../repositories/tracks-repository';
import { checkSplitShares } from '../rules/split-shares';
import type { AccountLookup } from './account-lookup';

export interface SplitEntry {
  /** A registered account, or a named outside party. */
  contributor: { userId: string } | { name: string };
  role: SplitRole;
  shareBp: number;
  publisherUserId?: string | null | undefined;
}

export interface TrackSplits {
  trackId: string;
  current: SplitSet | null;
  history: SplitSet[];
}

const labelOf = (entry: SplitEntry) =>
  'userId' in entry.contributor
    ? `account ${entry.contributor.userId}`
    : `"${entry.contributor.name.trim()}"`;
const keyOf = (entry: SplitEntry) =>
  'userId' in entry.contributor
    ? `u:${entry.contributor.userId}`
    : `n:${entry.contributor.name.trim().toLowerCase()}`;

export function createSplitService({
  db,
  findAccount,
  now = () => new Date(),
}: {
  db: Database;
  findAccount: AccountLookup;
  now?: () => Date;
}) {
  const splitsOf = async (trackId: string): Promise<TrackSplits> => {
    const history = (await splits.setsOfTracks(db, [trackId])).get(trackId) ?? [];
    const at = now().getTime();
    const current = history.filter((set) => set.effectiveFrom.getTime() <= at).at(-1) ?? null;
    return { trackId, current, history };
  };

  return {
    async getSplits(artistId: string, trackId: string): Promise<TrackSplits> {
      if (!(await tracks.findOwned(db, artistId, trackId))) throw notFound('no such track');
      return splitsOf(trackId);
    },

    /** Writes the new set of shares, in force from `effectiveFrom` (default now). */
    async setSplits(
      artistId: string,
      trackId: string,
      entries: readonly SplitEntry[],
      effectiveFrom: Date = now(),
    ): Promise<TrackSplits> {
      checkSplitShares(
        entries.map((entry) => ({ key: keyOf(entry), label: labelOf(entry), shareBp: entry.shareBp })),
      );
      await db.transaction(async (tx) => {
        if (!(await tracks.findOwned(tx, artistId, trackId))) throw notFound('no such track');
        const rows = [];
        for (const entry of entries) {
          const publisherUserId = entry.publisherUserId ?? null;
          if (publisherUserId !== null) {
            const publisher = await findAccount(tx, publisherUserId);
            if (!publisher || publisher.role !== 'publisher')
              throw invalid(`publisher ${publisherUserId} of ${labelOf(entry)} is not a publisher account`);
          }
          let contributor;
          if ('userId' in entry.contributor) {
            const account = await findAccount(tx, entry.contributor.userId);
            if (!account || account.status === 'disabled')
              throw invalid(`contributor ${labelOf(entry)} is not a registered, enabled account`);
            contributor = await contributors.ensureForAccount(tx, {
              userId: account.id,
              name: account.displayName,
              createdBy: artistId,
            });
          } else {
            const name = entry.contributor.name.trim();
            if (name.length === 0) throw invalid('an outside contributor needs a name');
            contributor = await contributors.ensureOutsideParty(tx, { name, createdBy: artistId });
          }
          rows.push({
            contributorId: contributor.id,
            role: entry.role,
            shareBp: entry.shareBp,
            publisherUserId,
          });
        }
        if (new Set(rows.map((row) => row.contributorId)).size !== rows.length)
          throw invalid('a contributor is listed more than once; give one share per contributor');
        await splits.insertSet(tx, { trackId, effectiveFrom, createdBy: artistId, splits: rows });
      });
      return splitsOf(trackId);
    },
  };
}

export type SplitService = ReturnType<typeof createSplitService>;

// Turns one priced play into its double-entry legs (pure): the station's
// liability is debited with the whole amount and each share is credited to
// its payee — the publisher when the contributor is paid through one, else
// the contributor's account, else the outside party itself. Parts come from
// distributeAmount (largest remainder), so the legs always sum to zero.
import { distributeAmount } from './distribute.ts';
import type { ContributorSplit } from './splits.ts';

export type LegAccountKind = 'station' | 'user' | 'contributor';

export interface PostingLeg {
  readonly accountKind: LegAccountKind;
  readonly accountId: string;
  /** Whose share it was (null: the station's leg, or the artist of a track without splits). */
  readonly contributorId: string | null;
  readonly amountMinor: number;
}

export interface PlayShareInput {
  readonly contributorId: string | null;
  readonly userId: string | null;
  readonly shareBp: number;
  readonly publisherUserId: string | null;
}

const USER = 'user:';

/**
 * Legs for a play of `amountMinor` on `stationId`. A track without split set
 * in force pays its artist 100 % (through the artist's publisher if any).
 * Zero parts are left out (they would only add rows).
 */
export function royaltyLegs(
  play: { stationId: string; artistId: string; amountMinor: number; artistPublisherId?: string | null },
  shares: readonly PlayShareInput[],
): PostingLeg[] {
  const effective: PlayShareInput[] =
    shares.length > 0
      ? [...shares]
      : [
          {
            contributorId: null,
            userId: play.artistId,
            shareBp: 10_000,
            publisherUserId: play.artistPublisherId ?? null,
          },
        ];
  const byKey = new Map<string, PlayShareInput>();
  const splits: ContributorSplit[] = effective.map((share) => {
    const key = share.contributorId ?? `artist:${share.userId}`;
    byKey.set(key, share);
    return {
      contributorId: key,
      shareBp: share.shareBp,
      publisherId: share.publisherUserId ? `${USER}${share.publisherUserId}` : undefined,
    };
  });
  const legs: PostingLeg[] = [];
  if (play.amountMinor !== 0)
    legs.push({
      accountKind: 'station',
      accountId: play.stationId,
      contributorId: null,
      amountMinor: -play.amountMinor,
    });
  for (const part of distributeAmount(play.amountMinor, splits)) {
    if (part.amountMinor === 0) continue;
    const share = byKey.get(part.contributorId)!;
    const payee = part.payeeId.startsWith(USER)
      ? { accountKind: 'user' as const, accountId: part.payeeId.slice(USER.length) }
      : share.userId
        ? { accountKind: 'user' as const, accountId: share.userId }
        : { accountKind: 'contributor' as const, accountId: share.contributorId! };
    legs.push({ ...payee, contributorId: share.contributorId, amountMinor: part.amountMinor });
  }
  return legs;
}

/** The legs that undo `net` (each leg's opposite): a reversal posting. */
export function reversalLegs(net: readonly PostingLeg[]): PostingLeg[] {
  return net.filter((l) => l.amountMinor !== 0).map((l) => ({ ...l, amountMinor: -l.amountMinor }));
}

// Pure rules of the artist's money pages: who pays the artist out. (The
// payout and dispute checks are the kit's, shared with the publisher portal.)
import type { PublisherRelationship } from '@zamio/contracts';

/** The publisher that is paid for the artist's plays now, if any (an accepted, not ended relationship). */
export function activePublisherOf(
  relationships: readonly PublisherRelationship[],
  now = new Date(),
): PublisherRelationship | undefined {
  return relationships.find(
    (r) =>
      r.status === 'active' &&
      new Date(r.effectiveFrom) <= now &&
      (r.endedAt === null || new Date(r.endedAt) > now),
  );
}

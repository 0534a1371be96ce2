// Query keys of the publisher's lists (mutations invalidate by these prefixes)
// and the wording of relationship states.
import type { PublisherRelationship } from '@zamio/contracts';
import type { StatusTone } from '@zamio/ui';

export const rosterQueryKey = ['publisher', 'roster'] as const;
export const catalogQueryKey = ['publisher', 'catalog'] as const;
export const playsQueryKey = ['publisher', 'plays'] as const;
export const playsSummaryQueryKey = ['publisher', 'plays-summary'] as const;
export const earningsQueryKey = ['publisher', 'earnings'] as const;
export const statementQueryKey = (cycleId: string) => ['publisher', 'statement', cycleId] as const;
export const disputesQueryKey = ['publisher', 'disputes'] as const;
export const payoutsQueryKey = ['publisher', 'payouts'] as const;

type RelationshipStatus = PublisherRelationship['status'];

export const RELATIONSHIP_LABELS: Record<RelationshipStatus, string> = {
  invited: 'Invitation pending',
  active: 'Active',
  declined: 'Declined',
  ended: 'Ended',
};
export const RELATIONSHIP_TONES: Record<RelationshipStatus, StatusTone> = {
  invited: 'info',
  active: 'ok',
  declined: 'neutral',
  ended: 'neutral',
};

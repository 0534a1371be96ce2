// A DataTable page request (useCursorPages) as the query of the money lists
// that filter by state: payouts (sortable by request time or amount) and
// disputes (by creation time only, so only the order is sent).
import type { DisputeListQuery, PayoutListQuery } from '@zamio/contracts';
import type { CursorPageRequest } from '../data/cursor-paging';

type StateFilter = { status: string };

/** Limit, cursor, the state filter (when one is chosen) and the sort (when one is set). */
export function payoutListQuery({
  limit,
  cursor,
  filters,
  sort,
}: CursorPageRequest<StateFilter>): Partial<PayoutListQuery> {
  return {
    limit,
    cursor,
    ...(filters.status ? { status: filters.status as PayoutListQuery['status'] } : {}),
    ...(sort ? { sort: sort.key as PayoutListQuery['sort'], order: sort.direction } : {}),
  };
}

/** Limit, cursor, the state filter (when one is chosen) and the order (when a sort is set). */
export function disputeListQuery({
  limit,
  cursor,
  filters,
  sort,
}: CursorPageRequest<StateFilter>): Partial<DisputeListQuery> {
  return {
    limit,
    cursor,
    ...(filters.status ? { status: filters.status as DisputeListQuery['status'] } : {}),
    ...(sort ? { order: sort.direction } : {}),
  };
}

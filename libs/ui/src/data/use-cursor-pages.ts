import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { nextSort, type CursorPage, type CursorPageRequest, type SortState } from './cursor-paging';

export interface UseCursorPagesOptions<Row, F> {
  /** Base key of the list, e.g. ['artist', 'plays']; live updates invalidate by this prefix. */
  queryKey: QueryKey;
  fetchPage: (request: CursorPageRequest<F> & { signal: AbortSignal }) => Promise<CursorPage<Row>>;
  /** Current filter values; a change starts again from the first page. */
  filters: F;
  limit?: number;
  initialSort?: SortState;
}

export interface CursorPagination {
  /** 0-based page number. */
  pageIndex: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

/**
 * One page of a server-paged list at a time, with previous/next over opaque
 * cursors (the cursors seen so far are kept, so "previous" needs no server
 * support). Sorting or filtering starts again at page one; the previous page
 * stays on screen while the next one loads.
 */
export function useCursorPages<Row, F>({
  queryKey,
  fetchPage,
  filters,
  limit = 25,
  initialSort,
}: UseCursorPagesOptions<Row, F>) {
  const [sort, setSortState] = useState<SortState | undefined>(initialSort);
  const listKey = JSON.stringify([filters, sort, limit]);
  // Cursors of pages 2..n seen so far; reset whenever the list itself changes.
  const [trail, setTrail] = useState<{ listKey: string; cursors: string[] }>({ listKey, cursors: [] });
  const cursors = trail.listKey === listKey ? trail.cursors : [];
  const cursor = cursors.at(-1);

  const query = useQuery({
    queryKey: [...queryKey, { filters, sort, limit, cursor: cursor ?? null }],
    queryFn: ({ signal }) =>
      fetchPage({ limit, filters, signal, ...(cursor ? { cursor } : {}), ...(sort ? { sort } : {}) }),
    placeholderData: keepPreviousData,
  });

  const nextCursor = query.isPlaceholderData ? null : (query.data?.nextCursor ?? null);
  const onNext = useCallback(() => {
    if (nextCursor) setTrail({ listKey, cursors: [...cursors, nextCursor] });
  }, [cursors, listKey, nextCursor]);
  const onPrevious = useCallback(
    () => setTrail({ listKey, cursors: cursors.slice(0, -1) }),
    [cursors, listKey],
  );
  const setSort = useCallback(
    (next: SortState | string) =>
      setSortState((now) => (typeof next === 'string' ? nextSort(now, next) : next)),
    [],
  );

  const pagination: CursorPagination = useMemo(
    () => ({
      pageIndex: cursors.length,
      hasPrevious: cursors.length > 0,
      hasNext: nextCursor !== null,
      onPrevious,
      onNext,
    }),
    [cursors.length, nextCursor, onNext, onPrevious],
  );

  return {
    rows: query.data?.items,
    query,
    sort,
    setSort,
    pagination,
    /** Spread into <DataTable>: rows, loading/refreshing/error states, sorting and paging. */
    tableProps: {
      rows: query.data?.items,
      loading: query.isPending,
      refreshing: query.isFetching && !query.isPending,
      error: query.isError ? query.error : undefined,
      onRetry: () => void query.refetch(),
      sort,
      onSortChange: setSort,
      pagination,
    },
  };
}

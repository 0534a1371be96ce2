// Server-side paging as the bff's list routes do it: `limit` + an opaque
// `cursor` from the previous page's `nextCursor`, plus sort and filters.

/** One page of a list route: its rows and the cursor of the next page (null on the last). */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

export type SortDirection = 'asc' | 'desc';

export interface SortState {
  /** Column key the server sorts by. */
  key: string;
  direction: SortDirection;
}

export interface CursorPageRequest<F> {
  limit: number;
  /** Absent for the first page. */
  cursor?: string;
  sort?: SortState;
  filters: F;
}

type QueryValue = string | number | boolean | undefined;

/**
 * Query string of a page request: `limit`, `cursor`, `sort` + `order`, and
 * every filter that has a value (empty strings are left out, so a cleared
 * filter means "all").
 */
export function pageSearchParams<F extends Record<string, QueryValue>>(
  request: CursorPageRequest<F>,
): Record<string, string | number | boolean> {
  const params: Record<string, string | number | boolean> = { limit: request.limit };
  if (request.cursor) params.cursor = request.cursor;
  if (request.sort) {
    params.sort = request.sort.key;
    params.order = request.sort.direction;
  }
  for (const [name, value] of Object.entries(request.filters)) {
    if (value !== undefined && value !== '') params[name] = value;
  }
  return params;
}

/** Clicking a column: a new column sorts ascending, the same column flips direction. */
export const nextSort = (current: SortState | undefined, key: string): SortState =>
  current?.key === key
    ? { key, direction: current.direction === 'asc' ? 'desc' : 'asc' }
    : { key, direction: 'asc' };

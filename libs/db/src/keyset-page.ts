// Keyset ("seek") paging for the repositories' lists: a page is the rows after
// the last one of the previous page in (sort column, id) order, so a page
// costs one index range scan however deep it is, and rows inserted meanwhile
// never shift or repeat what the client has seen. The cursor is opaque to
// clients (base64url JSON of the last row's sort value and id); a cursor
// that does not decode, or was made for another sort, is the caller's
// mistake (400).
import { invalid } from '@zamio/errors';

export type SortOrder = 'asc' | 'desc';

export interface PageRequest<S extends string = string> {
  limit: number;
  cursor?: string | undefined;
  sort: S;
  order: SortOrder;
}

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** One sortable column of a list: its SQL expression and the type it casts back to from a cursor. */
export interface SortKey {
  /** SQL of the column (qualified, e.g. `p.started_at`). */
  column: string;
  /** Its type, e.g. `timestamptz`, `integer`, `text`: the cursor keeps the value as text, exactly. */
  type: string;
}

/** The extra column a page's query selects: the sort value as text (timestamps keep their microseconds). */
export const PAGE_KEY = 'page_key';

interface CursorBody {
  s: string;
  v: string;
  id: string;
}

const encodeCursor = (sort: string, value: string, id: string): string =>
  Buffer.from(JSON.stringify({ s: sort, v: value, id } satisfies CursorBody)).toString('base64url');

function decodeCursor(cursor: string, sort: string): CursorBody {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('"cursor" is not a cursor this API gave out');
  }
  const parsed = body as Partial<CursorBody> | null;
  if (
    !parsed ||
    typeof parsed.id !== 'string' ||
    typeof parsed.v !== 'string' ||
    typeof parsed.s !== 'string'
  )
    throw invalid('"cursor" is not a cursor this API gave out');
  if (parsed.s !== sort) throw invalid(`"cursor" belongs to sort "${parsed.s}", not "${sort}"`);
  if (!UUID.test(parsed.id)) throw invalid('"cursor" is not a cursor this API gave out');
  return parsed as CursorBody;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface KeysetClauses {
  /** `<column>::text AS page_key`, for the SELECT list. */
  select: string;
  /** The condition after the cursor (`true` on the first page). */
  where: string;
  /** ORDER BY … LIMIT (one row more than asked, to know whether a next page exists). */
  orderLimit: string;
  params: unknown[];
}

/** The page's clauses, with their parameters numbered from `firstParam`. */
export function keysetClauses(
  key: SortKey,
  page: PageRequest,
  idColumn: string,
  firstParam: number,
): KeysetClauses {
  const direction = page.order === 'asc' ? 'ASC' : 'DESC';
  const comparison = page.order === 'asc' ? '>' : '<';
  const params: unknown[] = [];
  let where = 'true';
  if (page.cursor) {
    const cursor = decodeCursor(page.cursor, page.sort);
    params.push(cursor.v, cursor.id);
    where = `(${key.column}, ${idColumn}) ${comparison} ($${firstParam}::${key.type}, $${firstParam + 1}::uuid)`;
  }
  params.push(page.limit + 1);
  return {
    select: `${key.column}::text AS ${PAGE_KEY}`,
    where,
    orderLimit: `ORDER BY ${key.column} ${direction}, ${idColumn} ${direction} LIMIT $${firstParam + params.length - 1}::int`,
    params,
  };
}

/** The page of rows fetched with keysetClauses, mapped, and the cursor after its last item. */
export function finishPage<R extends { id: string; page_key: string }, T>(
  rows: R[],
  page: PageRequest,
  map: (row: R) => T,
): Page<T> {
  const kept = rows.length > page.limit ? rows.slice(0, page.limit) : rows;
  const last = kept[kept.length - 1];
  return {
    items: kept.map(map),
    nextCursor: rows.length > page.limit && last ? encodeCursor(page.sort, last.page_key, last.id) : null,
  };
}

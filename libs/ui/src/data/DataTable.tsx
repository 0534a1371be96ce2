import { ArrowDown, ArrowUp, ArrowUpDown, ChevronLeft, ChevronRight } from '../icons';
import type { ReactNode } from 'react';
import { Button } from '../components/Button';
import { EmptyState } from '../components/EmptyState';
import { ErrorBanner } from '../components/ErrorBanner';
import { nextSort, type SortState } from './cursor-paging';
import { SortSelect } from './SortSelect';
import type { CursorPagination } from './use-cursor-pages';

export interface DataColumn<Row> {
  /** Stable id; also the sort key sent to the server when `sortable`. */
  key: string;
  header: string;
  render: (row: Row) => ReactNode;
  sortable?: boolean;
  /** `end` for numbers and money (right-aligned, tabular digits). */
  align?: 'start' | 'end';
  /** Label in the card layout on narrow screens; defaults to the header, '' shows none (actions). */
  cardLabel?: string;
}

export interface DataTableProps<Row> {
  /** Accessible name of the table, shown as its caption. */
  caption: ReactNode;
  columns: readonly DataColumn<Row>[];
  /** Undefined while the first page loads. */
  rows: readonly Row[] | undefined;
  rowKey: (row: Row) => string;
  /** First load: no rows yet. */
  loading?: boolean;
  /** A newer page is loading while the current one stays visible. */
  refreshing?: boolean;
  error?: unknown;
  onRetry?: () => void;
  /** What to say when there are no rows (e.g. "No plays in this period"). */
  empty?: ReactNode;
  sort?: SortState | undefined;
  /** Header clicks (and the narrow-screen "Sort by" select) ask for a new sort. */
  onSortChange?: (sort: SortState) => void;
  pagination?: CursorPagination;
  /** Filters above the table. */
  toolbar?: ReactNode;
  'data-testid'?: string;
}

const ariaSortOf = (column: string, sort: SortState | undefined) =>
  sort?.key !== column ? 'none' : sort.direction === 'asc' ? 'ascending' : 'descending';

function SortIcon({ active, direction }: { active: boolean; direction: SortState['direction'] | undefined }) {
  const Icon = !active ? ArrowUpDown : direction === 'asc' ? ArrowUp : ArrowDown;
  return <Icon size={14} className="zamio-table__sort-icon" aria-hidden="true" />;
}

/**
 * A server-paged table: sortable headers (aria-sort), filters slot, loading,
 * empty and error states, previous/next paging. In a container narrower than
 * 560 px each row becomes a card with labelled values (CSS container query).
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  loading,
  refreshing,
  error,
  onRetry,
  empty = 'Nothing here yet.',
  sort,
  onSortChange,
  pagination,
  toolbar,
  'data-testid': testId,
}: DataTableProps<Row>) {
  const body = (() => {
    if (error !== undefined && !rows?.length)
      return (
        <ErrorBanner
          title="This list could not be loaded"
          error={error}
          action={
            onRetry ? (
              <Button size="sm" onClick={onRetry}>
                Try again
              </Button>
            ) : undefined
          }
        />
      );
    if (loading || rows === undefined)
      return (
        <p className="zamio-muted" role="status" data-testid="table-loading">
          Loading…
        </p>
      );
    if (rows.length === 0) return <EmptyState title={empty} />;
    return (
      <div className="zamio-data-table__scroll">
        <table className="zamio-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  data-align={column.align}
                  aria-sort={column.sortable ? ariaSortOf(column.key, sort) : undefined}
                >
                  {column.sortable && onSortChange ? (
                    <button
                      type="button"
                      className="zamio-table__sort"
                      onClick={() => onSortChange(nextSort(sort, column.key))}
                    >
                      {column.header}
                      <SortIcon active={sort?.key === column.key} direction={sort?.direction} />
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody aria-busy={refreshing || undefined}>
            {rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) => (
                  <td
                    key={column.key}
                    data-align={column.align}
                    data-label={column.cardLabel ?? column.header}
                  >
                    {column.render(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  })();

  const sortable = onSortChange ? columns.filter((column) => column.sortable) : [];
  const showPager = pagination && (pagination.hasNext || pagination.hasPrevious);
  return (
    <div className="zamio-data-table" data-testid={testId}>
      {toolbar || sortable.length ? (
        <div className="zamio-filters">
          {toolbar}
          {sortable.length && onSortChange ? (
            <SortSelect columns={sortable} sort={sort} onSortChange={onSortChange} />
          ) : null}
        </div>
      ) : null}
      {error !== undefined && rows?.length ? <ErrorBanner title="Refreshing failed" error={error} /> : null}
      {body}
      {showPager ? (
        <nav className="zamio-pager" aria-label="Pages">
          <Button
            size="sm"
            icon={<ChevronLeft size={16} />}
            disabled={!pagination.hasPrevious || refreshing}
            onClick={pagination.onPrevious}
          >
            Previous
          </Button>
          <span className="zamio-muted" aria-live="polite">
            Page {pagination.pageIndex + 1}
          </span>
          <Button
            size="sm"
            disabled={!pagination.hasNext || refreshing}
            onClick={pagination.onNext}
            data-testid="next-page"
          >
            Next <ChevronRight size={16} aria-hidden="true" />
          </Button>
        </nav>
      ) : null}
    </div>
  );
}

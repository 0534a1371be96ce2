/** @vitest-environment jsdom */
import { QueryClient } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  DataTable,
  nextSort,
  pageSearchParams,
  useCursorPages,
  type CursorPage,
  type CursorPageRequest,
  type DataColumn,
} from '../src/index';
import { renderInPortal } from './render-dom';

interface Row {
  id: string;
  title: string;
  plays: number;
}
const COLUMNS: DataColumn<Row>[] = [
  { key: 'title', header: 'Title', sortable: true, render: (row) => row.title },
  { key: 'plays', header: 'Plays', align: 'end', sortable: true, render: (row) => row.plays },
  { key: 'actions', header: 'Actions', cardLabel: '', render: () => <button type="button">Open</button> },
];
const ROWS: Row[] = Array.from({ length: 7 }, (_, index) => ({
  id: `r${index}`,
  title: `Track ${index}`,
  plays: index * 3,
}));

describe('DataTable states', () => {
  it('shows loading, then rows with card labels, then the empty message', () => {
    const { rerender } = renderInPortal(
      <DataTable caption="Plays" columns={COLUMNS} rows={undefined} rowKey={(r) => r.id} loading />,
    );
    expect(screen.getByTestId('table-loading')).toBeDefined();
    rerender(<DataTable caption="Plays" columns={COLUMNS} rows={ROWS.slice(0, 2)} rowKey={(r) => r.id} />);
    const table = screen.getByRole('table', { name: 'Plays' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    const cells = within(table).getAllByRole('cell');
    expect(cells.map((cell) => cell.dataset.label)).toEqual(['Title', 'Plays', '', 'Title', 'Plays', '']);
    expect(cells[1]!.dataset.align).toBe('end');
    rerender(
      <DataTable caption="Plays" columns={COLUMNS} rows={[]} rowKey={(r) => r.id} empty="No plays yet." />,
    );
    expect(screen.getByRole('status').textContent).toBe('No plays yet.');
  });

  it('offers a retry when the list failed', async () => {
    const onRetry = vi.fn();
    renderInPortal(
      <DataTable
        caption="Plays"
        columns={COLUMNS}
        rows={undefined}
        rowKey={(r) => r.id}
        error={new Error('503 from the bff')}
        onRetry={onRetry}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('503 from the bff');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('sorts by header: aria-sort tells the state, a click asks for the next sort', async () => {
    const onSortChange = vi.fn();
    renderInPortal(
      <DataTable
        caption="Plays"
        columns={COLUMNS}
        rows={ROWS}
        rowKey={(r) => r.id}
        sort={{ key: 'plays', direction: 'asc' }}
        onSortChange={onSortChange}
      />,
    );
    const headers = screen.getAllByRole('columnheader');
    expect(headers.map((th) => th.getAttribute('aria-sort'))).toEqual(['none', 'ascending', null]);
    await userEvent.click(screen.getByRole('button', { name: 'Plays' }));
    expect(onSortChange).toHaveBeenLastCalledWith({ key: 'plays', direction: 'desc' });
    await userEvent.click(screen.getByRole('button', { name: 'Title' }));
    expect(onSortChange).toHaveBeenLastCalledWith({ key: 'title', direction: 'asc' });
    // The card layout's "Sort by" select asks for a sort too.
    await userEvent.selectOptions(screen.getByTestId('table-sort-select'), 'title:desc');
    expect(onSortChange).toHaveBeenLastCalledWith({ key: 'title', direction: 'desc' });
  });
});

describe('cursor paging', () => {
  it('builds the query string the list routes take', () => {
    expect(
      pageSearchParams({
        limit: 25,
        cursor: 'abc',
        sort: { key: 'playedAt', direction: 'desc' },
        filters: { station: '', track: 't1' },
      }),
    ).toEqual({ limit: 25, cursor: 'abc', sort: 'playedAt', order: 'desc', track: 't1' });
    expect(nextSort(undefined, 'title')).toEqual({ key: 'title', direction: 'asc' });
    expect(nextSort({ key: 'title', direction: 'asc' }, 'title')).toEqual({
      key: 'title',
      direction: 'desc',
    });
  });

  function PagedList({
    fetchPage,
  }: {
    fetchPage: (request: CursorPageRequest<{ q: string }>) => Promise<CursorPage<Row>>;
  }) {
    const [q, setQ] = useState('');
    const table = useCursorPages<Row, { q: string }>({
      queryKey: ['test', 'rows'],
      filters: { q },
      limit: 3,
      fetchPage,
    });
    return (
      <DataTable
        caption="Rows"
        columns={COLUMNS}
        rowKey={(row) => row.id}
        toolbar={<input aria-label="Search" value={q} onChange={(event) => setQ(event.target.value)} />}
        {...table.tableProps}
      />
    );
  }

  it('walks pages by cursor, back and forth, and starts again when a filter changes', async () => {
    const requests: CursorPageRequest<{ q: string }>[] = [];
    const fetchPage = async (request: CursorPageRequest<{ q: string }>): Promise<CursorPage<Row>> => {
      requests.push({
        limit: request.limit,
        filters: request.filters,
        ...(request.cursor ? { cursor: request.cursor } : {}),
      });
      const rows = ROWS.filter((row) => row.title.includes(request.filters.q));
      const start = Number(request.cursor ?? 0);
      return {
        items: rows.slice(start, start + request.limit),
        nextCursor: start + request.limit < rows.length ? String(start + request.limit) : null,
      };
    };
    // As in the portals, a page fetched moments ago is fresh: going back shows it from the cache.
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 60_000 } } });
    renderInPortal(<PagedList fetchPage={fetchPage} />, { queryClient });
    const titles = () =>
      screen
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.firstElementChild?.textContent);
    await waitFor(() => expect(titles()).toEqual(['Track 0', 'Track 1', 'Track 2']));
    expect((screen.getByRole('button', { name: 'Previous' }) as HTMLButtonElement).disabled).toBe(true);

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(titles()).toEqual(['Track 3', 'Track 4', 'Track 5']));
    expect(screen.getByText('Page 2')).toBeDefined();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(titles()).toEqual(['Track 6']));
    expect((screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Previous' }));
    await waitFor(() => expect(titles()).toEqual(['Track 3', 'Track 4', 'Track 5']));

    await userEvent.type(screen.getByLabelText('Search'), '6');
    await waitFor(() => expect(titles()).toEqual(['Track 6']));
    expect(screen.queryByText(/^Page /)).toBeNull();
    expect(requests.map((request) => request.cursor ?? 'first')).toEqual(['first', '3', '6', 'first']);
    expect(requests.at(-1)).toEqual({ limit: 3, filters: { q: '6' } });
  });
});

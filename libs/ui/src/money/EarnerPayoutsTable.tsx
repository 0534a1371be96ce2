// An earner's payout history (artist or publisher), newest first, by state:
// requested → approved → paid (with the reference), or rejected with the
// admin's reason. Server-paged over GET /api/<role>/payouts.
import type { Payout } from '@zamio/contracts';
import { moneyEndpoints, type MoneyRole } from '@zamio/api-client';
import type { QueryKey } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useApiClient } from '../api/api-client-context';
import { StatusBadge } from '../components/StatusBadge';
import { DataTable, type DataColumn } from '../data/DataTable';
import { useCursorPages } from '../data/use-cursor-pages';
import { formatDateTime } from '../format/dates';
import { formatGhs } from '../format/money';
import { StateFilter } from './StateFilter';
import { payoutListQuery } from './money-list-queries';
import { PAYOUT_METHOD_LABEL } from './payout-rules';

export const PAYOUT_STATE_OPTIONS: { value: Payout['status']; label: string }[] = [
  { value: 'requested', label: 'Requested' },
  { value: 'approved', label: 'Approved' },
  { value: 'paid', label: 'Paid' },
  { value: 'rejected', label: 'Rejected' },
];

const COLUMNS: DataColumn<Payout>[] = [
  { key: 'requestedAt', header: 'Requested', sortable: true, render: (p) => formatDateTime(p.requestedAt) },
  {
    key: 'amountMinor',
    header: 'Amount',
    sortable: true,
    align: 'end',
    render: (p) => formatGhs(p.amountMinor),
  },
  { key: 'to', header: 'Paid to', render: (p) => `${PAYOUT_METHOD_LABEL[p.method]} · ${p.destination}` },
  {
    key: 'status',
    header: 'State',
    render: (p) => (
      <StatusBadge
        status={p.status}
        label={PAYOUT_STATE_OPTIONS.find((s) => s.value === p.status)?.label}
        {...(p.status === 'requested' ? { tone: 'warn' as const } : {})}
        data-testid="payout-state"
      />
    ),
  },
  {
    key: 'detail',
    header: 'Detail',
    render: (p) =>
      p.status === 'paid'
        ? `Reference ${p.externalReference ?? '—'}, paid ${formatDateTime(p.paidAt!)}`
        : p.status === 'rejected'
          ? `Rejected: ${p.rejectedReason ?? 'no reason given'}`
          : p.status === 'approved'
            ? `Approved ${formatDateTime(p.approvedAt!)}, being paid`
            : 'Waiting for approval',
  },
];

export interface EarnerPayoutsTableProps {
  role: MoneyRole;
  /** The list's query key prefix (a new request invalidates it). */
  queryKey: QueryKey;
  caption?: ReactNode;
}

export function EarnerPayoutsTable({ role, queryKey, caption = 'Your payouts' }: EarnerPayoutsTableProps) {
  const api = useApiClient();
  const [status, setStatus] = useState('');
  const table = useCursorPages<Payout, { status: string }>({
    queryKey,
    filters: { status },
    initialSort: { key: 'requestedAt', direction: 'desc' },
    fetchPage: ({ signal, ...request }) =>
      moneyEndpoints(role).listPayouts(api, payoutListQuery(request), signal),
  });
  return (
    <DataTable
      caption={caption}
      columns={COLUMNS}
      rowKey={(p) => p.id}
      empty={status ? 'No payouts in this state.' : 'No payout requested yet.'}
      data-testid="payouts-table"
      toolbar={
        <StateFilter
          value={status}
          onChange={setStatus}
          options={PAYOUT_STATE_OPTIONS}
          data-testid="payouts-status-filter"
        />
      }
      {...table.tableProps}
    />
  );
}

// An earner's disputes (artist or publisher), newest first, by state: open
// (earnings held), upheld (the play reversed) or rejected (released), with
// the admin's decision and note. Server-paged over GET /api/<role>/disputes.
import type { Dispute } from '@zamio/contracts';
import { moneyEndpoints, type MoneyRole } from '@zamio/api-client';
import type { QueryKey } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useApiClient } from '../api/api-client-context';
import { StatusBadge } from '../components/StatusBadge';
import { DataTable, type DataColumn } from '../data/DataTable';
import { useCursorPages } from '../data/use-cursor-pages';
import { formatDateTime } from '../format/dates';
import { StateFilter } from './StateFilter';
import { disputeListQuery } from './money-list-queries';

export const DISPUTE_STATE_OPTIONS: { value: Dispute['status']; label: string }[] = [
  { value: 'open', label: 'Open (earnings held)' },
  { value: 'upheld', label: 'Upheld (reversed)' },
  { value: 'rejected', label: 'Rejected (released)' },
];
const LABELS: Record<Dispute['status'], string> = { open: 'Open', upheld: 'Upheld', rejected: 'Rejected' };

const COLUMNS: DataColumn<Dispute>[] = [
  { key: 'createdAt', header: 'Raised', sortable: true, render: (d) => formatDateTime(d.createdAt) },
  {
    key: 'play',
    header: 'Play',
    render: (d) => (
      <div className="zamio-stack-tight">
        <strong>{d.trackTitle}</strong>
        <span className="zamio-muted">
          {d.stationName}, {formatDateTime(d.playStartedAt)}
        </span>
      </div>
    ),
  },
  { key: 'reason', header: 'Reason', render: (d) => <span className="zamio-break">{d.reason}</span> },
  { key: 'evidence', header: 'Evidence', render: (d) => (d.evidenceUploadId ? 'Attached' : '—') },
  {
    key: 'status',
    header: 'State',
    render: (d) => <StatusBadge status={d.status} label={LABELS[d.status]} data-testid="dispute-state" />,
  },
  {
    key: 'decision',
    header: 'Decision',
    render: (d) =>
      d.resolvedAt
        ? `${d.resolutionNote ?? 'No note'} (${formatDateTime(d.resolvedAt)})`
        : 'Waiting for an admin',
  },
];

export interface EarnerDisputesTableProps {
  role: MoneyRole;
  /** The list's query key prefix (a new dispute invalidates it). */
  queryKey: QueryKey;
  /** What an empty list says when no state is chosen (e.g. where to dispute a play). */
  empty: ReactNode;
  caption?: ReactNode;
}

export function EarnerDisputesTable({
  role,
  queryKey,
  empty,
  caption = 'Your disputes',
}: EarnerDisputesTableProps) {
  const api = useApiClient();
  const [status, setStatus] = useState('');
  const table = useCursorPages<Dispute, { status: string }>({
    queryKey,
    filters: { status },
    initialSort: { key: 'createdAt', direction: 'desc' },
    fetchPage: ({ signal, ...request }) =>
      moneyEndpoints(role).listDisputes(api, disputeListQuery(request), signal),
  });
  return (
    <DataTable
      caption={caption}
      columns={COLUMNS}
      rowKey={(d) => d.id}
      empty={status ? 'No disputes in this state.' : empty}
      data-testid="disputes-table"
      toolbar={
        <StateFilter
          value={status}
          onChange={setStatus}
          options={DISPUTE_STATE_OPTIONS}
          data-testid="disputes-status-filter"
        />
      }
      {...table.tableProps}
    />
  );
}

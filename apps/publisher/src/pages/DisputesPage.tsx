// The publisher's disputes, newest first, by state: open (royalties held),
// upheld (reversed) or rejected (released), with the admin's note.
import type { Dispute } from '@zamio/contracts';
import { publisherEndpoints } from '@zamio/api-client';
import {
  DataTable,
  SelectField,
  StatusBadge,
  buttonClassName,
  formatDateTime,
  useApiClient,
  useCursorPages,
  type DataColumn,
} from '@zamio/ui';
import { useState } from 'react';
import { Link } from 'react-router';
import { disputesQueryKey } from '../publisher-queries';

const STATES: { value: Dispute['status']; label: string }[] = [
  { value: 'open', label: 'Open (royalties held)' },
  { value: 'upheld', label: 'Upheld (reversed)' },
  { value: 'rejected', label: 'Rejected (released)' },
];
const LABELS: Record<Dispute['status'], string> = { open: 'Open', upheld: 'Upheld', rejected: 'Rejected' };

const COLUMNS: DataColumn<Dispute>[] = [
  { key: 'createdAt', header: 'Raised', sortable: true, render: (d) => formatDateTime(d.createdAt) },
  { key: 'track', header: 'Track', render: (d) => <strong>{d.trackTitle}</strong> },
  { key: 'play', header: 'Play', render: (d) => `${d.stationName}, ${formatDateTime(d.playStartedAt)}` },
  { key: 'reason', header: 'Reason', render: (d) => d.reason },
  { key: 'evidence', header: 'Evidence', render: (d) => (d.evidenceUploadId ? 'Attached' : '—') },
  {
    key: 'status',
    header: 'State',
    render: (d) => (
      <StatusBadge
        status={d.status}
        label={LABELS[d.status]}
        {...(d.resolutionNote ? { title: d.resolutionNote } : {})}
        data-testid="dispute-state"
      />
    ),
  },
  {
    key: 'resolution',
    header: 'Decision',
    render: (d) =>
      d.resolvedAt
        ? `${formatDateTime(d.resolvedAt)}${d.resolutionNote ? `: ${d.resolutionNote}` : ''}`
        : 'Waiting',
  },
];

export default function DisputesPage() {
  const api = useApiClient();
  const [status, setStatus] = useState('');
  const table = useCursorPages<Dispute, { status: string }>({
    queryKey: disputesQueryKey,
    filters: { status },
    limit: 25,
    initialSort: { key: 'createdAt', direction: 'desc' },
    fetchPage: ({ limit, cursor, filters, sort, signal }) =>
      publisherEndpoints.listDisputes(
        api,
        {
          limit,
          cursor,
          sort: 'createdAt',
          order: sort?.direction ?? 'desc',
          ...(filters.status ? { status: filters.status as Dispute['status'] } : {}),
        },
        signal,
      ),
  });

  return (
    <>
      <h1>Disputes</h1>
      <p className="zamio-muted">
        Plays you disputed. While a dispute is open its royalties are held from statements; an admin upholds
        it (the amount is reversed) or rejects it (the amount is released). Dispute a play from the{' '}
        <Link to="/plays">Plays</Link> page.
      </p>
      <DataTable
        caption="Your disputes"
        columns={COLUMNS}
        rowKey={(d) => d.id}
        empty={
          <>
            No disputes.{' '}
            <Link to="/plays" className={buttonClassName({ size: 'sm', variant: 'ghost' })}>
              Go to plays
            </Link>
          </>
        }
        data-testid="disputes-table"
        toolbar={
          <div className="zamio-filters">
            <SelectField
              label="State"
              placeholder="All states"
              value={status}
              onChange={(event) => setStatus(event.target.value)}
              options={STATES}
              data-testid="disputes-status-filter"
            />
          </div>
        }
        {...table.tableProps}
      />
    </>
  );
}

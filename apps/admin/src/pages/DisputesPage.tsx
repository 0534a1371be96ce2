// The disputes queue: open disputes first, each resolved once — upheld (the
// play's earnings are reversed) or rejected (released) — with a note.
import type { Dispute } from '@zamio/contracts';
import { adminMoneyEndpoints } from '@zamio/api-client';
import {
  Button,
  ConfirmDialog,
  DataTable,
  Field,
  DISPUTE_STATE_OPTIONS,
  StateFilter,
  StatusBadge,
  formatDateTime,
  notify,
  useApiClient,
  useCursorPages,
  type DataColumn,
  disputeListQuery,
} from '@zamio/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { disputesQueryKey } from '../money/money-queries';

type Outcome = 'upheld' | 'rejected';

function ResolveDispute({ dispute, outcome }: { dispute: Dispute; outcome: Outcome }) {
  const api = useApiClient();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const upheld = outcome === 'upheld';
  return (
    <ConfirmDialog
      title={upheld ? 'Uphold this dispute?' : 'Reject this dispute?'}
      description={
        upheld
          ? `${dispute.trackTitle} on ${dispute.stationName}: everything the play was paid is reversed (in its cycle, or the next open one if that is locked) and it is never priced again.`
          : `${dispute.trackTitle} on ${dispute.stationName}: the held earnings are released to the statements.`
      }
      confirmLabel={upheld ? 'Uphold' : 'Reject'}
      tone={upheld ? 'primary' : 'danger'}
      trigger={
        <Button size="sm" variant={upheld ? 'primary' : 'secondary'} data-testid={`dispute-${outcome}`}>
          {upheld ? 'Uphold…' : 'Reject…'}
        </Button>
      }
      onConfirm={async () => {
        const result = await adminMoneyEndpoints.resolveDispute(api, dispute.id, {
          outcome,
          ...(note.trim() ? { note: note.trim() } : {}),
        });
        notify.success(upheld ? 'Dispute upheld' : 'Dispute rejected', {
          description: result.reversedInCycleId ? 'The reversal is booked in an open cycle.' : undefined,
        });
        setNote('');
        await queryClient.invalidateQueries({ queryKey: disputesQueryKey });
      }}
      data-testid="dispute-resolve-dialog"
    >
      <Field label="Note to the artist" hint="Kept with the decision and shown to whoever raised it.">
        {(wiring) => (
          <textarea
            className="zamio-input"
            rows={3}
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            data-testid="dispute-note"
            {...wiring}
          />
        )}
      </Field>
    </ConfirmDialog>
  );
}

const COLUMNS: DataColumn<Dispute>[] = [
  { key: 'createdAt', header: 'Raised', sortable: true, render: (d) => formatDateTime(d.createdAt) },
  { key: 'by', header: 'By', render: (d) => d.raisedByName },
  { key: 'play', header: 'Play', render: (d) => `${d.trackTitle} · ${d.stationName}` },
  { key: 'playedAt', header: 'Played', render: (d) => formatDateTime(d.playStartedAt) },
  {
    key: 'reason',
    header: 'Reason',
    render: (d) => (
      <>
        {d.reason}
        {d.evidenceUploadId ? <span className="zamio-muted"> (evidence attached)</span> : null}
      </>
    ),
  },
  { key: 'status', header: 'State', render: (d) => <StatusBadge status={d.status} /> },
  {
    key: 'actions',
    header: 'Decision',
    cardLabel: '',
    render: (d) =>
      d.status === 'open' ? (
        <span className="zamio-button-row">
          <ResolveDispute dispute={d} outcome="upheld" />
          <ResolveDispute dispute={d} outcome="rejected" />
        </span>
      ) : (
        `${d.resolutionNote ?? 'No note'} (${formatDateTime(d.resolvedAt!)})`
      ),
  },
];

export default function DisputesPage() {
  const api = useApiClient();
  const [status, setStatus] = useState<string>('open');
  const table = useCursorPages<Dispute, { status: string }>({
    queryKey: disputesQueryKey,
    filters: { status },
    initialSort: { key: 'createdAt', direction: 'asc' },
    fetchPage: ({ signal, ...request }) =>
      adminMoneyEndpoints.listDisputes(api, disputeListQuery(request), signal),
  });
  return (
    <>
      <div className="zamio-page-head">
        <h1>Disputes</h1>
      </div>
      <p className="zamio-muted">
        While a dispute is open, the play&apos;s earnings are held from statements and payouts. Oldest first.
      </p>
      <DataTable
        caption="Disputes queue"
        columns={COLUMNS}
        rowKey={(d) => d.id}
        empty={status === 'open' ? 'No open disputes.' : 'No disputes in this state.'}
        data-testid="admin-disputes-table"
        toolbar={
          <StateFilter
            value={status}
            onChange={setStatus}
            options={DISPUTE_STATE_OPTIONS}
            data-testid="admin-disputes-state"
          />
        }
        {...table.tableProps}
      />
    </>
  );
}

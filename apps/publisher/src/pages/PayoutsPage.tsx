// Payouts: request one from the available balance, and the history of
// requests (requested → approved → paid, or rejected with the reason).
import type { Payout } from '@zamio/contracts';
import { publisherEndpoints } from '@zamio/api-client';
import {
  BalanceSummary,
  Card,
  DataTable,
  PAYOUT_METHOD_LABEL,
  PayoutRequestForm,
  SelectField,
  StatusBadge,
  formatDateTime,
  formatGhs,
  useApiClient,
  useCursorPages,
  type DataColumn,
} from '@zamio/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { earningsQueryKey, payoutsQueryKey } from '../publisher-queries';

const STATES: { value: Payout['status']; label: string }[] = [
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
    align: 'end',
    sortable: true,
    render: (p) => formatGhs(p.amountMinor),
  },
  { key: 'to', header: 'Paid to', render: (p) => `${PAYOUT_METHOD_LABEL[p.method]} · ${p.destination}` },
  {
    key: 'status',
    header: 'State',
    render: (p) => (
      <StatusBadge
        status={p.status === 'requested' ? 'pending' : p.status}
        label={STATES.find((s) => s.value === p.status)?.label}
        data-testid="payout-state"
      />
    ),
  },
  {
    key: 'detail',
    header: 'Detail',
    render: (p) =>
      p.status === 'paid'
        ? `Paid ${formatDateTime(p.paidAt!)} · ref. ${p.externalReference ?? '—'}`
        : p.status === 'rejected'
          ? (p.rejectedReason ?? 'Rejected')
          : p.status === 'approved'
            ? `Approved ${formatDateTime(p.approvedAt!)}`
            : 'Waiting for an admin',
  },
];

export default function PayoutsPage() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState('');
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: earningsQueryKey });
    void queryClient.invalidateQueries({ queryKey: payoutsQueryKey });
  };
  const earnings = useQuery({
    queryKey: earningsQueryKey,
    queryFn: ({ signal }) => publisherEndpoints.earnings(api, signal),
  });
  const table = useCursorPages<Payout, { status: string }>({
    queryKey: payoutsQueryKey,
    filters: { status },
    limit: 25,
    initialSort: { key: 'requestedAt', direction: 'desc' },
    fetchPage: ({ limit, cursor, filters, sort, signal }) =>
      publisherEndpoints.listPayouts(
        api,
        {
          limit,
          cursor,
          sort: sort?.key === 'amountMinor' ? 'amountMinor' : 'requestedAt',
          order: sort?.direction ?? 'desc',
          ...(filters.status ? { status: filters.status as Payout['status'] } : {}),
        },
        signal,
      ),
  });

  return (
    <>
      <h1>Payouts</h1>
      <p className="zamio-muted">
        Request money from what your locked cycles earned. An admin approves the request and pays it to your
        mobile money wallet or bank account.
      </p>
      <div className="zamio-grid">
        <Card title="Request a payout">
          <PayoutRequestForm
            role="publisher"
            availableMinor={earnings.data?.balance.availableMinor}
            onRequested={refresh}
            onRefused={refresh}
          />
        </Card>
        {earnings.data ? (
          <Card title="Balance">
            <BalanceSummary balance={earnings.data.balance} />
          </Card>
        ) : null}
      </div>
      <DataTable
        caption="Payout history"
        columns={COLUMNS}
        rowKey={(p) => p.id}
        empty="No payout requests yet."
        data-testid="payouts-table"
        toolbar={
          <div className="zamio-filters">
            <SelectField
              label="State"
              placeholder="All states"
              value={status}
              onChange={(event) => setStatus(event.target.value)}
              options={STATES}
              data-testid="payouts-status-filter"
            />
          </div>
        }
        {...table.tableProps}
      />
    </>
  );
}

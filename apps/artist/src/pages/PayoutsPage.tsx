// Payouts for a self-published artist: the available balance, a request
// (checked against the balance in words; the server decides for certain,
// under a lock, so racing requests never overdraw) and the history. An artist
// signed to a publisher is paid through the publisher instead.
import type { Payout } from '@zamio/contracts';
import { artistMoneyEndpoints } from '../money/artist-money-endpoints';
import {
  BalanceSummary,
  Card,
  DataTable,
  ErrorBanner,
  PAYOUT_METHOD_LABEL,
  PageLoading,
  PayoutRequestForm,
  SelectField,
  StatusBadge,
  formatDateTime,
  formatGhs,
  useApiClient,
  useCursorPages,
  type DataColumn,
  payoutListQuery,
} from '@zamio/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { earningsQueryKey, payoutsQueryKey, publisherRelationshipsQueryKey } from '../money/money-queries';
import { activePublisherOf } from '../money/money-rules';

const COLUMNS: DataColumn<Payout>[] = [
  { key: 'requestedAt', header: 'Requested', sortable: true, render: (p) => formatDateTime(p.requestedAt) },
  {
    key: 'amountMinor',
    header: 'Amount',
    sortable: true,
    align: 'end',
    render: (p) => formatGhs(p.amountMinor),
  },
  { key: 'method', header: 'To', render: (p) => `${PAYOUT_METHOD_LABEL[p.method]} · ${p.destination}` },
  { key: 'status', header: 'State', render: (p) => <StatusBadge status={p.status} /> },
  {
    key: 'detail',
    header: 'Detail',
    render: (p) =>
      p.status === 'paid'
        ? `Reference ${p.externalReference} (${formatDateTime(p.paidAt!)})`
        : p.status === 'rejected'
          ? `Rejected: ${p.rejectedReason}`
          : p.status === 'approved'
            ? 'Approved, being paid'
            : 'Waiting for approval',
  },
];

export default function PayoutsPage() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState('');
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: payoutsQueryKey });
    void queryClient.invalidateQueries({ queryKey: earningsQueryKey });
  };
  const earnings = useQuery({
    queryKey: earningsQueryKey,
    queryFn: ({ signal }) => artistMoneyEndpoints.earnings(api, signal),
  });
  const relationships = useQuery({
    queryKey: publisherRelationshipsQueryKey,
    queryFn: ({ signal }) => artistMoneyEndpoints.publisherRelationships(api, signal),
  });
  const table = useCursorPages<Payout, { status: string }>({
    queryKey: payoutsQueryKey,
    filters: { status },
    initialSort: { key: 'requestedAt', direction: 'desc' },
    fetchPage: ({ signal, ...request }) =>
      artistMoneyEndpoints.listPayouts(api, payoutListQuery(request), signal),
  });
  const publisher = relationships.data ? activePublisherOf(relationships.data) : undefined;

  return (
    <>
      <div className="zamio-page-head">
        <h1>Payouts</h1>
      </div>
      {earnings.isPending || relationships.isPending ? <PageLoading /> : null}
      {earnings.isError ? (
        <ErrorBanner title="Your balance could not be loaded" error={earnings.error} />
      ) : null}
      {relationships.isError ? (
        <ErrorBanner title="Your publisher could not be looked up" error={relationships.error} />
      ) : null}
      {earnings.data ? <BalanceSummary balance={earnings.data.balance} /> : null}
      {publisher ? (
        <div className="zamio-notice" role="status" data-testid="payout-through-publisher">
          <p className="zamio-notice__title">You are paid through {publisher.publisherName}</p>
          <p>
            Since {formatDateTime(publisher.effectiveFrom)} your plays are paid to your publisher, who pays
            you your part outside ZamIO. Payouts you earned as a self-published artist before that stay here.
          </p>
        </div>
      ) : null}
      {earnings.data && relationships.data && (!publisher || earnings.data.balance.availableMinor > 0) ? (
        <Card title="Request a payout">
          <PayoutRequestForm
            role="artist"
            availableMinor={earnings.data.balance.availableMinor}
            onRequested={refresh}
            onRefused={refresh}
          />
        </Card>
      ) : null}
      <DataTable
        caption="Your payouts"
        columns={COLUMNS}
        rowKey={(p) => p.id}
        empty={status ? 'No payouts in this state.' : 'No payout requested yet.'}
        data-testid="payouts-table"
        toolbar={
          <SelectField
            label="State"
            placeholder="All states"
            value={status}
            onChange={(event) => setStatus(event.target.value)}
            options={[
              { value: 'requested', label: 'Requested' },
              { value: 'approved', label: 'Approved' },
              { value: 'paid', label: 'Paid' },
              { value: 'rejected', label: 'Rejected' },
            ]}
          />
        }
        {...table.tableProps}
      />
    </>
  );
}

// Payouts for a self-published artist: the available balance, a request
// (checked against the balance in words; the server decides for certain,
// under a lock, so racing requests never overdraw) and the history. An artist
// signed to a publisher is paid through the publisher instead.
import type { Payout, PayoutStatusName } from '@zamio/contracts';
import { artistMoneyEndpoints } from '../money/artist-money-endpoints';
import {
  Button,
  Card,
  DataTable,
  ErrorBanner,
  MoneyField,
  PageLoading,
  SelectField,
  StatusBadge,
  TextField,
  formatDateTime,
  formatGhs,
  notify,
  serverFormErrors,
  useApiClient,
  useCursorPages,
  type DataColumn,
} from '@zamio/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { earningsQueryKey, payoutsQueryKey, publisherRelationshipsQueryKey } from '../money/money-queries';
import {
  PAYOUT_METHOD_LABEL,
  activePublisherOf,
  checkPayout,
  type PayoutDraft,
  type PayoutField,
} from '../money/money-rules';
import { BalanceSummary } from '../money/BalanceSummary';

const COLUMNS: DataColumn<Payout>[] = [
  { key: 'requestedAt', header: 'Requested', sortable: true, render: (p) => formatDateTime(p.requestedAt) },
  {
    key: 'amountMinor',
    header: 'Amount',
    sortable: true,
    align: 'end',
    render: (p) => formatGhs(p.amountMinor),
  },
  { key: 'method', header: 'To', render: (p) => `${PAYOUT_METHOD_LABEL[p.method]} ${p.destination}` },
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

const EMPTY: PayoutDraft = { amount: '', method: 'mobile_money', destination: '' };

function PayoutRequestForm({ availableMinor }: { availableMinor: number }) {
  const api = useApiClient();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<PayoutDraft>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<PayoutField, string>>>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = (field: PayoutField) => (event: { target: { value: string } }) =>
    setDraft((now) => ({ ...now, [field]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const checked = checkPayout(draft, availableMinor);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      const payout = await artistMoneyEndpoints.requestPayout(api, checked.body);
      notify.success('Payout requested', {
        description: `${formatGhs(payout.amountMinor)} to ${payout.destination}; an admin approves it.`,
      });
      setDraft(EMPTY);
    } catch (error) {
      const mapped = serverFormErrors(error, {
        fields: ['amountMinor', 'method', 'destination'] as const,
        conflictField: 'amountMinor',
      });
      setErrors({
        amount: mapped.fields.amountMinor,
        method: mapped.fields.method,
        destination: mapped.fields.destination,
      });
      setFormError(mapped.form);
    } finally {
      setBusy(false);
      void queryClient.invalidateQueries({ queryKey: payoutsQueryKey });
      void queryClient.invalidateQueries({ queryKey: earningsQueryKey });
    }
  };

  return (
    <form className="zamio-form" onSubmit={submit} noValidate data-testid="payout-form">
      {formError ? <ErrorBanner title="The payout was not requested" error={formError} /> : null}
      <MoneyField
        label="Amount"
        hint={`Up to ${formatGhs(availableMinor)}`}
        value={draft.amount}
        onChange={set('amount')}
        error={errors.amount}
        required
        data-testid="payout-amount"
      />
      <SelectField
        label="Paid by"
        value={draft.method}
        onChange={set('method')}
        options={Object.entries(PAYOUT_METHOD_LABEL).map(([value, label]) => ({ value, label }))}
        error={errors.method}
        required
        data-testid="payout-method"
      />
      <TextField
        label={draft.method === 'bank' ? 'Bank and account number' : 'Mobile money number'}
        value={draft.destination}
        onChange={set('destination')}
        error={errors.destination}
        maxLength={120}
        required
        data-testid="payout-destination"
      />
      <div>
        <Button type="submit" variant="primary" loading={busy} data-testid="payout-submit">
          Request payout
        </Button>
      </div>
    </form>
  );
}

export default function PayoutsPage() {
  const api = useApiClient();
  const [status, setStatus] = useState('');
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
    fetchPage: ({ limit, cursor, filters, sort, signal }) =>
      artistMoneyEndpoints.listPayouts(
        api,
        {
          limit,
          cursor,
          ...(filters.status ? { status: filters.status as PayoutStatusName } : {}),
          ...(sort ? { sort: sort.key as 'requestedAt' | 'amountMinor', order: sort.direction } : {}),
        },
        signal,
      ),
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
          <PayoutRequestForm availableMinor={earnings.data.balance.availableMinor} />
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

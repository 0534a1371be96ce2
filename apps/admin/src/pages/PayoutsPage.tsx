// The payouts queue: requested → approved → paid (with the mobile money or
// bank reference; no provider is called from here) or rejected with a reason.
import type { Payout } from '@zamio/contracts';
import { adminMoneyEndpoints } from '@zamio/api-client';
import {
  Button,
  ConfirmDialog,
  DataTable,
  PAYOUT_STATE_OPTIONS,
  StateFilter,
  StatusBadge,
  TextField,
  formatDateTime,
  formatGhs,
  notify,
  useApiClient,
  useCursorPages,
  type DataColumn,
  payoutListQuery,
} from '@zamio/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { payoutsQueryKey } from '../money/money-queries';

const METHOD: Record<string, string> = { mobile_money: 'Mobile money', bank: 'Bank' };

/** The text an action needs (a reference, a reason), or the message saying it is missing. */
export const requiredText = (value: string, what: string) => {
  if (!value.trim()) throw new Error(`Enter ${what}`);
  return value.trim();
};

function PayoutActions({ payout }: { payout: Payout }) {
  const api = useApiClient();
  const queryClient = useQueryClient();
  const [reference, setReference] = useState('');
  const [reason, setReason] = useState('');
  const done = async (title: string) => {
    notify.success(title);
    await queryClient.invalidateQueries({ queryKey: payoutsQueryKey });
  };
  const who = `${formatGhs(payout.amountMinor)} to ${payout.userName} (${METHOD[payout.method]} ${payout.destination})`;
  const reject = (
    <ConfirmDialog
      title="Reject this payout?"
      description={`${who}. The amount returns to their available balance.`}
      confirmLabel="Reject payout"
      tone="danger"
      trigger={
        <Button size="sm" variant="secondary" data-testid="payout-reject">
          Reject…
        </Button>
      }
      onConfirm={async () => {
        await adminMoneyEndpoints.rejectPayout(api, payout.id, requiredText(reason, 'why it is rejected'));
        await done('Payout rejected');
      }}
    >
      <TextField
        label="Reason"
        value={reason}
        maxLength={500}
        onChange={(event) => setReason(event.target.value)}
        required
        data-testid="payout-reject-reason"
      />
    </ConfirmDialog>
  );
  if (payout.status === 'requested')
    return (
      <span className="zamio-button-row">
        <ConfirmDialog
          title="Approve this payout?"
          description={`${who}. Approving commits the amount; mark it paid once the transfer is made.`}
          confirmLabel="Approve"
          trigger={
            <Button size="sm" variant="primary" data-testid="payout-approve">
              Approve…
            </Button>
          }
          onConfirm={async () => {
            await adminMoneyEndpoints.approvePayout(api, payout.id);
            await done('Payout approved');
          }}
        />
        {reject}
      </span>
    );
  if (payout.status === 'approved')
    return (
      <span className="zamio-button-row">
        <ConfirmDialog
          title="Mark this payout paid?"
          description={`${who}. Enter the reference of the transfer you made.`}
          confirmLabel="Mark paid"
          trigger={
            <Button size="sm" variant="primary" data-testid="payout-paid">
              Mark paid…
            </Button>
          }
          onConfirm={async () => {
            await adminMoneyEndpoints.markPayoutPaid(
              api,
              payout.id,
              requiredText(reference, 'the mobile money or bank reference'),
            );
            await done('Payout marked paid');
          }}
        >
          <TextField
            label="External reference"
            hint="The mobile money transaction id or the bank's reference."
            value={reference}
            maxLength={120}
            onChange={(event) => setReference(event.target.value)}
            required
            data-testid="payout-reference"
          />
        </ConfirmDialog>
        {reject}
      </span>
    );
  if (payout.status === 'paid') return <>Reference {payout.externalReference}</>;
  return <>Rejected: {payout.rejectedReason}</>;
}

const COLUMNS: DataColumn<Payout>[] = [
  { key: 'requestedAt', header: 'Requested', sortable: true, render: (p) => formatDateTime(p.requestedAt) },
  { key: 'user', header: 'Payee', render: (p) => p.userName },
  {
    key: 'amountMinor',
    header: 'Amount',
    sortable: true,
    align: 'end',
    render: (p) => formatGhs(p.amountMinor),
  },
  { key: 'to', header: 'To', render: (p) => `${METHOD[p.method]} ${p.destination}` },
  { key: 'status', header: 'State', render: (p) => <StatusBadge status={p.status} /> },
  { key: 'actions', header: 'Action', cardLabel: '', render: (p) => <PayoutActions payout={p} /> },
];

export default function PayoutsPage() {
  const api = useApiClient();
  const [status, setStatus] = useState('requested');
  const table = useCursorPages<Payout, { status: string }>({
    queryKey: payoutsQueryKey,
    filters: { status },
    initialSort: { key: 'requestedAt', direction: 'asc' },
    fetchPage: ({ signal, ...request }) =>
      adminMoneyEndpoints.listPayouts(api, payoutListQuery(request), signal),
  });
  return (
    <>
      <div className="zamio-page-head">
        <h1>Payouts</h1>
      </div>
      <p className="zamio-muted">
        Requests come from earners&apos; available balance (earnings of locked cycles, less held and requested
        amounts). Approve, make the transfer, then mark it paid with its reference.
      </p>
      <DataTable
        caption="Payouts queue"
        columns={COLUMNS}
        rowKey={(p) => p.id}
        empty={status ? 'No payouts in this state.' : 'No payout requested yet.'}
        data-testid="admin-payouts-table"
        toolbar={
          <StateFilter
            value={status}
            onChange={setStatus}
            options={PAYOUT_STATE_OPTIONS}
            data-testid="admin-payouts-state"
          />
        }
        {...table.tableProps}
      />
    </>
  );
}

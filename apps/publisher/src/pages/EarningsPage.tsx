// Earnings through the publisher: the balance, a chart per month, and one row
// per royalty cycle with its statement.
import { publisherEndpoints } from '@zamio/api-client';
import {
  BalanceSummary,
  Button,
  Card,
  DataTable,
  ErrorBanner,
  PageLoading,
  StatusBadge,
  buttonClassName,
  earningsPerMonth,
  formatDate,
  formatGhs,
  useApiClient,
  type DataColumn,
} from '@zamio/ui';
import type { CycleEarning } from '@zamio/contracts';
import { EarningsPerMonthChart } from '@zamio/ui/charts';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { earningsQueryKey } from '../publisher-queries';

const COLUMNS: DataColumn<CycleEarning>[] = [
  { key: 'cycle', header: 'Cycle', render: (cycle) => <strong>{cycle.cycleName}</strong> },
  {
    key: 'periodStart',
    header: 'Period from',
    render: (cycle) => formatDate(`${cycle.periodStart}T12:00:00Z`),
  },
  { key: 'status', header: 'Status', render: (cycle) => <StatusBadge status={cycle.status} /> },
  { key: 'amount', header: 'Earned', align: 'end', render: (cycle) => formatGhs(cycle.amountMinor) },
  { key: 'held', header: 'Held', align: 'end', render: (cycle) => formatGhs(cycle.heldMinor) },
  {
    key: 'statement',
    header: 'Statement',
    cardLabel: '',
    render: (cycle) => (
      <Link
        to={`/statements?cycle=${cycle.cycleId}`}
        className={buttonClassName({ size: 'sm', variant: 'ghost' })}
        data-testid="earnings-statement"
      >
        Statement
      </Link>
    ),
  },
];

export default function EarningsPage() {
  const api = useApiClient();
  const earnings = useQuery({
    queryKey: earningsQueryKey,
    queryFn: ({ signal }) => publisherEndpoints.earnings(api, signal),
  });

  return (
    <>
      <h1>Earnings</h1>
      <p className="zamio-muted">
        Royalties paid through you for your signed artists' plays, per royalty cycle. A cycle's amount is
        final once an admin locks it.
      </p>
      {earnings.isPending ? <PageLoading /> : null}
      {earnings.isError ? (
        <ErrorBanner
          title="Earnings could not be loaded"
          error={earnings.error}
          action={<Button onClick={() => void earnings.refetch()}>Try again</Button>}
        />
      ) : null}
      {earnings.data ? (
        <>
          <div className="zamio-grid">
            <Card title="Balance">
              <BalanceSummary balance={earnings.data.balance} />
              <Link to="/payouts" className={buttonClassName({ variant: 'primary' })}>
                Request a payout
              </Link>
            </Card>
            <EarningsPerMonthChart data={earningsPerMonth(earnings.data.cycles)} />
          </div>
          <DataTable
            caption="Earnings per cycle"
            columns={COLUMNS}
            rows={earnings.data.cycles}
            rowKey={(cycle) => cycle.cycleId}
            empty="Nothing earned yet. Earnings appear when an admin calculates a cycle with your artists' plays."
            data-testid="earnings-table"
          />
        </>
      ) : null}
    </>
  );
}

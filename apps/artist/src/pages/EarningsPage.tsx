// The artist's earnings: the balance (earned, held, available), a chart per
// month, every cycle's amount, and per track for a chosen cycle (from its statement).
import type { CycleEarning, Statement } from '@zamio/contracts';
import { artistMoneyEndpoints } from '../money/artist-money-endpoints';
import {
  BalanceSummary,
  Button,
  Card,
  DataTable,
  ErrorBanner,
  PageLoading,
  SelectField,
  StatusBadge,
  formatCount,
  formatDate,
  formatDuration,
  earningsPerMonth,
  formatGhs,
  useApiClient,
  type DataColumn,
} from '@zamio/ui';
import { EarningsPerMonthChart } from '@zamio/ui/charts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { earningsQueryKey, statementQueryKey } from '../money/money-queries';

const CYCLE_COLUMNS: DataColumn<CycleEarning>[] = [
  {
    key: 'cycle',
    header: 'Cycle',
    render: (cycle) => (
      <Link
        to={`/statements/${cycle.cycleId}`}
        className="zamio-strong-link"
        data-testid="earning-cycle-link"
      >
        {cycle.cycleName}
      </Link>
    ),
  },
  { key: 'start', header: 'From', render: (cycle) => formatDate(cycle.periodStart) },
  { key: 'status', header: 'Status', render: (cycle) => <StatusBadge status={cycle.status} /> },
  { key: 'amount', header: 'Earned', align: 'end', render: (cycle) => formatGhs(cycle.amountMinor) },
  { key: 'held', header: 'Held', align: 'end', render: (cycle) => formatGhs(cycle.heldMinor) },
];

type TrackRow = Statement['byTrack'][number];
const TRACK_COLUMNS: DataColumn<TrackRow>[] = [
  { key: 'track', header: 'Track', render: (row) => row.label },
  { key: 'isrc', header: 'ISRC', render: (row) => row.isrc ?? '—' },
  { key: 'plays', header: 'Plays', align: 'end', render: (row) => formatCount(row.plays) },
  {
    key: 'seconds',
    header: 'Airtime',
    align: 'end',
    render: (row) => formatDuration(Math.round(row.seconds)),
  },
  { key: 'payable', header: 'Payable', align: 'end', render: (row) => formatGhs(row.payableMinor) },
  { key: 'held', header: 'Held', align: 'end', render: (row) => formatGhs(row.heldMinor) },
];

export default function EarningsPage() {
  const api = useApiClient();
  const earnings = useQuery({
    queryKey: earningsQueryKey,
    queryFn: ({ signal }) => artistMoneyEndpoints.earnings(api, signal),
  });
  const cycles = earnings.data?.cycles ?? [];
  const [chosen, setChosen] = useState('');
  const cycleId = chosen || cycles[0]?.cycleId || '';
  const statement = useQuery({
    queryKey: statementQueryKey(cycleId),
    queryFn: ({ signal }) => artistMoneyEndpoints.statement(api, cycleId, signal),
    enabled: cycleId !== '',
  });

  if (earnings.isPending) return <PageLoading />;
  if (earnings.isError)
    return (
      <ErrorBanner
        title="Your earnings could not be loaded"
        error={earnings.error}
        action={<Button onClick={() => void earnings.refetch()}>Try again</Button>}
      />
    );
  return (
    <>
      <div className="zamio-page-head">
        <h1>Earnings</h1>
      </div>
      <p className="zamio-muted">
        What your plays earned, cycle by cycle. A cycle is paid out once an admin locks it; plays you dispute
        are held until the dispute is decided.
      </p>
      <BalanceSummary balance={earnings.data.balance} />
      <div className="zamio-grid">
        <EarningsPerMonthChart data={earningsPerMonth(cycles)} />
      </div>
      <DataTable
        caption="By cycle"
        columns={CYCLE_COLUMNS}
        rows={cycles}
        rowKey={(cycle) => cycle.cycleId}
        empty="No cycle has been calculated with your plays yet."
        data-testid="earnings-cycles-table"
      />
      {cycles.length > 0 ? (
        <Card title="By track" data-testid="earnings-by-track">
          <SelectField
            label="Cycle"
            value={cycleId}
            onChange={(event) => setChosen(event.target.value)}
            options={cycles.map((cycle) => ({ value: cycle.cycleId, label: cycle.cycleName }))}
            data-testid="earnings-track-cycle"
          />
          {statement.isError ? (
            <ErrorBanner title="This cycle's statement could not be loaded" error={statement.error} />
          ) : (
            <DataTable
              caption="Tracks in this cycle"
              columns={TRACK_COLUMNS}
              rows={statement.data?.byTrack}
              loading={statement.isPending}
              rowKey={(row) => row.id}
              empty="None of your tracks earned in this cycle."
              data-testid="earnings-tracks-table"
            />
          )}
        </Card>
      ) : null}
    </>
  );
}

// A cycle's statement for the publisher: totals, per track and per station,
// every play line (held ones marked), and the same statement as CSV or PDF.
import type { Statement } from '@zamio/contracts';
import { publisherEndpoints } from '@zamio/api-client';
import {
  Card,
  DataTable,
  EmptyState,
  ErrorBanner,
  PageLoading,
  SelectField,
  StatusBadge,
  buttonClassName,
  formatCount,
  formatDateTime,
  formatDuration,
  formatGhs,
  useApiClient,
  type DataColumn,
} from '@zamio/ui';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { earningsQueryKey, statementQueryKey } from '../publisher-queries';

type Group = Statement['byTrack'][number];
type Line = Statement['lines'][number];

const groupColumns = (label: string): DataColumn<Group>[] => [
  {
    key: 'label',
    header: label,
    render: (group) => (
      <>
        <strong>{group.label}</strong>
        {group.isrc ? <span className="zamio-muted"> · {group.isrc}</span> : null}
      </>
    ),
  },
  { key: 'plays', header: 'Plays', align: 'end', render: (group) => formatCount(group.plays) },
  {
    key: 'seconds',
    header: 'Airtime',
    align: 'end',
    render: (group) => formatDuration(Math.round(group.seconds)),
  },
  { key: 'payable', header: 'Payable', align: 'end', render: (group) => formatGhs(group.payableMinor) },
  { key: 'held', header: 'Held', align: 'end', render: (group) => formatGhs(group.heldMinor) },
];

const LINE_COLUMNS: DataColumn<Line>[] = [
  { key: 'startedAt', header: 'Played', render: (line) => formatDateTime(line.startedAt) },
  { key: 'track', header: 'Track', render: (line) => line.trackTitle },
  { key: 'station', header: 'Station', render: (line) => line.stationName },
  { key: 'contributor', header: 'For', render: (line) => line.contributorName ?? '—' },
  {
    key: 'seconds',
    header: 'Seconds',
    align: 'end',
    render: (line) => formatCount(Math.round(line.seconds)),
  },
  { key: 'amount', header: 'Amount', align: 'end', render: (line) => formatGhs(line.amountMinor) },
  {
    key: 'held',
    header: 'State',
    render: (line) =>
      line.held ? (
        <StatusBadge status="held" label="Held (disputed)" />
      ) : (
        <StatusBadge status="ok" label="Payable" />
      ),
  },
];

export default function StatementsPage() {
  const api = useApiClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const earnings = useQuery({
    queryKey: earningsQueryKey,
    queryFn: ({ signal }) => publisherEndpoints.earnings(api, signal),
  });
  const cycles = earnings.data?.cycles ?? [];
  const cycleId = searchParams.get('cycle') ?? cycles[0]?.cycleId ?? '';
  const statement = useQuery({
    queryKey: statementQueryKey(cycleId),
    queryFn: ({ signal }) => publisherEndpoints.statement(api, cycleId, signal),
    enabled: cycleId !== '',
  });

  return (
    <>
      <h1>Statements</h1>
      <p className="zamio-muted">
        What each royalty cycle paid through you, per track, per station and per play. The totals match the
        ledger exactly; held amounts wait for a dispute to be resolved.
      </p>
      {earnings.isPending ? <PageLoading /> : null}
      {earnings.isError ? <ErrorBanner title="Cycles could not be loaded" error={earnings.error} /> : null}
      {earnings.data && cycles.length === 0 ? (
        <EmptyState title="No statements yet">
          A statement appears once an admin calculates a cycle that includes your signed artists' plays.
        </EmptyState>
      ) : null}
      {cycles.length > 0 ? (
        <div className="zamio-filters">
          <SelectField
            label="Cycle"
            value={cycleId}
            onChange={(event) => setSearchParams({ cycle: event.target.value }, { replace: true })}
            options={cycles.map((cycle) => ({ value: cycle.cycleId, label: cycle.cycleName }))}
            data-testid="statement-cycle"
          />
        </div>
      ) : null}
      {statement.isError ? (
        <ErrorBanner title="The statement could not be loaded" error={statement.error} />
      ) : null}
      {statement.data ? <StatementView statement={statement.data} /> : null}
    </>
  );
}

function StatementView({ statement }: { statement: Statement }) {
  const api = useApiClient();
  const { cycle, totals } = statement;
  return (
    <>
      <Card
        title={`${cycle.name}: ${cycle.periodStart} to ${cycle.periodEnd}`}
        data-testid="statement-summary"
      >
        <dl className="zamio-facts">
          <dt>Cycle</dt>
          <dd>
            <StatusBadge status={cycle.status} />
          </dd>
          <dt>Plays</dt>
          <dd>{formatCount(totals.plays)}</dd>
          <dt>Payable</dt>
          <dd data-testid="statement-payable">
            <strong>{formatGhs(totals.payableMinor)}</strong>
          </dd>
          <dt>Held</dt>
          <dd>{formatGhs(totals.heldMinor)}</dd>
          <dt>Total</dt>
          <dd>{formatGhs(totals.totalMinor)}</dd>
        </dl>
        <div className="zamio-button-row">
          <a
            className={buttonClassName()}
            href={publisherEndpoints.statementDownloadUrl(api, cycle.id, 'csv')}
            download
            data-testid="statement-csv"
          >
            Download CSV
          </a>
          <a
            className={buttonClassName()}
            href={publisherEndpoints.statementDownloadUrl(api, cycle.id, 'pdf')}
            download
            data-testid="statement-pdf"
          >
            Download PDF
          </a>
        </div>
      </Card>
      <div className="zamio-grid">
        <DataTable
          caption="Per track"
          columns={groupColumns('Track')}
          rows={statement.byTrack}
          rowKey={(group) => group.id}
          empty="No tracks in this cycle."
        />
        <DataTable
          caption="Per station"
          columns={groupColumns('Station')}
          rows={statement.byStation}
          rowKey={(group) => group.id}
          empty="No stations in this cycle."
        />
      </div>
      <DataTable
        caption="Plays in this statement"
        columns={LINE_COLUMNS}
        rows={statement.lines}
        rowKey={(line) => `${line.playId}:${line.contributorName ?? ''}`}
        empty="No plays in this cycle."
        data-testid="statement-lines"
      />
    </>
  );
}

// A cycle's statement for the publisher (the kit's StatementView): totals, per
// track and per station, every play line (held ones marked), CSV and PDF.
import { publisherEndpoints } from '@zamio/api-client';
import {
  Card,
  EmptyState,
  ErrorBanner,
  PageLoading,
  SelectField,
  StatementView,
  useApiClient,
} from '@zamio/ui';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { earningsQueryKey, statementQueryKey } from '../publisher-queries';

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
      {statement.data ? (
        <Card title={statement.data.cycle.name} data-testid="statement-summary">
          <StatementView
            statement={statement.data}
            csvUrl={publisherEndpoints.statementDownloadUrl(api, statement.data.cycle.id, 'csv')}
            pdfUrl={publisherEndpoints.statementDownloadUrl(api, statement.data.cycle.id, 'pdf')}
          />
        </Card>
      ) : null}
    </>
  );
}

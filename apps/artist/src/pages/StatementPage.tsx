// One cycle's statement for the artist: the page, its CSV and PDF, and a
// dispute from any line that is not already held.
import { artistMoneyEndpoints } from '../money/artist-money-endpoints';
import { Button, ErrorBanner, PageLoading, StatementView, useApiClient, type StatementLine } from '@zamio/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { DisputePlayDialog, type DisputablePlay } from '../money/DisputePlayDialog';
import { statementQueryKey } from '../money/money-queries';

export default function StatementPage() {
  const api = useApiClient();
  const cycleId = useParams().id ?? '';
  const [disputing, setDisputing] = useState<DisputablePlay>();
  const statement = useQuery({
    queryKey: statementQueryKey(cycleId),
    queryFn: ({ signal }) => artistMoneyEndpoints.statement(api, cycleId, signal),
  });
  const disputeAction = (line: StatementLine) =>
    line.held ? (
      <span className="zamio-muted">Disputed</span>
    ) : (
      <Button
        size="sm"
        variant="ghost"
        onClick={() =>
          setDisputing({
            id: line.playId,
            trackTitle: line.trackTitle,
            stationName: line.stationName,
            startedAt: line.startedAt,
          })
        }
        data-testid="statement-dispute"
      >
        Dispute
      </Button>
    );
  return (
    <>
      <nav className="zamio-breadcrumb" aria-label="Breadcrumb">
        <Link to="/statements">Statements</Link>
      </nav>
      <div className="zamio-page-head">
        <h1 data-testid="statement-heading">
          {statement.data ? `Statement — ${statement.data.cycle.name}` : 'Statement'}
        </h1>
      </div>
      {statement.isPending ? <PageLoading /> : null}
      {statement.isError ? (
        <ErrorBanner title="This statement could not be loaded" error={statement.error} />
      ) : null}
      {statement.data ? (
        <StatementView
          statement={statement.data}
          csvUrl={artistMoneyEndpoints.statementDownloadUrl(api, cycleId, 'csv')}
          pdfUrl={artistMoneyEndpoints.statementDownloadUrl(api, cycleId, 'pdf')}
          lineAction={disputeAction}
        />
      ) : null}
      <DisputePlayDialog
        play={disputing}
        onOpenChange={(open) => {
          if (!open) {
            setDisputing(undefined);
            void statement.refetch();
          }
        }}
      />
    </>
  );
}

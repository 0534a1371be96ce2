// One cycle's statement for the artist: the page, its CSV and PDF, and a
// dispute from any line that is not already held.
import { artistMoneyEndpoints } from '../money/artist-money-endpoints';
import { Button, StatementPageBody, useApiClient, type StatementLine } from '@zamio/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ArtistDisputeDialog, type DisputedPlay } from '../money/ArtistDisputeDialog';
import { statementQueryKey } from '../money/money-queries';

export default function StatementPage() {
  const api = useApiClient();
  const cycleId = useParams().id ?? '';
  const [disputing, setDisputing] = useState<DisputedPlay>();
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
            playId: line.playId,
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
    <StatementPageBody
      statement={statement}
      back={{ to: '/statements', label: 'Statements' }}
      heading={(loaded) => `Statement — ${loaded.cycle.name}`}
      csvUrl={artistMoneyEndpoints.statementDownloadUrl(api, cycleId, 'csv')}
      pdfUrl={artistMoneyEndpoints.statementDownloadUrl(api, cycleId, 'pdf')}
      lineAction={disputeAction}
    >
      <ArtistDisputeDialog
        play={disputing}
        onOpenChange={(open) => {
          if (!open) {
            setDisputing(undefined);
            void statement.refetch();
          }
        }}
      />
    </StatementPageBody>
  );
}

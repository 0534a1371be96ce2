// The artist's disputes: each with its state and the admin's note, and a new
// one for a recent play (or from the plays page and a statement line).
import type { Play } from '@zamio/contracts';
import { artistEndpoints } from '@zamio/api-client';
import { Button, Card, EarnerDisputesTable, SelectField, formatDateTime, useApiClient } from '@zamio/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ArtistDisputeDialog, disputedPlayOf, type DisputedPlay } from '../money/ArtistDisputeDialog';
import { disputesQueryKey } from '../money/money-queries';
import { playsQueryKey } from '../tracks/track-queries';

const playLabel = (play: Play) =>
  `${play.trackTitle} · ${play.stationName} · ${formatDateTime(play.startedAt)}`;

export default function DisputesPage() {
  const api = useApiClient();
  const [playId, setPlayId] = useState('');
  const [disputing, setDisputing] = useState<DisputedPlay>();
  const plays = useQuery({
    queryKey: [...playsQueryKey, 'dispute-options'],
    queryFn: ({ signal }) => artistEndpoints.listPlays(api, { limit: 50 }, signal),
  });
  const chosen = plays.data?.items.find((play) => play.id === playId);

  return (
    <>
      <div className="zamio-page-head">
        <h1>Disputes</h1>
      </div>
      <p className="zamio-muted">
        Dispute a play that was wrongly recognised or timed. While a dispute is open its earnings are held; an
        admin upholds it (the play is reversed) or rejects it (the earnings are released).
      </p>
      <Card title="Dispute a play" data-testid="dispute-new">
        <div className="zamio-inline-form">
          <SelectField
            label="Play"
            placeholder={
              plays.isPending
                ? 'Loading plays…'
                : plays.data?.items.length === 0
                  ? 'No plays yet'
                  : 'Choose one of your recent plays'
            }
            error={
              plays.isError ? 'Your plays could not be loaded; reload the page to try again.' : undefined
            }
            value={playId}
            onChange={(event) => setPlayId(event.target.value)}
            options={(plays.data?.items ?? []).map((play) => ({ value: play.id, label: playLabel(play) }))}
            data-testid="dispute-play"
          />
          <Button
            variant="primary"
            disabled={!chosen}
            onClick={() => chosen && setDisputing(disputedPlayOf(chosen))}
            data-testid="dispute-open"
          >
            Dispute…
          </Button>
        </div>
      </Card>
      <EarnerDisputesTable role="artist" queryKey={disputesQueryKey} empty="You have not disputed a play." />
      <ArtistDisputeDialog
        play={disputing}
        onOpenChange={(open) => {
          if (!open) {
            setDisputing(undefined);
            setPlayId('');
          }
        }}
      />
    </>
  );
}

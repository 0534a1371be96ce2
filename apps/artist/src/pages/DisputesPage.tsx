// The artist's disputes: each with its state and the admin's note, and a new
// one for a recent play (or from the plays page and a statement line).
import type { Dispute, DisputeStatusName, Play } from '@zamio/contracts';
import { artistEndpoints } from '@zamio/api-client';
import { artistMoneyEndpoints } from '../money/artist-money-endpoints';
import {
  Button,
  Card,
  DataTable,
  SelectField,
  StatusBadge,
  formatDateTime,
  useApiClient,
  useCursorPages,
  type DataColumn,
  disputeListQuery,
} from '@zamio/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ArtistDisputeDialog, disputedPlayOf, type DisputedPlay } from '../money/ArtistDisputeDialog';
import { disputesQueryKey } from '../money/money-queries';
import { playsQueryKey } from '../tracks/track-queries';

export const DISPUTE_STATUS_OPTIONS: { value: DisputeStatusName; label: string }[] = [
  { value: 'open', label: 'Open (earnings held)' },
  { value: 'upheld', label: 'Upheld (reversed)' },
  { value: 'rejected', label: 'Rejected (released)' },
];

const COLUMNS: DataColumn<Dispute>[] = [
  { key: 'createdAt', header: 'Raised', sortable: true, render: (d) => formatDateTime(d.createdAt) },
  { key: 'play', header: 'Play', render: (d) => `${d.trackTitle} · ${d.stationName}` },
  { key: 'playedAt', header: 'Played', render: (d) => formatDateTime(d.playStartedAt) },
  { key: 'reason', header: 'Reason', render: (d) => d.reason },
  {
    key: 'status',
    header: 'State',
    render: (d) => <StatusBadge status={d.status} data-testid="dispute-status" />,
  },
  {
    key: 'outcome',
    header: 'Decision',
    render: (d) =>
      d.status === 'open'
        ? 'Waiting for an admin'
        : `${d.resolutionNote ?? 'No note'} (${formatDateTime(d.resolvedAt!)})`,
  },
];

const playLabel = (play: Play) =>
  `${play.trackTitle} · ${play.stationName} · ${formatDateTime(play.startedAt)}`;

export default function DisputesPage() {
  const api = useApiClient();
  const [status, setStatus] = useState('');
  const [playId, setPlayId] = useState('');
  const [disputing, setDisputing] = useState<DisputedPlay>();
  const table = useCursorPages<Dispute, { status: string }>({
    queryKey: disputesQueryKey,
    filters: { status },
    initialSort: { key: 'createdAt', direction: 'desc' },
    fetchPage: ({ signal, ...request }) =>
      artistMoneyEndpoints.listDisputes(api, disputeListQuery(request), signal),
  });
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
            placeholder={plays.isPending ? 'Loading plays…' : 'Choose one of your recent plays'}
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
      <DataTable
        caption="Your disputes"
        columns={COLUMNS}
        rowKey={(d) => d.id}
        empty={status ? 'No disputes in this state.' : 'You have not disputed a play.'}
        data-testid="disputes-table"
        toolbar={
          <SelectField
            label="State"
            placeholder="All states"
            value={status}
            onChange={(event) => setStatus(event.target.value)}
            options={DISPUTE_STATUS_OPTIONS}
          />
        }
        {...table.tableProps}
      />
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

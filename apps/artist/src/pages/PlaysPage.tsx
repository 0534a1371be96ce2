// Plays of the artist's tracks: filters (station, track, date range), the
// server-paged table, and charts per day and per station for the same
// filters. New and changed plays arrive live; any play can be disputed.
import type { Play } from '@zamio/contracts';
import { artistEndpoints } from '@zamio/api-client';
import {
  Button,
  DataTable,
  DateRangeField,
  ErrorBanner,
  LiveStatusBadge,
  SelectField,
  StatusBadge,
  dateRangeProblem,
  formatDateTime,
  formatDuration,
  useApiClient,
  useCursorPages,
  useLiveInvalidation,
  type DataColumn,
  type DateRange,
} from '@zamio/ui';
import { PlaysPerDayChart, PlaysPerStationChart } from '@zamio/ui/charts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ArtistDisputeDialog, disputedPlayOf, type DisputedPlay } from '../money/ArtistDisputeDialog';
import { rangeOfDays, defaultPlaysRange } from '../plays/play-range';
import {
  ARTIST_LIVE_INVALIDATION,
  playsQueryKey,
  playsSummaryQueryKey,
  tracksQueryKey,
} from '../tracks/track-queries';

const columnsOf = (dispute: (play: Play) => void): DataColumn<Play>[] => [
  { key: 'track', header: 'Track', render: (play) => play.trackTitle },
  { key: 'station', header: 'Station', render: (play) => play.stationName },
  { key: 'startedAt', header: 'Started', render: (play) => formatDateTime(play.startedAt) },
  { key: 'endedAt', header: 'Ended', render: (play) => formatDateTime(play.endedAt) },
  {
    key: 'duration',
    header: 'Duration',
    align: 'end',
    render: (play) => formatDuration(Math.round(play.durationSeconds)),
  },
  {
    key: 'confidence',
    header: 'Confidence',
    align: 'end',
    render: (play) => `${Math.round(play.confidence * 100)} %`,
  },
  { key: 'status', header: 'Status', render: (play) => <StatusBadge status={play.status} /> },
  {
    key: 'dispute',
    header: 'Dispute',
    cardLabel: '',
    render: (play) => (
      <Button size="sm" variant="ghost" onClick={() => dispute(play)} data-testid="play-dispute">
        Dispute
      </Button>
    ),
  },
];

export default function PlaysPage() {
  const api = useApiClient();
  useLiveInvalidation(ARTIST_LIVE_INVALIDATION);
  const [searchParams] = useSearchParams();
  const [station, setStation] = useState('');
  const [track, setTrack] = useState(searchParams.get('track') ?? '');
  const [days, setDays] = useState<DateRange>(defaultPlaysRange);
  const [disputing, setDisputing] = useState<DisputedPlay>();
  const valid = !dateRangeProblem(days);
  const range = rangeOfDays(days);

  const summary = useQuery({
    queryKey: [...playsSummaryQueryKey, { track, range }],
    queryFn: ({ signal }) =>
      artistEndpoints.playsSummary(api, { ...range, ...(track ? { track } : {}) }, signal),
    enabled: valid,
  });
  const tracks = useQuery({
    queryKey: [...tracksQueryKey, 'options'],
    queryFn: ({ signal }) => artistEndpoints.listTracks(api, { limit: 200 }, signal),
  });
  const table = useCursorPages<Play, { station: string; track: string; from: string; to: string }>({
    queryKey: playsQueryKey,
    filters: { station, track, ...range },
    limit: 25,
    fetchPage: ({ limit, cursor, filters, signal }) =>
      artistEndpoints.listPlays(
        api,
        {
          limit,
          cursor,
          from: filters.from,
          to: filters.to,
          ...(filters.station ? { station: filters.station } : {}),
          ...(filters.track ? { track: filters.track } : {}),
        },
        signal,
      ),
  });

  const perStation = summary.data?.perStation ?? [];
  return (
    <>
      <div className="zamio-page-head">
        <h1>Plays</h1>
        <LiveStatusBadge />
      </div>
      <p className="zamio-muted">
        Every time one of your tracks was recognised on a station. A play is built from consecutive
        detections; it updates while the track is still on air.
      </p>
      <div className="zamio-filters" data-testid="plays-filters">
        <DateRangeField label="Played between" value={days} onChange={setDays} data-testid="plays-range" />
        <SelectField
          label="Track"
          placeholder="All tracks"
          value={track}
          onChange={(event) => setTrack(event.target.value)}
          options={(tracks.data?.items ?? []).map((item) => ({ value: item.id, label: item.title }))}
          data-testid="plays-track-filter"
        />
        <SelectField
          label="Station"
          placeholder="All stations"
          value={station}
          onChange={(event) => setStation(event.target.value)}
          options={perStation.map((item) => ({ value: item.stationId, label: item.station }))}
          data-testid="plays-station-filter"
        />
      </div>
      {summary.isError ? <ErrorBanner title="The charts could not be loaded" error={summary.error} /> : null}
      {summary.data ? (
        <div className="zamio-grid" data-testid="plays-charts">
          <PlaysPerDayChart data={summary.data.perDay.map(({ day, plays }) => ({ day, plays }))} />
          <PlaysPerStationChart
            data={perStation.map(({ station: name, plays }) => ({ station: name, plays }))}
          />
        </div>
      ) : null}
      <DataTable
        caption="Plays"
        columns={columnsOf((play) => setDisputing(disputedPlayOf(play)))}
        rowKey={(play) => play.id}
        empty="No plays in this period. Plays appear here as soon as a station airs one of your ready tracks."
        data-testid="plays-table"
        {...table.tableProps}
      />
      <ArtistDisputeDialog play={disputing} onOpenChange={(open) => !open && setDisputing(undefined)} />
    </>
  );
}

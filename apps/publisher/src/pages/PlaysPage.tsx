// Plays of the signed artists' tracks: filters (artist, track, station, date
// range), the server-paged and sortable table, plays per station for the same
// filters, and "Dispute" on a play that is wrong.
import type { SignedPlay } from '@zamio/contracts';
import { publisherEndpoints } from '@zamio/api-client';
import {
  Button,
  DataTable,
  DateRangeField,
  DisputePlayDialog,
  ErrorBanner,
  SelectField,
  StatusBadge,
  dateRangeProblem,
  formatDateTime,
  formatDuration,
  useApiClient,
  useCursorPages,
  type DataColumn,
  type DateRange,
  type DisputedPlay,
} from '@zamio/ui';
import { PlaysPerStationChart } from '@zamio/ui/charts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { defaultPlaysRange, rangeOfDays } from '../plays/play-range';
import {
  catalogQueryKey,
  disputesQueryKey,
  earningsQueryKey,
  playsQueryKey,
  playsSummaryQueryKey,
  rosterQueryKey,
} from '../publisher-queries';

interface PlayFilters {
  artist: string;
  track: string;
  station: string;
  from?: string;
  to?: string;
}

const only = (filters: PlayFilters) => ({
  ...(filters.artist ? { artist: filters.artist } : {}),
  ...(filters.track ? { track: filters.track } : {}),
  ...(filters.station ? { station: filters.station } : {}),
  ...(filters.from ? { from: filters.from } : {}),
  ...(filters.to ? { to: filters.to } : {}),
});

export default function PlaysPage() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  const [searchParams] = useSearchParams();
  const [artist, setArtist] = useState(searchParams.get('artist') ?? '');
  const [track, setTrack] = useState(searchParams.get('track') ?? '');
  const [station, setStation] = useState('');
  const [days, setDays] = useState<DateRange>(defaultPlaysRange);
  const [disputing, setDisputing] = useState<DisputedPlay | undefined>();
  const valid = !dateRangeProblem(days);
  const filters: PlayFilters = { artist, track, station, ...rangeOfDays(days) };

  const roster = useQuery({
    queryKey: rosterQueryKey,
    queryFn: ({ signal }) => publisherEndpoints.roster(api, signal),
  });
  const tracks = useQuery({
    queryKey: [...catalogQueryKey, 'options', artist],
    queryFn: ({ signal }) =>
      publisherEndpoints.listCatalog(api, { limit: 200, ...(artist ? { artist } : {}) }, signal),
  });
  const summary = useQuery({
    queryKey: [...playsSummaryQueryKey, { artist, track, days }],
    queryFn: ({ signal }) =>
      publisherEndpoints.playsSummary(
        api,
        only({ artist, track, station: '', ...rangeOfDays(days) }),
        signal,
      ),
    enabled: valid,
    // The station filter's options come from here: keep them while new filters load.
    placeholderData: keepPreviousData,
  });
  const table = useCursorPages<SignedPlay, PlayFilters>({
    queryKey: playsQueryKey,
    filters,
    limit: 25,
    initialSort: { key: 'startedAt', direction: 'desc' },
    fetchPage: ({ limit, cursor, filters: current, sort, signal }) =>
      publisherEndpoints.listPlays(
        api,
        {
          limit,
          cursor,
          ...only(current),
          ...(sort ? { sort: sort.key === 'seconds' ? 'seconds' : 'startedAt', order: sort.direction } : {}),
        },
        signal,
      ),
  });

  const columns: DataColumn<SignedPlay>[] = [
    {
      key: 'startedAt',
      header: 'Started',
      sortable: true,
      render: (play) => formatDateTime(play.startedAt),
    },
    { key: 'track', header: 'Track', render: (play) => <strong>{play.trackTitle}</strong> },
    { key: 'artist', header: 'Artist', render: (play) => play.artistName },
    { key: 'station', header: 'Station', render: (play) => play.stationName },
    {
      key: 'seconds',
      header: 'Duration',
      align: 'end',
      sortable: true,
      render: (play) => formatDuration(Math.round(play.seconds)),
    },
    { key: 'status', header: 'Status', render: (play) => <StatusBadge status={play.status} /> },
    {
      key: 'actions',
      header: 'Actions',
      cardLabel: '',
      render: (play) =>
        play.status === 'active' ? (
          <Button size="sm" variant="ghost" onClick={() => setDisputing(play)} data-testid="play-dispute">
            Dispute
          </Button>
        ) : null,
    },
  ];
  const perStation = summary.data?.perStation ?? [];

  return (
    <>
      <h1>Plays</h1>
      <p className="zamio-muted">
        Every recognised airing of your signed artists' tracks. Dispute a play that did not happen; its
        royalties are held until an admin decides.
      </p>
      <div className="zamio-filters" data-testid="plays-filters">
        <DateRangeField label="Played between" value={days} onChange={setDays} data-testid="plays-range" />
        <SelectField
          label="Artist"
          placeholder="All signed artists"
          value={artist}
          onChange={(event) => {
            setArtist(event.target.value);
            setTrack('');
          }}
          options={(roster.data ?? [])
            .filter((rel) => rel.status === 'active')
            .map((rel) => ({ value: rel.artistId, label: rel.artistName }))}
          data-testid="plays-artist-filter"
        />
        <SelectField
          label="Track"
          placeholder="All tracks"
          value={track}
          onChange={(event) => setTrack(event.target.value)}
          options={(tracks.data?.items ?? []).map((item) => ({ value: item.trackId, label: item.title }))}
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
      {summary.isError ? <ErrorBanner title="The chart could not be loaded" error={summary.error} /> : null}
      {summary.data ? (
        <PlaysPerStationChart
          data={perStation.map(({ station: name, plays }) => ({ station: name, plays }))}
        />
      ) : null}
      <DataTable
        caption="Plays"
        columns={columns}
        rowKey={(play) => play.playId}
        empty="No plays for these filters. Plays appear when a station airs a signed artist's ready track."
        data-testid="plays-table"
        {...table.tableProps}
      />
      <DisputePlayDialog
        role="publisher"
        play={disputing}
        onOpenChange={(open) => (open ? undefined : setDisputing(undefined))}
        onDisputed={() => {
          void queryClient.invalidateQueries({ queryKey: disputesQueryKey });
          void queryClient.invalidateQueries({ queryKey: earningsQueryKey });
        }}
      />
    </>
  );
}

// Plays on this station: consecutive detections of one track merged into one
// play with start, end and duration; updated live while the track is on air.
import type { Play, PlayStatus } from '@zamio/contracts';
import { stationEndpoints } from '@zamio/api-client';
import {
  DataTable,
  DateRangeField,
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
import { useState } from 'react';
import { STATION_LIVE_INVALIDATION, percentOf, playsQueryKey } from '../airplay/station-queries';

const STATUS_OPTIONS: { value: PlayStatus; label: string }[] = [
  { value: 'active', label: 'Counted' },
  { value: 'flagged', label: 'Flagged' },
];

const COLUMNS: DataColumn<Play>[] = [
  { key: 'track', header: 'Track', render: (play) => <strong>{play.trackTitle}</strong> },
  { key: 'startedAt', header: 'Started', render: (play) => formatDateTime(play.startedAt) },
  { key: 'endedAt', header: 'Ended', render: (play) => formatDateTime(play.endedAt) },
  {
    key: 'duration',
    header: 'Duration',
    align: 'end',
    render: (play) => formatDuration(Math.round(play.durationSeconds)),
  },
  { key: 'evidence', header: 'Detections', align: 'end', render: (play) => play.detectionIds.length },
  { key: 'confidence', header: 'Confidence', align: 'end', render: (play) => percentOf(play.confidence) },
  {
    key: 'status',
    header: 'Status',
    render: (play) => (
      <StatusBadge status={play.status} {...(play.status === 'active' ? { label: 'Counted' } : {})} />
    ),
  },
];

const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString();

export default function PlaysPage() {
  const api = useApiClient();
  useLiveInvalidation(STATION_LIVE_INVALIDATION);
  const [status, setStatus] = useState('');
  const [days, setDays] = useState<DateRange>({ from: '', to: '' });
  const range = dateRangeProblem(days)
    ? {}
    : {
        ...(days.from ? { from: `${days.from}T00:00:00.000Z` } : {}),
        ...(days.to ? { to: dayAfter(days.to) } : {}),
      };
  const table = useCursorPages<Play, { status: string; from?: string; to?: string }>({
    queryKey: playsQueryKey,
    filters: { status, ...range },
    limit: 25,
    fetchPage: ({ limit, cursor, filters, signal }) =>
      stationEndpoints.listPlays(
        api,
        {
          limit,
          cursor,
          ...(filters.status ? { status: filters.status as PlayStatus } : {}),
          ...(filters.from ? { from: filters.from } : {}),
          ...(filters.to ? { to: filters.to } : {}),
        },
        signal,
      ),
  });
  return (
    <>
      <div className="zamio-page-head">
        <h1>Plays</h1>
        <LiveStatusBadge />
      </div>
      <p className="zamio-muted">
        What ZamIO counted as played on your station. Each play is backed by the detections it was built from.
      </p>
      <DataTable
        caption="Plays"
        columns={COLUMNS}
        rowKey={(play) => play.id}
        empty="No plays in this period."
        data-testid="station-plays-table"
        toolbar={
          <>
            <DateRangeField label="Played between" value={days} onChange={setDays} />
            <SelectField
              label="Status"
              placeholder="All plays"
              value={status}
              onChange={(event) => setStatus(event.target.value)}
              options={STATUS_OPTIONS}
            />
          </>
        }
        {...table.tableProps}
      />
    </>
  );
}

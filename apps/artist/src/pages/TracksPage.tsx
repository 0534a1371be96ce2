import type { Track, TrackStatus } from '@zamio/contracts';
import { artistEndpoints } from '@zamio/api-client';
import {
  DataTable,
  SelectField,
  TextField,
  buttonClassName,
  formatDate,
  formatDuration,
  useApiClient,
  useCursorPages,
  type DataColumn,
} from '@zamio/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { TrackStatusBadge } from '../tracks/TrackStatusBadge';
import { SETTLING_POLL_MS, isSettling, tracksQueryKey } from '../tracks/track-queries';

const STATUS_OPTIONS: { value: TrackStatus; label: string }[] = [
  { value: 'ready', label: 'Ready' },
  { value: 'processing', label: 'Processing' },
  { value: 'uploaded', label: 'Uploaded' },
  { value: 'failed', label: 'Failed' },
  { value: 'draft', label: 'Draft (no audio)' },
];

const COLUMNS: DataColumn<Track>[] = [
  {
    key: 'title',
    header: 'Title',
    render: (track) => (
      <Link to={`/tracks/${track.id}`} className="zamio-strong-link" data-testid="track-link">
        {track.title}
      </Link>
    ),
  },
  { key: 'isrc', header: 'ISRC', render: (track) => track.isrc ?? '—' },
  { key: 'status', header: 'Status', render: (track) => <TrackStatusBadge track={track} /> },
  {
    key: 'duration',
    header: 'Duration',
    align: 'end',
    render: (track) =>
      track.durationSeconds === null ? '—' : formatDuration(Math.round(track.durationSeconds)),
  },
  { key: 'created', header: 'Uploaded', render: (track) => formatDate(track.createdAt) },
];

export default function TracksPage() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState('');
  const [search, setSearch] = useState('');
  const table = useCursorPages<Track, { status: string; search: string }>({
    queryKey: tracksQueryKey,
    filters: { status, search: search.trim() },
    limit: 25,
    fetchPage: ({ limit, cursor, filters, signal }) =>
      artistEndpoints.listTracks(
        api,
        {
          limit,
          cursor,
          status: (filters.status || undefined) as TrackStatus | undefined,
          search: filters.search || undefined,
        },
        signal,
      ),
  });

  // While a shown track is being fingerprinted, look again every few seconds.
  const settling = table.rows?.some((track) => isSettling(track.status)) ?? false;
  useEffect(() => {
    if (!settling) return;
    const timer = setInterval(
      () => void queryClient.invalidateQueries({ queryKey: tracksQueryKey }),
      SETTLING_POLL_MS,
    );
    return () => clearInterval(timer);
  }, [settling, queryClient]);

  return (
    <>
      <div className="zamio-page-head">
        <h1>Tracks</h1>
        <Link to="/upload" className={buttonClassName({ variant: 'primary' })}>
          Upload a track
        </Link>
      </div>
      <DataTable
        caption="Your tracks"
        columns={COLUMNS}
        rowKey={(track) => track.id}
        empty={
          status || search
            ? 'No tracks match these filters.'
            : 'No tracks yet. Upload your first track to get started.'
        }
        data-testid="tracks-table"
        toolbar={
          <>
            <TextField
              label="Search titles"
              type="search"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
            <SelectField
              label="Status"
              placeholder="All statuses"
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

// Every capture the station's devices or stream recorder sent: when it was on
// air, its match state (pending → matched / unmatched, or failed with the
// reason after the last attempt) and what it was recognised as.
import type { Capture, CaptureSource, CaptureStatus } from '@zamio/contracts';
import { stationEndpoints } from '@zamio/api-client';
import {
  DataTable,
  LiveStatusBadge,
  SelectField,
  StatusBadge,
  formatDateTime,
  formatDuration,
  useApiClient,
  useCursorPages,
  useLiveInvalidation,
  type DataColumn,
} from '@zamio/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { CaptureAudioDialog } from '../airplay/CaptureAudioDialog';
import {
  PENDING_POLL_MS,
  STATION_LIVE_INVALIDATION,
  capturesQueryKey,
  formatOffset,
  percentOf,
} from '../airplay/station-queries';

const STATUS_OPTIONS: { value: CaptureStatus; label: string }[] = [
  { value: 'pending', label: 'Pending' },
  { value: 'matched', label: 'Matched' },
  { value: 'unmatched', label: 'No match' },
  { value: 'failed', label: 'Failed' },
];
const SOURCE_OPTIONS: { value: CaptureSource; label: string }[] = [
  { value: 'device', label: 'Capture devices' },
  { value: 'stream', label: 'Stream monitoring' },
];

const COLUMNS: DataColumn<Capture>[] = [
  { key: 'startedAt', header: 'On air', render: (capture) => formatDateTime(capture.startedAt) },
  {
    key: 'chunk',
    header: 'Chunk',
    render: (capture) => <code className="zamio-code">{capture.chunkId}</code>,
  },
  {
    key: 'source',
    header: 'Source',
    render: (capture) => (capture.source === 'stream' ? 'Stream' : 'Device'),
  },
  {
    key: 'duration',
    header: 'Length',
    align: 'end',
    render: (capture) =>
      capture.durationSeconds === null ? '—' : formatDuration(Math.round(capture.durationSeconds)),
  },
  {
    key: 'status',
    header: 'Status',
    render: (capture) => (
      <span className="zamio-track-status" data-testid="capture-status" data-status={capture.status}>
        <StatusBadge
          status={capture.status}
          {...(capture.status === 'unmatched' ? { label: 'No match' } : {})}
          {...(capture.deadReason ? { title: capture.deadReason } : {})}
        />
        {capture.status === 'failed' && capture.deadReason ? (
          <span className="zamio-track-status__reason">
            {capture.deadReason} (after {capture.attempts} attempts)
          </span>
        ) : null}
      </span>
    ),
  },
  {
    key: 'result',
    header: 'Result',
    render: (capture) =>
      capture.result ? (
        <span data-testid="capture-result">
          <strong>{capture.result.trackTitle}</strong>{' '}
          <span className="zamio-muted">
            at {formatOffset(capture.result.offsetSeconds)} · {percentOf(capture.result.confidence)}
          </span>
        </span>
      ) : capture.status === 'pending' ? (
        <span className="zamio-muted">Matching…</span>
      ) : (
        '—'
      ),
  },
  {
    key: 'audio',
    header: 'Audio',
    cardLabel: '',
    render: (capture) => <CaptureAudioDialog capture={capture} />,
  },
];

export default function CapturesPage() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  useLiveInvalidation(STATION_LIVE_INVALIDATION);
  const [status, setStatus] = useState('');
  const [source, setSource] = useState('');
  const table = useCursorPages<Capture, { status: string; source: string }>({
    queryKey: capturesQueryKey,
    filters: { status, source },
    limit: 25,
    fetchPage: ({ limit, cursor, filters, signal }) =>
      stationEndpoints.listCaptures(
        api,
        {
          limit,
          cursor,
          ...(filters.status ? { status: filters.status as CaptureStatus } : {}),
          ...(filters.source ? { source: filters.source as CaptureSource } : {}),
        },
        signal,
      ),
  });

  // An unmatched capture's result comes from the worker, not as a live event: look again while one is pending.
  const pending = table.rows?.some((capture) => capture.status === 'pending') ?? false;
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(
      () => void queryClient.invalidateQueries({ queryKey: capturesQueryKey }),
      PENDING_POLL_MS,
    );
    return () => clearInterval(timer);
  }, [pending, queryClient]);

  return (
    <>
      <div className="zamio-page-head">
        <h1>Captures</h1>
        <LiveStatusBadge />
      </div>
      <p className="zamio-muted">
        Short recordings of your broadcast, sent by your capture devices or recorded from your streams, and
        what each was recognised as.
      </p>
      <DataTable
        caption="Captures"
        columns={COLUMNS}
        rowKey={(capture) => capture.id}
        empty={
          status || source
            ? 'No captures match these filters.'
            : 'No captures yet. Issue a device token on the Devices page, or add a stream to monitor.'
        }
        data-testid="captures-table"
        toolbar={
          <>
            <SelectField
              label="Status"
              placeholder="All statuses"
              value={status}
              onChange={(event) => setStatus(event.target.value)}
              options={STATUS_OPTIONS}
            />
            <SelectField
              label="Source"
              placeholder="All sources"
              value={source}
              onChange={(event) => setSource(event.target.value)}
              options={SOURCE_OPTIONS}
            />
          </>
        }
        {...table.tableProps}
      />
    </>
  );
}

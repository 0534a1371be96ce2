// Tracks recognised in the station's captures. The station confirms a
// detection, or flags a wrong one: a flagged detection is left out of plays
// (and royalties) until it is confirmed.
import type { Detection, DetectionState } from '@zamio/contracts';
import { stationEndpoints } from '@zamio/api-client';
import {
  Button,
  DataTable,
  LiveStatusBadge,
  SelectField,
  StatusBadge,
  formatDateTime,
  formatDuration,
  notify,
  useApiClient,
  useCursorPages,
  useLiveInvalidation,
  type DataColumn,
} from '@zamio/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  STATION_LIVE_INVALIDATION,
  detectionsQueryKey,
  formatOffset,
  percentOf,
  playsQueryKey,
} from '../airplay/station-queries';

const STATE_OPTIONS: { value: DetectionState; label: string }[] = [
  { value: 'detected', label: 'To review' },
  { value: 'confirmed', label: 'Confirmed' },
  { value: 'flagged', label: 'Flagged' },
];
const STATE_LABELS: Record<DetectionState, string> = {
  detected: 'To review',
  confirmed: 'Confirmed',
  flagged: 'Flagged',
};

type Review = 'confirm' | 'flag';

export default function DetectionsPage() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  useLiveInvalidation(STATION_LIVE_INVALIDATION);
  const [state, setState] = useState('');
  const table = useCursorPages<Detection, { state: string }>({
    queryKey: detectionsQueryKey,
    filters: { state },
    limit: 25,
    fetchPage: ({ limit, cursor, filters, signal }) =>
      stationEndpoints.listDetections(
        api,
        { limit, cursor, ...(filters.state ? { state: filters.state as DetectionState } : {}) },
        signal,
      ),
  });
  const review = useMutation({
    mutationFn: ({ detection, action }: { detection: Detection; action: Review }) =>
      action === 'confirm'
        ? stationEndpoints.confirmDetection(api, detection.id)
        : stationEndpoints.flagDetection(api, detection.id),
    onSuccess: (_, { detection, action }) => {
      notify.success(action === 'confirm' ? 'Detection confirmed' : 'Detection flagged', {
        description:
          action === 'confirm'
            ? `${detection.trackTitle} counts as played.`
            : `${detection.trackTitle} is left out of plays until you confirm it.`,
      });
      void queryClient.invalidateQueries({ queryKey: detectionsQueryKey });
      void queryClient.invalidateQueries({ queryKey: playsQueryKey });
    },
    onError: (error) =>
      notify.error('The review was not saved', { description: String((error as Error).message) }),
  });
  const busyId = review.isPending ? review.variables?.detection.id : undefined;

  const columns: DataColumn<Detection>[] = [
    { key: 'startedAt', header: 'On air', render: (detection) => formatDateTime(detection.startedAt) },
    { key: 'track', header: 'Track', render: (detection) => <strong>{detection.trackTitle}</strong> },
    {
      key: 'offset',
      header: 'Position in track',
      align: 'end',
      render: (detection) => formatOffset(detection.offsetSeconds),
    },
    {
      key: 'length',
      header: 'Length',
      align: 'end',
      render: (detection) => formatDuration(Math.round(detection.durationSeconds)),
    },
    {
      key: 'confidence',
      header: 'Confidence',
      align: 'end',
      render: (detection) => percentOf(detection.confidence),
    },
    {
      key: 'state',
      header: 'Review',
      render: (detection) => (
        <StatusBadge
          status={detection.state === 'detected' ? 'pending' : detection.state}
          label={STATE_LABELS[detection.state]}
          data-testid="detection-state"
        />
      ),
    },
    {
      key: 'actions',
      header: 'Actions',
      cardLabel: '',
      render: (detection) => (
        <div className="zamio-button-row">
          {detection.state !== 'confirmed' ? (
            <Button
              size="sm"
              variant="primary"
              loading={busyId === detection.id && review.variables?.action === 'confirm'}
              disabled={busyId === detection.id}
              onClick={() => review.mutate({ detection, action: 'confirm' })}
              data-testid="detection-confirm"
            >
              Confirm
            </Button>
          ) : null}
          {detection.state !== 'flagged' ? (
            <Button
              size="sm"
              variant="danger"
              loading={busyId === detection.id && review.variables?.action === 'flag'}
              disabled={busyId === detection.id}
              onClick={() => review.mutate({ detection, action: 'flag' })}
              data-testid="detection-flag"
            >
              Flag
            </Button>
          ) : null}
        </div>
      ),
    },
  ];

  return (
    <>
      <div className="zamio-page-head">
        <h1>Detections</h1>
        <LiveStatusBadge />
      </div>
      <p className="zamio-muted">
        Tracks recognised in your captures. Flag a detection that is wrong: it is left out of plays and
        royalties until you confirm it.
      </p>
      <DataTable
        caption="Detections"
        columns={columns}
        rowKey={(detection) => detection.id}
        empty={
          state
            ? 'No detections in this state.'
            : 'No detections yet. They appear here as captures are matched.'
        }
        data-testid="detections-table"
        toolbar={
          <SelectField
            label="Review"
            placeholder="All detections"
            value={state}
            onChange={(event) => setState(event.target.value)}
            options={STATE_OPTIONS}
          />
        }
        {...table.tableProps}
      />
    </>
  );
}

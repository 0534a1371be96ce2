// One imported playlog reconciled against the plays ZamIO detected over its
// hours: rows matched to a play, rows only in the playlog (with whether the
// catalogue knows the track), and plays only detected.
import type { PlaylogReconciliation, ReconciledPlay } from '@zamio/contracts';
import { stationEndpoints } from '@zamio/api-client';
import {
  Button,
  Card,
  DataTable,
  ErrorBanner,
  StatusBadge,
  Tabs,
  formatCount,
  formatDateTime,
  formatDuration,
  useApiClient,
  type DataColumn,
} from '@zamio/ui';
import { useQuery } from '@tanstack/react-query';
import { playlogsQueryKey } from '../airplay/station-queries';
import { RowReport } from './RowReport';

type Matched = PlaylogReconciliation['matched'][number];
type OnlyInPlaylog = PlaylogReconciliation['onlyInPlaylog'][number];

const MATCHED_COLUMNS: DataColumn<Matched>[] = [
  { key: 'row', header: 'Line', align: 'end', render: ({ entry }) => entry.row },
  { key: 'title', header: 'Playlog row', render: ({ entry }) => `${entry.title} — ${entry.artist}` },
  { key: 'playedAt', header: 'Logged at', render: ({ entry }) => formatDateTime(entry.playedAt) },
  { key: 'detected', header: 'Detected at', render: ({ play }) => formatDateTime(play.startedAt) },
  {
    key: 'difference',
    header: 'Difference',
    align: 'end',
    render: ({ startDifferenceSeconds }) => `${Math.round(startDifferenceSeconds)} s`,
  },
];

const ONLY_PLAYLOG_COLUMNS: DataColumn<OnlyInPlaylog>[] = [
  { key: 'row', header: 'Line', align: 'end', render: ({ entry }) => entry.row },
  { key: 'title', header: 'Playlog row', render: ({ entry }) => `${entry.title} — ${entry.artist}` },
  { key: 'isrc', header: 'ISRC', render: ({ entry }) => entry.isrc ?? '—' },
  { key: 'playedAt', header: 'Logged at', render: ({ entry }) => formatDateTime(entry.playedAt) },
  {
    key: 'why',
    header: 'Why no play',
    render: ({ unknownTrack }) =>
      unknownTrack ? (
        <StatusBadge status="unknown" label="Track not in the catalogue" tone="neutral" />
      ) : (
        <StatusBadge status="pending" label="Not detected" />
      ),
  },
];

const PLAY_COLUMNS: DataColumn<ReconciledPlay>[] = [
  { key: 'track', header: 'Track', render: (play) => play.trackTitle },
  { key: 'startedAt', header: 'Started', render: (play) => formatDateTime(play.startedAt) },
  {
    key: 'duration',
    header: 'Duration',
    align: 'end',
    render: (play) => formatDuration(Math.round(play.durationSeconds)),
  },
];

export function PlaylogReconciliationCard({
  playlogId,
  onClose,
}: {
  playlogId: string;
  onClose: () => void;
}) {
  const api = useApiClient();
  const result = useQuery({
    queryKey: [...playlogsQueryKey, playlogId, 'reconciliation'],
    queryFn: ({ signal }) => stationEndpoints.reconcilePlaylog(api, playlogId, undefined, signal),
  });
  return (
    <Card title="Reconciliation" data-testid="playlog-reconciliation">
      {result.isPending ? (
        <p className="zamio-muted" role="status">
          Comparing the playlog with detected plays…
        </p>
      ) : result.isError ? (
        <ErrorBanner
          title="The reconciliation could not be loaded"
          error={result.error}
          action={
            <Button size="sm" onClick={() => void result.refetch()}>
              Try again
            </Button>
          }
        />
      ) : (
        <>
          <p className="zamio-muted">
            {result.data.playlog.firstPlayedAt && result.data.playlog.lastEndedAt
              ? `${formatDateTime(result.data.playlog.firstPlayedAt)} to ${formatDateTime(result.data.playlog.lastEndedAt)}, `
              : ''}
            rows within {result.data.toleranceMinutes} minutes of a detected play of the same track count as
            matched.
          </p>
          <dl className="zamio-summary" data-testid="reconciliation-summary">
            <div>
              <dt>Matched</dt>
              <dd data-testid="reconciliation-matched">{formatCount(result.data.summary.matched)}</dd>
            </div>
            <div>
              <dt>Only in playlog</dt>
              <dd data-testid="reconciliation-only-playlog">
                {formatCount(result.data.summary.onlyInPlaylog)}
              </dd>
            </div>
            <div>
              <dt>Only detected</dt>
              <dd data-testid="reconciliation-only-detected">
                {formatCount(result.data.summary.onlyDetected)}
              </dd>
            </div>
          </dl>
          <Tabs
            label="Reconciliation"
            tabs={[
              {
                value: 'matched',
                label: `Matched (${result.data.matched.length})`,
                content: (
                  <DataTable
                    caption="Rows matched to a detected play"
                    columns={MATCHED_COLUMNS}
                    rows={result.data.matched}
                    rowKey={({ entry }) => entry.id}
                    empty="No row matched a detected play."
                  />
                ),
              },
              {
                value: 'playlog',
                label: `Only in playlog (${result.data.onlyInPlaylog.length})`,
                content: (
                  <DataTable
                    caption="Rows with no detected play"
                    columns={ONLY_PLAYLOG_COLUMNS}
                    rows={result.data.onlyInPlaylog}
                    rowKey={({ entry }) => entry.id}
                    empty="Every row has a detected play."
                  />
                ),
              },
              {
                value: 'detected',
                label: `Only detected (${result.data.onlyDetected.length})`,
                content: (
                  <DataTable
                    caption="Detected plays missing from the playlog"
                    columns={PLAY_COLUMNS}
                    rows={result.data.onlyDetected}
                    rowKey={(play) => play.id}
                    empty="Every detected play is in the playlog."
                  />
                ),
              },
              {
                value: 'rejected',
                label: `Left out (${result.data.playlog.rejectedRows.length})`,
                content: <RowReport rows={result.data.playlog.rejectedRows} caption="Rows not imported" />,
              },
            ]}
          />
        </>
      )}
      <div className="zamio-button-row">
        <Button size="sm" variant="ghost" onClick={onClose}>
          Close
        </Button>
      </div>
    </Card>
  );
}

// One track: its facts and fingerprinting status (polled until it settles),
// its audio, the contributors' splits and its recent plays.
import type { Play, Track } from '@zamio/contracts';
import { artistEndpoints, isApiError } from '@zamio/api-client';
import {
  AudioPlayer,
  Button,
  Card,
  ConfirmDialog,
  DataTable,
  EmptyState,
  ErrorBanner,
  FileUpload,
  PageLoading,
  formatDate,
  formatDateTime,
  formatDuration,
  notify,
  useApiClient,
  useCursorPages,
  useLiveInvalidation,
  type DataColumn,
} from '@zamio/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { SplitsEditor } from '../tracks/SplitsEditor';
import { TrackStatusBadge } from '../tracks/TrackStatusBadge';
import { TRACK_AUDIO_ACCEPT, TRACK_AUDIO_MAX_BYTES } from '../tracks/track-rules';
import {
  ARTIST_LIVE_INVALIDATION,
  SETTLING_POLL_MS,
  STATUS_HINTS,
  isSettling,
  playsQueryKey,
  splitsQueryKey,
  trackQueryKey,
  tracksQueryKey,
} from '../tracks/track-queries';

function TrackFacts({ track }: { track: Track }) {
  return (
    <dl className="zamio-facts" data-testid="track-facts">
      <dt>Status</dt>
      <dd>
        <TrackStatusBadge track={track} /> <span className="zamio-muted">{STATUS_HINTS[track.status]}</span>
      </dd>
      <dt>ISRC</dt>
      <dd>{track.isrc ?? '—'}</dd>
      <dt>Album</dt>
      <dd>{track.album ?? '—'}</dd>
      <dt>Genre</dt>
      <dd>{track.genre ?? '—'}</dd>
      <dt>Release date</dt>
      <dd>{track.releaseDate ? formatDate(`${track.releaseDate}T12:00:00Z`) : '—'}</dd>
      <dt>Duration</dt>
      <dd>{track.durationSeconds === null ? '—' : formatDuration(Math.round(track.durationSeconds))}</dd>
      <dt>Sample rate</dt>
      <dd>{track.sampleRate === null ? '—' : `${(track.sampleRate / 1000).toFixed(1)} kHz`}</dd>
      <dt>Uploaded</dt>
      <dd>{formatDateTime(track.createdAt)}</dd>
    </dl>
  );
}

function SplitsCard({ trackId }: { trackId: string }) {
  const api = useApiClient();
  const queryClient = useQueryClient();
  const splits = useQuery({
    queryKey: splitsQueryKey(trackId),
    queryFn: ({ signal }) => artistEndpoints.getSplits(api, trackId, signal),
  });
  return (
    <Card title="Contributors and splits" data-testid="splits-card">
      <p className="zamio-muted">
        Everyone who earns from this recording, with their share. Active shares must total exactly 100 %; a
        change applies to plays from the moment it is saved.
      </p>
      {splits.isPending ? (
        <p className="zamio-muted" role="status">
          Loading splits…
        </p>
      ) : splits.isError ? (
        <ErrorBanner
          title="The splits could not be loaded"
          error={splits.error}
          action={
            <Button size="sm" onClick={() => void splits.refetch()}>
              Try again
            </Button>
          }
        />
      ) : (
        <SplitsEditor
          current={splits.data.current?.splits ?? []}
          onSave={async (body) => {
            const saved = await artistEndpoints.putSplits(api, trackId, body);
            queryClient.setQueryData(splitsQueryKey(trackId), saved);
          }}
        />
      )}
    </Card>
  );
}

const PLAY_COLUMNS: DataColumn<Play>[] = [
  { key: 'station', header: 'Station', render: (play) => play.stationName },
  { key: 'startedAt', header: 'Started', render: (play) => formatDateTime(play.startedAt) },
  {
    key: 'duration',
    header: 'Duration',
    align: 'end',
    render: (play) => formatDuration(Math.round(play.durationSeconds)),
  },
  { key: 'evidence', header: 'Detections', align: 'end', render: (play) => play.detectionIds.length },
];

function TrackPlaysCard({ trackId }: { trackId: string }) {
  const api = useApiClient();
  const table = useCursorPages<Play, { track: string }>({
    queryKey: playsQueryKey,
    filters: { track: trackId },
    limit: 10,
    fetchPage: ({ limit, cursor, filters, signal }) =>
      artistEndpoints.listPlays(api, { limit, cursor, track: filters.track }, signal),
  });
  return (
    <Card title="Recent plays" data-testid="track-plays-card">
      <DataTable
        caption="Plays of this track"
        columns={PLAY_COLUMNS}
        rowKey={(play) => play.id}
        empty="No plays detected yet."
        data-testid="track-plays-table"
        {...table.tableProps}
      />
      <Link to={`/plays?track=${trackId}`}>All plays and charts</Link>
    </Card>
  );
}

export default function TrackPage() {
  const { id = '' } = useParams();
  const api = useApiClient();
  const queryClient = useQueryClient();
  useLiveInvalidation(ARTIST_LIVE_INVALIDATION);
  const track = useQuery({
    queryKey: trackQueryKey(id),
    queryFn: ({ signal }) => artistEndpoints.getTrack(api, id, signal),
    // Fingerprinting takes seconds to minutes: look again until it settles.
    refetchInterval: (query) =>
      query.state.data && isSettling(query.state.data.status) ? SETTLING_POLL_MS : false,
  });

  if (track.isPending) return <PageLoading />;
  if (track.isError)
    return (
      <>
        <h1>Track</h1>
        {isApiError(track.error) && track.error.status === 404 ? (
          <EmptyState title="This track does not exist or is not yours">
            <Link to="/tracks">Back to your tracks</Link>
          </EmptyState>
        ) : (
          <ErrorBanner
            title="The track could not be loaded"
            error={track.error}
            action={
              <Button size="sm" onClick={() => void track.refetch()}>
                Try again
              </Button>
            }
          />
        )}
      </>
    );

  const data = track.data;
  const setWithdrawn = async (withdrawn: boolean) => {
    const updated = await artistEndpoints.setTrackWithdrawn(api, data.id, withdrawn);
    queryClient.setQueryData(trackQueryKey(data.id), updated);
    void queryClient.invalidateQueries({ queryKey: tracksQueryKey });
    notify.success(withdrawn ? `${data.title} withdrawn` : `${data.title} reinstated`);
  };
  return (
    <>
      <p className="zamio-breadcrumb">
        <Link to="/tracks">Tracks</Link> / <span aria-current="page">{data.title}</span>
      </p>
      <div className="zamio-page-head">
        <h1 data-testid="track-title-heading">{data.title}</h1>
        {data.withdrawnAt ? (
          <Button
            onClick={() =>
              void setWithdrawn(false).catch((error) =>
                notify.error('Not reinstated', { description: String(error) }),
              )
            }
          >
            Reinstate
          </Button>
        ) : (
          <ConfirmDialog
            title={`Withdraw ${data.title}?`}
            description="A withdrawn track is never recognised on air again until you reinstate it. Plays already recorded stay."
            confirmLabel="Withdraw track"
            tone="danger"
            trigger={<Button variant="danger">Withdraw…</Button>}
            onConfirm={() => setWithdrawn(true)}
          />
        )}
      </div>
      {data.status === 'failed' ? (
        <div className="zamio-notice zamio-notice--warn" role="alert" data-testid="track-failed-notice">
          <p className="zamio-notice__title">Fingerprinting failed</p>
          <p>
            {data.failureReason ?? 'The audio could not be processed.'} Upload the audio again from a new
            file.
          </p>
        </div>
      ) : null}
      <div className="zamio-grid">
        <Card title="Details">
          <TrackFacts track={data} />
        </Card>
        <Card title="Audio">
          {data.audio ? (
            <AudioPlayer
              src={artistEndpoints.trackAudioUrl(api, data.id)}
              label={data.title}
              data-testid="track-audio-player"
            />
          ) : (
            <EmptyState title="No audio yet">
              <p>Upload the recording to have it fingerprinted.</p>
            </EmptyState>
          )}
          <FileUpload<Track>
            path={artistEndpoints.trackAudioResumablePath(data.id)}
            resumable
            label={data.audio ? 'Replace the audio' : 'Upload the audio'}
            hint="The new file replaces the audio and its fingerprints at once."
            accept={TRACK_AUDIO_ACCEPT}
            maxBytes={TRACK_AUDIO_MAX_BYTES}
            data-testid="track-audio-replace"
            onUploaded={(updated) => {
              queryClient.setQueryData(trackQueryKey(data.id), updated);
              void queryClient.invalidateQueries({ queryKey: tracksQueryKey });
              notify.success('Audio replaced', { description: 'Fingerprinting has started again.' });
            }}
          />
        </Card>
      </div>
      <SplitsCard trackId={data.id} />
      <TrackPlaysCard trackId={data.id} />
    </>
  );
}

// The station's online streams: register an Icecast/HTTP MP3 or Ogg URL and
// ZamIO records a short window of it every few minutes and matches it like a
// capture. Each stream shows whether the last checks reached it (up / down).
import type { Stream } from '@zamio/contracts';
import { stationEndpoints } from '@zamio/api-client';
import {
  Button,
  Card,
  ConfirmDialog,
  DataTable,
  StatusBadge,
  TextField,
  formatDateTime,
  notify,
  serverFormErrors,
  useApiClient,
  type DataColumn,
} from '@zamio/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { streamsQueryKey } from '../airplay/station-queries';

/** Checks run every minute or two: the list looks again this often. */
const STREAM_POLL_MS = 15_000;

function urlProblem(value: string): string | undefined {
  const url = value.trim();
  if (url === '') return "Enter the stream's URL";
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Enter a full URL, e.g. https://stream.example.com/live.mp3';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return 'The URL must start with http:// or https://';
  return undefined;
}

const STATE_LABELS: Record<Stream['state'], string> = { up: 'Up', down: 'Down', unknown: 'Not checked yet' };

export default function StreamsPage() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | undefined>();
  const streams = useQuery({
    queryKey: streamsQueryKey,
    queryFn: ({ signal }) => stationEndpoints.listStreams(api, signal),
    refetchInterval: STREAM_POLL_MS,
  });
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<{ url: string; label: string }>({ defaultValues: { url: '', label: '' } });

  const add = handleSubmit(async ({ url, label }) => {
    setFormError(undefined);
    try {
      const stream = await stationEndpoints.registerStream(api, {
        url: url.trim(),
        ...(label.trim() ? { label: label.trim() } : {}),
      });
      notify.success('Stream added', {
        description: `${stream.label ?? stream.url} is checked from now on.`,
      });
      reset();
      await queryClient.invalidateQueries({ queryKey: streamsQueryKey });
    } catch (error) {
      const mapped = serverFormErrors<'url' | 'label'>(error, {
        fields: ['url', 'label'],
        conflictField: 'url',
      });
      // The bff's refusals of an address (private, unreachable scheme) name the URL.
      const message = mapped.fields.url ?? mapped.form;
      if (message) setError('url', { type: 'server', message });
      if (mapped.fields.label) setError('label', { type: 'server', message: mapped.fields.label });
      if (!message && !mapped.fields.label) setFormError('The stream was not added. Try again.');
    }
  });

  const remove = useMutation({
    mutationFn: (stream: Stream) => stationEndpoints.removeStream(api, stream.id),
    onSuccess: (_, stream) => {
      notify.success(`${stream.label ?? 'Stream'} removed`);
      return queryClient.invalidateQueries({ queryKey: streamsQueryKey });
    },
  });

  const columns: DataColumn<Stream>[] = [
    {
      key: 'stream',
      header: 'Stream',
      render: (stream) => (
        <span className="zamio-stream-name">
          {stream.label ? <strong>{stream.label}</strong> : null}
          <code className="zamio-code">{stream.url}</code>
        </span>
      ),
    },
    {
      key: 'state',
      header: 'State',
      render: (stream) => (
        <span className="zamio-track-status" data-testid="stream-state" data-state={stream.state}>
          <StatusBadge
            status={stream.state}
            label={STATE_LABELS[stream.state]}
            {...(stream.lastError ? { title: stream.lastError } : {})}
          />
          {stream.state === 'down' && stream.lastError ? (
            <span className="zamio-track-status__reason">
              {stream.lastError} ({stream.consecutiveFailures} failed checks in a row)
            </span>
          ) : null}
        </span>
      ),
    },
    {
      key: 'checked',
      header: 'Last checked',
      render: (stream) => (stream.lastCheckedAt ? formatDateTime(stream.lastCheckedAt) : 'Not yet'),
    },
    {
      key: 'since',
      header: 'State since',
      render: (stream) => (stream.stateChangedAt ? formatDateTime(stream.stateChangedAt) : '—'),
    },
    {
      key: 'actions',
      header: 'Actions',
      cardLabel: '',
      render: (stream) => (
        <ConfirmDialog
          title={`Stop monitoring ${stream.label ?? 'this stream'}?`}
          description="No more windows are recorded from it. Plays already detected stay."
          confirmLabel="Remove stream"
          tone="danger"
          trigger={
            <Button size="sm" variant="danger">
              Remove…
            </Button>
          }
          onConfirm={() => remove.mutateAsync(stream)}
        />
      ),
    },
  ];

  const down = streams.data?.filter((stream) => stream.state === 'down') ?? [];
  return (
    <>
      <h1>Streams</h1>
      <p className="zamio-muted">
        If you broadcast online, add your stream: ZamIO records a short window of it every few minutes and
        recognises the tracks in it, like the captures your devices send.
      </p>
      {down.length ? (
        <div className="zamio-notice zamio-notice--warn" role="status" data-testid="streams-down">
          <p className="zamio-notice__title">
            {down.length === 1 ? '1 stream is down' : `${down.length} streams are down`}
          </p>
          <p>
            Plays on {down.length === 1 ? 'it' : 'them'} are not detected until the checks reach it again.
          </p>
        </div>
      ) : null}
      <Card title="Add a stream">
        <form className="zamio-form" onSubmit={add} noValidate data-testid="stream-form">
          <div className="zamio-grid">
            <TextField
              label="Stream URL"
              type="url"
              required
              placeholder="https://stream.example.com/live.mp3"
              hint="An Icecast or HTTP stream in MP3 or Ogg."
              error={errors.url?.message ?? formError}
              data-testid="stream-url"
              {...register('url', { validate: (value) => urlProblem(value) ?? true })}
            />
            <TextField
              label="Label"
              placeholder="e.g. Main FM feed"
              error={errors.label?.message}
              data-testid="stream-label"
              {...register('label', {
                validate: (value) => value.trim().length <= 100 || 'A label has at most 100 characters',
              })}
            />
          </div>
          <div className="zamio-button-row">
            <Button type="submit" variant="primary" loading={isSubmitting} data-testid="stream-add">
              Add stream
            </Button>
          </div>
        </form>
      </Card>
      <DataTable
        caption="Monitored streams"
        columns={columns}
        rows={streams.data}
        rowKey={(stream) => stream.id}
        loading={streams.isPending}
        error={streams.isError ? streams.error : undefined}
        onRetry={() => void streams.refetch()}
        empty="No streams yet. Add one above if your station broadcasts online."
        data-testid="streams-table"
      />
    </>
  );
}

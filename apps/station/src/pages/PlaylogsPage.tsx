// Playlog CSV uploads: the upload with its row-by-row report, the playlogs
// imported so far, and each one's reconciliation against detected plays.
import type { Playlog } from '@zamio/contracts';
import { stationEndpoints } from '@zamio/api-client';
import {
  Button,
  Card,
  DataTable,
  formatCount,
  formatDateTime,
  notify,
  useApiClient,
  useCursorPages,
  type DataColumn,
} from '@zamio/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { playlogsQueryKey } from '../airplay/station-queries';
import { PlaylogReconciliationCard } from '../playlogs/PlaylogReconciliationCard';
import { PlaylogUpload } from '../playlogs/PlaylogUpload';

export default function PlaylogsPage() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<string | undefined>();
  const table = useCursorPages<Playlog, Record<string, never>>({
    queryKey: playlogsQueryKey,
    filters: {},
    limit: 20,
    fetchPage: ({ limit, cursor, signal }) => stationEndpoints.listPlaylogs(api, { limit, cursor }, signal),
  });
  const columns: DataColumn<Playlog>[] = [
    { key: 'created', header: 'Uploaded', render: (playlog) => formatDateTime(playlog.createdAt) },
    {
      key: 'span',
      header: 'Covers',
      render: (playlog) =>
        playlog.firstPlayedAt && playlog.lastEndedAt
          ? `${formatDateTime(playlog.firstPlayedAt)} – ${formatDateTime(playlog.lastEndedAt)}`
          : '—',
    },
    { key: 'rows', header: 'Rows', align: 'end', render: (playlog) => formatCount(playlog.rowCount) },
    {
      key: 'imported',
      header: 'Imported',
      align: 'end',
      render: (playlog) => formatCount(playlog.importedCount),
    },
    {
      key: 'rejected',
      header: 'Left out',
      align: 'end',
      render: (playlog) => formatCount(playlog.rejectedRows.length),
    },
    {
      key: 'actions',
      header: 'Actions',
      cardLabel: '',
      render: (playlog) => (
        <Button
          size="sm"
          variant={selected === playlog.id ? 'primary' : 'secondary'}
          onClick={() => setSelected(playlog.id)}
          data-testid="playlog-reconcile"
        >
          Reconcile
        </Button>
      ),
    },
  ];
  return (
    <>
      <h1>Playlogs</h1>
      <p className="zamio-muted">
        Upload what your station logged as played. Each row is checked; the imported rows are compared with
        the plays ZamIO detected.
      </p>
      <Card title="Upload a playlog">
        <PlaylogUpload
          onImported={(playlog) => {
            notify.success('Playlog imported', {
              description: `${formatCount(playlog.importedCount)} of ${formatCount(playlog.rowCount)} rows imported.`,
            });
            void queryClient.invalidateQueries({ queryKey: playlogsQueryKey });
            setSelected(playlog.id);
          }}
        />
      </Card>
      {selected ? (
        <PlaylogReconciliationCard playlogId={selected} onClose={() => setSelected(undefined)} />
      ) : null}
      <DataTable
        caption="Imported playlogs"
        columns={columns}
        rowKey={(playlog) => playlog.id}
        empty="No playlogs yet."
        data-testid="playlogs-table"
        {...table.tableProps}
      />
    </>
  );
}

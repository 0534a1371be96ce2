import { useQuery } from '@tanstack/react-query';
import type { HealthInfo, VersionInfo } from '@zamio/contracts';
import { useApiClient } from '../api/api-client-context';
import { Card } from '../components/Card';
import { ErrorBanner } from '../components/ErrorBanner';
import { StatusBadge } from '../components/StatusBadge';
import { DataTable, type DataColumn } from '../data/DataTable';
import { formatDateTime } from '../format/dates';
import { HEALTH_REFRESH_MS, fetchHealth, fetchVersion, systemQueryKeys } from './system-queries';

type Check = HealthInfo['checks'][number];

const CHECK_COLUMNS: DataColumn<Check>[] = [
  { key: 'name', header: 'Check', render: (check) => check.name },
  { key: 'status', header: 'Status', render: (check) => <StatusBadge status={check.status} /> },
  {
    key: 'latency',
    header: 'Latency',
    render: (check) =>
      check.inProcess
        ? 'in-process'
        : check.latencyMs === undefined
          ? '—'
          : `${Math.round(check.latencyMs)} ms`,
  },
  { key: 'error', header: 'Detail', render: (check) => check.error ?? '' },
];

/** The bff's release (version, revision, environment) and its live health checks. */
export function BackendStatus({ title = 'Backend service' }: { title?: string }) {
  const api = useApiClient();
  const version = useQuery({
    queryKey: systemQueryKeys.version,
    queryFn: ({ signal }) => fetchVersion(api, signal),
  });
  const health = useQuery({
    queryKey: systemQueryKeys.health,
    queryFn: ({ signal }) => fetchHealth(api, signal),
    refetchInterval: HEALTH_REFRESH_MS,
  });

  return (
    <Card title={title} data-testid="backend-status">
      {version.isPending ? <p className="zamio-muted">Checking the backend…</p> : null}
      {version.isError ? <ErrorBanner title="The backend did not answer" error={version.error} /> : null}
      {version.data ? <VersionFacts info={version.data} /> : null}
      {health.isError ? <ErrorBanner title="Health check failed" error={health.error} /> : null}
      {health.data ? <HealthSummary health={health.data} /> : null}
    </Card>
  );
}

function VersionFacts({ info }: { info: VersionInfo }) {
  return (
    <dl className="zamio-facts">
      <dt>Service</dt>
      <dd>{info.service}</dd>
      <dt>Version</dt>
      <dd data-testid="bff-version">{info.version}</dd>
      <dt>Revision</dt>
      <dd className="zamio-mono" data-testid="bff-revision">
        {info.revision}
      </dd>
      <dt>Environment</dt>
      <dd data-testid="bff-environment">{info.environment}</dd>
      <dt>Running since</dt>
      <dd>
        <time dateTime={info.startedAt}>{formatDateTime(info.startedAt)}</time>
      </dd>
    </dl>
  );
}

function HealthSummary({ health }: { health: HealthInfo }) {
  return (
    <>
      <p>
        Health: <StatusBadge status={health.status} data-testid="bff-health" />
        {health.shuttingDown ? <span className="zamio-muted"> (shutting down)</span> : null}
      </p>
      <DataTable
        caption="Dependency checks"
        columns={CHECK_COLUMNS}
        rows={health.checks}
        rowKey={(check) => check.name}
      />
    </>
  );
}

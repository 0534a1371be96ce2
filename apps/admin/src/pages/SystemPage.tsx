// System status for admins: this portal and the bff (shared SystemStatusPage),
// then GET /api/admin/system — every service instance's health, version and
// revision (the bff live, each worker from its last heartbeat), the job
// queues' depths and failed jobs, and the monitored streams' health.
import type { ServiceInstanceStatus, SystemStatus } from '@zamio/contracts';
import { adminOperationsEndpoints } from '@zamio/api-client';
import {
  Button,
  Card,
  DataTable,
  ErrorBanner,
  StatusBadge,
  SystemStatusPage,
  formatCount,
  formatDateTime,
  formatDuration,
  notify,
  useApiClient,
  type DataColumn,
} from '@zamio/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { SYSTEM_REFRESH_MS, systemQueryKey } from '../operations/admin-queries';

type Queue = SystemStatus['queues'][number];

const STATE_LABEL: Record<ServiceInstanceStatus['state'], string> = {
  ok: 'OK',
  degraded: 'Degraded',
  down: 'Down',
  stale: 'No heartbeat for 5 min',
};

function Checks({ instance }: { instance: ServiceInstanceStatus }) {
  if (instance.checks.length === 0) return <span className="zamio-muted">No report</span>;
  return (
    <div className="zamio-actions">
      {instance.checks.map((check) => (
        <StatusBadge
          key={check.name}
          status={check.status}
          label={`${check.name}${check.inProcess ? ' (in-process)' : check.latencyMs === undefined ? '' : ` ${Math.round(check.latencyMs)} ms`}`}
          title={check.error}
        />
      ))}
    </div>
  );
}

const SERVICE_COLUMNS: DataColumn<ServiceInstanceStatus>[] = [
  {
    key: 'service',
    header: 'Service',
    render: (instance) => (
      <div className="zamio-stack-tight">
        <strong>{instance.service}</strong>
        <span className="zamio-muted zamio-mono zamio-break">{instance.instance}</span>
      </div>
    ),
  },
  {
    key: 'state',
    header: 'Health',
    render: (instance) => (
      <StatusBadge
        status={instance.state === 'stale' ? 'degraded' : instance.state}
        label={STATE_LABEL[instance.state]}
        data-testid="service-state"
      />
    ),
  },
  {
    key: 'release',
    header: 'Version',
    render: (instance) => (
      <div className="zamio-stack-tight">
        <span>{instance.version}</span>
        <span className="zamio-muted zamio-mono zamio-break">{instance.revision ?? 'revision unknown'}</span>
      </div>
    ),
  },
  {
    key: 'reported',
    header: 'Reported',
    render: (instance) => (
      <div className="zamio-stack-tight">
        <span>
          {instance.source === 'live'
            ? 'Just now (live)'
            : `Heartbeat ${formatDateTime(instance.reportedAt)}`}
        </span>
        {instance.uptimeSeconds !== null ? (
          <span className="zamio-muted">up {formatDuration(instance.uptimeSeconds)}</span>
        ) : null}
      </div>
    ),
  },
  { key: 'checks', header: 'Dependencies', render: (instance) => <Checks instance={instance} /> },
];

const QUEUE_COLUMNS: DataColumn<Queue>[] = [
  { key: 'queue', header: 'Queue', render: (queue) => queue.queue },
  { key: 'waiting', header: 'Waiting', align: 'end', render: (queue) => formatCount(queue.waiting) },
  { key: 'active', header: 'Running', align: 'end', render: (queue) => formatCount(queue.active) },
  { key: 'delayed', header: 'Delayed', align: 'end', render: (queue) => formatCount(queue.delayed) },
  {
    key: 'failed',
    header: 'Failed',
    align: 'end',
    render: (queue) =>
      queue.failed > 0 ? (
        <StatusBadge status="failed" label={formatCount(queue.failed)} data-testid="queue-failed" />
      ) : (
        formatCount(0)
      ),
  },
];

function PlatformStatus() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  const [beating, setBeating] = useState(false);
  const status = useQuery({
    queryKey: systemQueryKey,
    queryFn: ({ signal }) => adminOperationsEndpoints.getSystemStatus(api, signal),
    refetchInterval: SYSTEM_REFRESH_MS,
  });
  const heartbeat = async () => {
    setBeating(true);
    try {
      await adminOperationsEndpoints.requestHeartbeat(api);
      notify.success('Heartbeat requested', { description: 'A worker records it within seconds.' });
      // Give a worker a moment to take the job, then look again.
      setTimeout(() => void queryClient.invalidateQueries({ queryKey: systemQueryKey }), 2_000);
    } catch (error) {
      notify.error('The heartbeat could not be queued', {
        description: error instanceof Error ? error.message : String(error),
      });
    } finally {
      setBeating(false);
    }
  };
  const data = status.data;
  return (
    <>
      <Card title="Platform" data-testid="platform-status">
        {status.isPending ? <p className="zamio-muted">Asking every service…</p> : null}
        {status.isError ? (
          <ErrorBanner title="The system status could not be loaded" error={status.error} />
        ) : null}
        {data ? (
          <>
            <p>
              Overall: <StatusBadge status={data.state} data-testid="platform-state" />{' '}
              <span className="zamio-muted">checked {formatDateTime(data.checkedAt)}</span>
            </p>
            <DataTable
              caption="Services"
              columns={SERVICE_COLUMNS}
              rows={data.services}
              rowKey={(instance) => `${instance.service}/${instance.instance}`}
              empty="No service has reported."
              data-testid="services-table"
            />
          </>
        ) : null}
        <div>
          <Button
            variant="secondary"
            loading={beating}
            onClick={() => void heartbeat()}
            data-testid="request-heartbeat"
          >
            Send a heartbeat through the queue
          </Button>
        </div>
      </Card>
      {data ? (
        <>
          <Card title="Job queues" data-testid="queues-status">
            <DataTable
              caption="Jobs per queue"
              columns={QUEUE_COLUMNS}
              rows={data.queues}
              rowKey={(queue) => queue.queue}
              data-testid="queues-table"
            />
          </Card>
          <Card title="Monitored streams" data-testid="streams-status">
            <dl className="zamio-summary">
              <div>
                <dt>Up</dt>
                <dd data-testid="streams-up">{formatCount(data.streams.up)}</dd>
              </div>
              <div>
                <dt>Down</dt>
                <dd data-testid="streams-down">{formatCount(data.streams.down)}</dd>
              </div>
              <div>
                <dt>Not checked yet</dt>
                <dd>{formatCount(data.streams.unknown)}</dd>
              </div>
              <div>
                <dt>Paused</dt>
                <dd>{formatCount(data.streams.inactive)}</dd>
              </div>
            </dl>
          </Card>
        </>
      ) : null}
    </>
  );
}

export default function SystemPage() {
  return (
    <SystemStatusPage heading="System status">
      <PlatformStatus />
    </SystemStatusPage>
  );
}

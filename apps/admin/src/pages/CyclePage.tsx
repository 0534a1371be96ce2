// One cycle: its state, calculate with a progress bar (polled from the
// cycle's progress while the worker prices plays), lock, the recipients with
// their statements, and the collecting society's usage report (CSV).
import type { Cycle, CycleRecipient, UsageRow } from '@zamio/contracts';
import { adminMoneyEndpoints, type UsageBy } from '@zamio/api-client';
import {
  Button,
  Card,
  ConfirmDialog,
  DataTable,
  ErrorBanner,
  PageLoading,
  StatusBadge,
  Tabs,
  buttonClassName,
  formatCount,
  formatDate,
  formatDateTime,
  formatDuration,
  formatGhs,
  notify,
  useApiClient,
  type DataColumn,
} from '@zamio/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { canCalculate, canLock, previousDay, progressPercent } from '../money/cycle-rules';
import { cycleQueryKey, cyclesQueryKey } from '../money/money-queries';

export const PROGRESS_POLL_MS = 1_000;

export function CycleProgress({ cycle }: { cycle: Cycle }) {
  const percent = progressPercent(cycle);
  const { done, total } = cycle.progress;
  return (
    <div className="zamio-stack" data-testid="cycle-progress" data-percent={percent}>
      <progress
        className="zamio-progress"
        max={100}
        value={percent}
        aria-label="Calculation progress"
        data-testid="cycle-progress-bar"
      />
      <p className="zamio-muted" data-testid="cycle-progress-text">
        {cycle.status === 'calculating'
          ? total > 0
            ? `${formatCount(done)} of ${formatCount(total)} plays priced (${percent} %)`
            : 'Counting the plays of the period…'
          : cycle.status === 'open'
            ? 'Not calculated yet.'
            : `${formatCount(done)} of ${formatCount(total)} plays priced.`}
      </p>
    </div>
  );
}

const usageColumns = (by: UsageBy): DataColumn<UsageRow>[] => [
  { key: 'label', header: by === 'station' ? 'Station' : 'Work', render: (r) => r.label },
  ...(by === 'work' ? [{ key: 'isrc', header: 'ISRC', render: (r: UsageRow) => r.isrc ?? '—' }] : []),
  { key: 'plays', header: 'Plays', align: 'end', render: (r) => formatCount(r.plays) },
  { key: 'seconds', header: 'Airtime', align: 'end', render: (r) => formatDuration(Math.round(r.seconds)) },
  { key: 'amount', header: 'Amount', align: 'end', render: (r) => formatGhs(r.amountMinor) },
];

function UsageReport({ cycleId, by }: { cycleId: string; by: UsageBy }) {
  const api = useApiClient();
  const usage = useQuery({
    queryKey: [...cycleQueryKey(cycleId), 'usage', by],
    queryFn: ({ signal }) => adminMoneyEndpoints.usage(api, cycleId, by, signal),
  });
  return (
    <div className="zamio-stack">
      <div>
        <a
          className={buttonClassName({ variant: 'secondary' })}
          href={adminMoneyEndpoints.usageCsvUrl(api, cycleId, by)}
          download
          data-testid={`usage-csv-${by}`}
        >
          Download CSV ({by === 'station' ? 'per station' : 'per work'})
        </a>
      </div>
      <DataTable
        caption={by === 'station' ? 'Usage per station' : 'Usage per work'}
        columns={usageColumns(by)}
        rows={usage.data}
        loading={usage.isPending}
        error={usage.isError ? usage.error : undefined}
        rowKey={(r) => r.id}
        empty="Nothing priced in this cycle yet."
        data-testid={`usage-${by}`}
      />
    </div>
  );
}

export default function CyclePage() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  const cycleId = useParams().id ?? '';
  const [queuing, setQueuing] = useState(false);
  const cycle = useQuery({
    queryKey: cycleQueryKey(cycleId),
    queryFn: ({ signal }) => adminMoneyEndpoints.getCycle(api, cycleId, signal),
    refetchInterval: (query) => (query.state.data?.status === 'calculating' ? PROGRESS_POLL_MS : false),
  });
  const status = cycle.data?.status;
  const recipients = useQuery({
    queryKey: [...cycleQueryKey(cycleId), 'recipients', status],
    queryFn: ({ signal }) => adminMoneyEndpoints.cycleRecipients(api, cycleId, signal),
    enabled: status === 'calculated' || status === 'locked',
  });

  const refresh = async (next: Cycle) => {
    queryClient.setQueryData(cycleQueryKey(cycleId), next);
    await queryClient.invalidateQueries({ queryKey: cyclesQueryKey });
  };
  const calculate = async () => {
    setQueuing(true);
    try {
      await refresh(await adminMoneyEndpoints.calculateCycle(api, cycleId));
      notify.info('Calculation queued', { description: 'The worker prices the plays; progress shows here.' });
    } catch (error) {
      notify.error('The calculation was not queued', {
        description: error instanceof Error ? error.message : String(error),
      });
    } finally {
      setQueuing(false);
    }
  };

  if (cycle.isPending) return <PageLoading />;
  if (cycle.isError) return <ErrorBanner title="This cycle could not be loaded" error={cycle.error} />;
  const c = cycle.data;

  const recipientColumns: DataColumn<CycleRecipient>[] = [
    {
      key: 'name',
      header: 'Recipient',
      render: (r) => (
        <Link
          to={`/cycles/${c.id}/statements/${r.kind}/${r.id}`}
          className="zamio-strong-link"
          data-testid="recipient-statement-link"
        >
          {r.name}
        </Link>
      ),
    },
    {
      key: 'kind',
      header: 'Kind',
      render: (r) => (r.kind === 'user' ? 'Account' : 'Outside party (no account)'),
    },
    { key: 'amount', header: 'Payable', align: 'end', render: (r) => formatGhs(r.amountMinor) },
    { key: 'held', header: 'Held', align: 'end', render: (r) => formatGhs(r.heldMinor) },
  ];

  return (
    <>
      <nav className="zamio-breadcrumb" aria-label="Breadcrumb">
        <Link to="/cycles">Cycles</Link>
      </nav>
      <div className="zamio-page-head">
        <h1 data-testid="cycle-heading">{c.name}</h1>
        <StatusBadge status={c.status} data-testid="cycle-status" />
      </div>
      <dl className="zamio-facts" data-testid="cycle-facts">
        <dt>Period</dt>
        <dd>
          {formatDate(c.periodStart)} – {formatDate(previousDay(c.periodEnd))} (station time)
        </dd>
        <dt>Opened</dt>
        <dd>{formatDateTime(c.openedAt)}</dd>
        <dt>Calculated</dt>
        <dd>{c.calculatedAt ? formatDateTime(c.calculatedAt) : '—'}</dd>
        <dt>Locked</dt>
        <dd>{c.lockedAt ? formatDateTime(c.lockedAt) : '—'}</dd>
      </dl>
      <Card title="Calculation">
        <CycleProgress cycle={c} />
        {c.lastError ? <ErrorBanner title="The last calculation failed" error={c.lastError} /> : null}
        <div className="zamio-button-row">
          {canCalculate(c) ? (
            <Button
              variant={c.status === 'open' ? 'primary' : 'secondary'}
              loading={queuing}
              disabled={c.status === 'calculating'}
              onClick={() => void calculate()}
              data-testid="cycle-calculate"
            >
              {c.status === 'open' ? 'Calculate' : 'Calculate again'}
            </Button>
          ) : null}
          {canLock(c) ? (
            <ConfirmDialog
              title={`Lock ${c.name}?`}
              description="A locked cycle never changes: its statements are final and its earnings can be paid out. Later corrections go into the next cycle."
              confirmLabel="Lock cycle"
              tone="danger"
              trigger={
                <Button variant="primary" data-testid="cycle-lock">
                  Lock…
                </Button>
              }
              onConfirm={async () => {
                await refresh(await adminMoneyEndpoints.lockCycle(api, c.id));
                notify.success(`${c.name} is locked`);
              }}
              data-testid="cycle-lock-dialog"
            />
          ) : null}
        </div>
        {c.status === 'calculated' ? (
          <p className="zamio-muted">
            Check the recipients and their statements below, then lock the cycle. Calculating again only
            prices plays that arrived since.
          </p>
        ) : null}
      </Card>
      {status === 'calculated' || status === 'locked' ? (
        <>
          <DataTable
            caption="Recipients"
            columns={recipientColumns}
            rows={recipients.data}
            loading={recipients.isPending}
            error={recipients.isError ? recipients.error : undefined}
            onRetry={() => void recipients.refetch()}
            rowKey={(r) => `${r.kind}:${r.id}`}
            empty="Nobody was paid in this cycle (no priced plays)."
            data-testid="cycle-recipients"
          />
          <Card title="Usage report (collecting society)">
            <Tabs
              label="Usage report"
              tabs={[
                {
                  value: 'station',
                  label: 'Per station',
                  content: <UsageReport cycleId={c.id} by="station" />,
                },
                { value: 'work', label: 'Per work', content: <UsageReport cycleId={c.id} by="work" /> },
              ]}
            />
          </Card>
        </>
      ) : null}
    </>
  );
}

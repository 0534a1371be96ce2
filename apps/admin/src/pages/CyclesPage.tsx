// Royalty cycles: every cycle with its state and progress, and opening a new
// one for a period (first and last day, in each station's own time zone).
import type { Cycle, CycleStatusName } from '@zamio/contracts';
import { adminMoneyEndpoints } from '@zamio/api-client';
import {
  Button,
  Card,
  DataTable,
  DateField,
  ErrorBanner,
  SelectField,
  StatusBadge,
  TextField,
  formatCount,
  formatDate,
  formatDateTime,
  notify,
  serverFormErrors,
  useApiClient,
  type DataColumn,
} from '@zamio/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  checkCycle,
  lastMonthDraft,
  previousDay,
  type CycleDraft,
  type CycleField,
} from '../money/cycle-rules';
import { cyclesQueryKey } from '../money/money-queries';

const COLUMNS: DataColumn<Cycle>[] = [
  {
    key: 'name',
    header: 'Cycle',
    render: (c) => (
      <Link to={`/cycles/${c.id}`} className="zamio-strong-link" data-testid="cycle-link">
        {c.name}
      </Link>
    ),
  },
  {
    key: 'period',
    header: 'Period',
    render: (c) => `${formatDate(c.periodStart)} – ${formatDate(previousDay(c.periodEnd))}`,
  },
  { key: 'status', header: 'State', render: (c) => <StatusBadge status={c.status} /> },
  {
    key: 'progress',
    header: 'Plays priced',
    align: 'end',
    render: (c) => `${formatCount(c.progress.done)} of ${formatCount(c.progress.total)}`,
  },
  { key: 'openedAt', header: 'Opened', render: (c) => formatDateTime(c.openedAt) },
];

function OpenCycleForm() {
  const api = useApiClient();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<CycleDraft>(() => lastMonthDraft());
  const [errors, setErrors] = useState<Partial<Record<CycleField, string>>>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const checked = checkCycle(draft);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      const cycle = await adminMoneyEndpoints.openCycle(api, checked.body);
      notify.success(`Cycle ${cycle.name} opened`);
      await queryClient.invalidateQueries({ queryKey: cyclesQueryKey });
      void navigate(`/cycles/${cycle.id}`);
    } catch (error) {
      const mapped = serverFormErrors(error, { fields: ['name', 'periodStart', 'periodEnd'] as const });
      setErrors({
        name: mapped.fields.name,
        firstDay: mapped.fields.periodStart,
        lastDay: mapped.fields.periodEnd,
      });
      setFormError(mapped.form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="zamio-form" onSubmit={submit} noValidate data-testid="cycle-form">
      {formError ? <ErrorBanner title="The cycle was not opened" error={formError} /> : null}
      <div className="zamio-filters">
        <TextField
          label="Name"
          value={draft.name}
          onChange={(event) => setDraft({ ...draft, name: event.target.value })}
          error={errors.name}
          required
          maxLength={120}
          data-testid="cycle-name"
        />
        <DateField
          label="First day"
          value={draft.firstDay}
          onChange={(event) => setDraft({ ...draft, firstDay: event.target.value })}
          error={errors.firstDay}
          required
          data-testid="cycle-first-day"
        />
        <DateField
          label="Last day"
          value={draft.lastDay}
          onChange={(event) => setDraft({ ...draft, lastDay: event.target.value })}
          error={errors.lastDay}
          required
          data-testid="cycle-last-day"
        />
      </div>
      <p className="zamio-muted">
        A play belongs to the cycle whose days contain its start date in its station&apos;s time zone. Cycles
        never overlap.
      </p>
      <div>
        <Button type="submit" variant="primary" loading={busy} data-testid="cycle-open">
          Open cycle
        </Button>
      </div>
    </form>
  );
}

export default function CyclesPage() {
  const api = useApiClient();
  const [status, setStatus] = useState('');
  const cycles = useQuery({
    queryKey: [...cyclesQueryKey, { status }],
    queryFn: ({ signal }) =>
      adminMoneyEndpoints.listCycles(api, status ? { status: status as CycleStatusName } : {}, signal),
  });
  return (
    <>
      <div className="zamio-page-head">
        <h1>Cycles</h1>
      </div>
      <p className="zamio-muted">
        Open a cycle for a period, calculate it (every unpriced play of the period is priced and booked),
        check its statements, then lock it: a locked cycle never changes and its earnings can be paid out.
      </p>
      <Card title="Open a cycle">
        <OpenCycleForm />
      </Card>
      <DataTable
        caption="Cycles"
        columns={COLUMNS}
        rows={cycles.data}
        loading={cycles.isPending}
        error={cycles.isError ? cycles.error : undefined}
        onRetry={() => void cycles.refetch()}
        rowKey={(c) => c.id}
        empty={status ? 'No cycle in this state.' : 'No cycle opened yet.'}
        data-testid="cycles-table"
        toolbar={
          <SelectField
            label="State"
            placeholder="All states"
            value={status}
            onChange={(event) => setStatus(event.target.value)}
            options={['open', 'calculating', 'calculated', 'locked'].map((value) => ({
              value,
              label: value.charAt(0).toUpperCase() + value.slice(1),
            }))}
          />
        }
      />
    </>
  );
}

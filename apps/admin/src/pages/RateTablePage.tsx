// The rate table editor: the version in force, every version with its
// effective date (a version that priced plays is frozen), and a new version
// prefilled from the current one, with every problem shown on its field.
import type { RateTableVersion } from '@zamio/contracts';
import { adminMoneyEndpoints } from '@zamio/api-client';
import {
  Button,
  Card,
  DataTable,
  ErrorBanner,
  Field,
  NumberField,
  PageLoading,
  StatusBadge,
  TextField,
  formatCount,
  formatDateTime,
  notify,
  useApiClient,
  type DataColumn,
} from '@zamio/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { rateTablesQueryKey } from '../money/money-queries';
import {
  CLASS_LABEL,
  PART_LABEL,
  RATE_PARTS,
  STATION_CLASSES,
  checkRateTable,
  draftFrom,
  scaledToDecimal,
  serverRateErrors,
  type RateFieldErrors,
  type RatePart,
  type RateTableDraft,
  type StationClassName,
} from '../money/rate-table-form';

/** The version in force now: the latest effective date not in the future. */
export const versionInForce = (versions: readonly RateTableVersion[], now = Date.now()) =>
  [...versions]
    .filter((v) => new Date(v.effectiveFrom).getTime() <= now)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];

const stateOf = (version: RateTableVersion, inForce: RateTableVersion | undefined) =>
  version.id === inForce?.id
    ? { status: 'active', label: 'In force' }
    : new Date(version.effectiveFrom).getTime() > Date.now()
      ? { status: 'queued', label: 'Scheduled' }
      : { status: 'withdrawn', label: 'Superseded' };

interface RateRow {
  stationClass: StationClassName;
  version: RateTableVersion;
}
const RATE_COLUMNS: DataColumn<RateRow>[] = [
  { key: 'class', header: 'Station class', render: (r) => CLASS_LABEL[r.stationClass] },
  {
    key: 'base',
    header: 'Base rate',
    align: 'end',
    render: (r) => `GHS ${scaledToDecimal(r.version.rates[r.stationClass].baseRateMicro, 6)}/s`,
  },
  {
    key: 'prime',
    header: 'Prime',
    align: 'end',
    render: (r) => `× ${scaledToDecimal(r.version.rates[r.stationClass].primeBp, 4)}`,
  },
  {
    key: 'regular',
    header: 'Regular',
    align: 'end',
    render: (r) => `× ${scaledToDecimal(r.version.rates[r.stationClass].regularBp, 4)}`,
  },
  {
    key: 'offPeak',
    header: 'Off-peak',
    align: 'end',
    render: (r) => `× ${scaledToDecimal(r.version.rates[r.stationClass].offPeakBp, 4)}`,
  },
];

function NewVersionForm({ current, onDone }: { current: RateTableVersion | undefined; onDone: () => void }) {
  const api = useApiClient();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<RateTableDraft>(() => draftFrom(current));
  const [errors, setErrors] = useState<RateFieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const setRate = (stationClass: StationClassName, part: RatePart, value: string) =>
    setDraft((now) => ({
      ...now,
      rates: { ...now.rates, [stationClass]: { ...now.rates[stationClass], [part]: value } },
    }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const checked = checkRateTable(draft);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      const version = await adminMoneyEndpoints.addRateTableVersion(api, checked.body);
      notify.success('New rate table version saved', {
        description: `It takes effect ${formatDateTime(version.effectiveFrom)}.`,
      });
      await queryClient.invalidateQueries({ queryKey: rateTablesQueryKey });
      onDone();
    } catch (error) {
      const mapped = serverRateErrors(error);
      setErrors(mapped.fields);
      setFormError(mapped.form);
    } finally {
      setBusy(false);
    }
  };

  const count = Object.keys(errors).length;
  return (
    <form className="zamio-form" onSubmit={submit} noValidate data-testid="rate-table-form">
      {count > 0 ? (
        <p className="zamio-notice zamio-notice--warn" role="alert" data-testid="rate-table-problems">
          {count === 1 ? 'One field needs' : `${count} fields need`} attention before this version can be
          saved.
        </p>
      ) : null}
      {formError ? <ErrorBanner title="The version was not saved" error={formError} /> : null}
      <div className="zamio-filters">
        <Field
          label="Takes effect"
          hint="Your browser's time; plays starting at or after it are priced with these rates."
          error={errors.effectiveFrom}
          required
        >
          {(wiring) => (
            <input
              className="zamio-input"
              type="datetime-local"
              value={draft.effectiveFrom}
              onChange={(event) => setDraft({ ...draft, effectiveFrom: event.target.value })}
              data-testid="rate-effective-from"
              {...wiring}
            />
          )}
        </Field>
        <TextField
          label="Note"
          hint="Why the rates change (kept with the version)."
          value={draft.note}
          maxLength={500}
          onChange={(event) => setDraft({ ...draft, note: event.target.value })}
          error={errors.note}
          data-testid="rate-note"
        />
      </div>
      {STATION_CLASSES.map((stationClass) => (
        <fieldset key={stationClass} className="zamio-fieldset" data-testid={`rate-class-${stationClass}`}>
          <legend>{CLASS_LABEL[stationClass]}</legend>
          <div className="zamio-fieldset__fields">
            {RATE_PARTS.map((part) => (
              <NumberField
                key={part}
                label={PART_LABEL[part]}
                value={draft.rates[stationClass][part]}
                onChange={(event) => setRate(stationClass, part, event.target.value)}
                error={errors[`rates.${stationClass}.${part}`]}
                required
                data-testid={`rate-${stationClass}-${part}`}
              />
            ))}
          </div>
        </fieldset>
      ))}
      <div className="zamio-button-row">
        <Button type="submit" variant="primary" loading={busy} data-testid="rate-table-save">
          Save new version
        </Button>
        <Button variant="secondary" onClick={onDone} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export default function RateTablePage() {
  const api = useApiClient();
  const [editing, setEditing] = useState(false);
  const versions = useQuery({
    queryKey: rateTablesQueryKey,
    queryFn: ({ signal }) => adminMoneyEndpoints.listRateTables(api, signal),
  });
  const all = versions.data ?? [];
  const inForce = versionInForce(all);
  const latest = [...all].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];

  const historyColumns: DataColumn<RateTableVersion>[] = [
    { key: 'effectiveFrom', header: 'Takes effect', render: (v) => formatDateTime(v.effectiveFrom) },
    {
      key: 'state',
      header: 'State',
      render: (v) => {
        const state = stateOf(v, inForce);
        return <StatusBadge status={state.status} label={state.label} />;
      },
    },
    {
      key: 'used',
      header: 'Plays priced',
      align: 'end',
      render: (v) => (v.pricedPlays > 0 ? `${formatCount(v.pricedPlays)} (frozen)` : '0'),
    },
    { key: 'note', header: 'Note', render: (v) => v.note ?? '—' },
    { key: 'createdAt', header: 'Saved', render: (v) => formatDateTime(v.createdAt) },
  ];

  return (
    <>
      <div className="zamio-page-head">
        <h1>Rate table</h1>
        {!editing && versions.data ? (
          <Button variant="primary" onClick={() => setEditing(true)} data-testid="rate-table-new">
            New version
          </Button>
        ) : null}
      </div>
      <p className="zamio-muted">
        A play earns the base rate of its station&apos;s class per second, times the multiplier of the time of
        day it started in (station time: prime 06–10 and 16–20, off-peak 00–06, regular otherwise). Rates
        change only as a new version with an effective date; a version that has priced plays is never edited.
      </p>
      {versions.isPending ? <PageLoading /> : null}
      {versions.isError ? (
        <ErrorBanner title="The rate table could not be loaded" error={versions.error} />
      ) : null}
      {editing ? (
        <Card title="New version">
          <NewVersionForm current={latest} onDone={() => setEditing(false)} />
        </Card>
      ) : null}
      {inForce ? (
        <DataTable
          caption={`In force since ${formatDateTime(inForce.effectiveFrom)}`}
          columns={RATE_COLUMNS}
          rows={STATION_CLASSES.map((stationClass) => ({ stationClass, version: inForce }))}
          rowKey={(r) => r.stationClass}
          data-testid="rate-table-current"
        />
      ) : null}
      {versions.data ? (
        <DataTable
          caption="Versions"
          columns={historyColumns}
          rows={[...all].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))}
          rowKey={(v) => v.id}
          empty="No rate table yet."
          data-testid="rate-table-history"
        />
      ) : null}
    </>
  );
}

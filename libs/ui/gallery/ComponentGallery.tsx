// Every component of the kit with sample data, on one page: for reviewing the
// look at desktop and phone widths (the e2e screenshot test renders it), and
// as a live reference for whoever builds a page. Dev builds only (admin portal).
import { Plus, Trash2 } from '../src/icons';
import { useMemo, useState, type ReactNode } from 'react';
import {
  AudioPlayer,
  BalanceSummary,
  Button,
  Card,
  ConfirmDialog,
  DataTable,
  DateField,
  DateRangeField,
  Dialog,
  DialogClose,
  DisputePlayDialog,
  EmptyState,
  ErrorBanner,
  FileField,
  FileUpload,
  LiveStatusBadge,
  MoneyField,
  PasswordField,
  PayoutRequestForm,
  PercentField,
  SelectField,
  StatusBadge,
  Tabs,
  TextField,
  formatDateTime,
  formatDuration,
  formatGhs,
  notify,
  passwordRulesOf,
  useCursorPages,
  type CursorPage,
  type DataColumn,
  type DateRange,
} from '../src/index';
import { EarningsPerMonthChart, PlaysPerDayChart, PlaysPerStationChart } from '../src/charts/index';
import { samplePlays, sampleToneWavUrl, type SamplePlay } from './sample-data';

const STATUSES = [
  'uploaded',
  'processing',
  'ready',
  'failed',
  'up',
  'down',
  'pending',
  'approved',
  'rejected',
] as const;

const STATIONS = ['Joy FM', 'Peace FM', 'Citi FM', 'Adom FM', 'YFM Accra', 'Luv FM'];

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card title={title} data-testid={`gallery-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`}>
      {children}
    </Card>
  );
}

function ButtonsSection() {
  return (
    <Section title="Buttons">
      <div className="zamio-button-row">
        <Button variant="primary">Primary</Button>
        <Button variant="secondary">Secondary</Button>
        <Button variant="danger" icon={<Trash2 size={16} />}>
          Danger
        </Button>
        <Button variant="ghost">Ghost</Button>
      </div>
      <div className="zamio-button-row">
        <Button variant="primary" size="sm" icon={<Plus size={14} />}>
          Small
        </Button>
        <Button variant="primary">Medium</Button>
        <Button variant="primary" size="lg">
          Large
        </Button>
      </div>
      <div className="zamio-button-row">
        <Button variant="primary" disabled>
          Disabled
        </Button>
        <Button variant="primary" loading loadingLabel="Saving…">
          Save
        </Button>
        <Button variant="secondary" loading>
          Loading
        </Button>
      </div>
    </Section>
  );
}

function StatusSection() {
  return (
    <Section title="Status badges">
      <div className="zamio-button-row">
        {STATUSES.map((status) => (
          <StatusBadge key={status} status={status} />
        ))}
        <StatusBadge status="failed" title="The audio could not be decoded" label="Failed (hover)" />
        <LiveStatusBadge />
      </div>
    </Section>
  );
}

function FormsSection() {
  const [range, setRange] = useState<DateRange>({ from: '2026-11-01', to: '2026-11-30' });
  const [password, setPassword] = useState('short');
  return (
    <Section title="Form fields">
      <form className="zamio-form" onSubmit={(event) => event.preventDefault()} noValidate>
        <div className="zamio-grid">
          <TextField label="Track title" placeholder="e.g. Sika" hint="As printed on the release." />
          <TextField
            label="E-mail"
            type="email"
            defaultValue="not-an-email"
            error="Enter an e-mail address like name@example.com"
          />
          <PasswordField
            label="New password"
            rules={passwordRulesOf()}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <SelectField
            label="Station class"
            placeholder="Choose a class"
            options={['class_a', 'class_b', 'class_c', 'online', 'community'].map((value) => ({
              value,
              label: value.replace('_', ' ').toUpperCase(),
            }))}
          />
          <DateField label="Release date" defaultValue="2026-11-25" />
          <DateRangeField label="Played between" value={range} onChange={setRange} />
          <PercentField label="Share" defaultValue="33.33" hint="All active shares must total 100 %." />
          <MoneyField
            label="Payout amount"
            defaultValue="120.50"
            error="The amount exceeds the available balance"
          />
          <FileField label="Station licence (PDF)" accept=".pdf,application/pdf" maxBytes={5_000_000} />
        </div>
        <div className="zamio-button-row">
          <Button type="submit" variant="primary">
            Save
          </Button>
          <Button variant="ghost">Cancel</Button>
        </div>
      </form>
    </Section>
  );
}

const PLAY_COLUMNS: DataColumn<SamplePlay>[] = [
  { key: 'title', header: 'Track', sortable: true, render: (play) => play.title },
  { key: 'station', header: 'Station', sortable: true, render: (play) => play.station },
  {
    key: 'playedAt',
    header: 'Played at',
    sortable: true,
    render: (play) => formatDateTime(play.playedAt, { timeZone: 'Africa/Accra' }),
  },
  { key: 'duration', header: 'Duration', align: 'end', render: (play) => formatDuration(play.seconds) },
  {
    key: 'amount',
    header: 'Amount',
    align: 'end',
    sortable: true,
    render: (play) => formatGhs(play.pesewas),
  },
  { key: 'status', header: 'Status', render: (play) => <StatusBadge status={play.status} /> },
];

function TableSection() {
  const [station, setStation] = useState('');
  const all = useMemo(() => samplePlays(57), []);
  const table = useCursorPages<SamplePlay, { station: string }>({
    queryKey: ['gallery', 'plays'],
    filters: { station },
    limit: 8,
    initialSort: { key: 'playedAt', direction: 'desc' },
    // An in-memory "server": same request and page shape as the bff's list routes.
    fetchPage: async ({ cursor, limit, sort, filters }): Promise<CursorPage<SamplePlay>> => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      const rows = all
        .filter((play) => !filters.station || play.station === filters.station)
        .sort((a, b) => {
          const key = (sort?.key ?? 'playedAt') as keyof SamplePlay;
          const order = String(a[key]).localeCompare(String(b[key]), 'en', { numeric: true });
          return sort?.direction === 'desc' ? -order : order;
        });
      const start = cursor ? Number(cursor) : 0;
      const next = start + limit;
      return { items: rows.slice(start, next), nextCursor: next < rows.length ? String(next) : null };
    },
  });
  return (
    <Section title="Data table">
      <DataTable
        caption="Plays"
        columns={PLAY_COLUMNS}
        rowKey={(play) => play.id}
        empty="No plays match these filters."
        data-testid="gallery-table"
        toolbar={
          <SelectField
            label="Station"
            placeholder="All stations"
            value={station}
            onChange={(event) => setStation(event.target.value)}
            options={STATIONS.map((name) => ({ value: name, label: name }))}
          />
        }
        {...table.tableProps}
      />
      <DataTable
        caption="Empty list"
        columns={PLAY_COLUMNS}
        rowKey={(play) => play.id}
        rows={[]}
        empty="No plays yet."
      />
      <DataTable
        caption="Failing list"
        columns={PLAY_COLUMNS}
        rowKey={(play) => play.id}
        rows={undefined}
        error={new Error('GET /artist/plays failed with status 503')}
        onRetry={() => notify.info('Retrying…')}
      />
    </Section>
  );
}

function ChartsSection() {
  const days = Array.from({ length: 30 }, (_, index) => ({
    day: `2026-11-${String(index + 1).padStart(2, '0')}`,
    plays: Math.round(12 + 8 * Math.sin(index / 3) + (index % 7 === 5 ? 9 : 0)),
  }));
  const stations = STATIONS.map((station, index) => ({ station, plays: 140 - index * 19 }));
  const months = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'].map((month, index) => ({
    month,
    pesewas: 18_250 + index * 6_420 + (index % 2) * 3_305,
  }));
  return (
    <Section title="Charts">
      <div className="zamio-grid">
        <PlaysPerDayChart data={days} />
        <PlaysPerStationChart data={stations} />
        <EarningsPerMonthChart data={months} />
      </div>
    </Section>
  );
}

function OverlaysSection() {
  return (
    <Section title="Dialogs, tabs and notifications">
      <div className="zamio-button-row">
        <Dialog
          title="Add a contributor"
          description="Shares of all active contributors must total 100 %."
          trigger={<Button>Open dialog</Button>}
          data-testid="gallery-dialog"
          actions={
            <>
              <DialogClose asChild>
                <Button variant="secondary">Cancel</Button>
              </DialogClose>
              <Button variant="primary">Add</Button>
            </>
          }
        >
          <TextField label="Name" />
          <PercentField label="Share" />
        </Dialog>
        <ConfirmDialog
          title="Reject this station?"
          description="The account stays blocked; the station sees your reason."
          confirmLabel="Reject station"
          tone="danger"
          trigger={<Button variant="danger">Reject…</Button>}
          onConfirm={() => new Promise((resolve) => setTimeout(resolve, 600))}
        />
        <Button
          onClick={() => notify.success('Track uploaded', { description: 'Fingerprinting has started.' })}
        >
          Success toast
        </Button>
        <Button onClick={() => notify.error('Upload failed', { description: 'The file is not audio.' })}>
          Error toast
        </Button>
      </div>
      <Tabs
        label="Track sections"
        tabs={[
          { value: 'details', label: 'Details', content: <p>Title, ISRC, album, genre and release date.</p> },
          { value: 'splits', label: 'Splits', content: <p>Contributors and their shares.</p> },
          { value: 'plays', label: 'Plays', content: <EmptyState title="No plays yet" /> },
          { value: 'disputes', label: 'Disputes', content: <p>None.</p>, disabled: true },
        ]}
      />
    </Section>
  );
}

function FeedbackSection() {
  const tone = useMemo(sampleToneWavUrl, []);
  return (
    <Section title="Upload and feedback">
      <AudioPlayer src={tone} label="Test tone (2 s)" />
      <FileUpload
        label="Upload a document"
        path="/account/documents"
        accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
        maxBytes={10_000_000}
        hint="A PDF or an image, e.g. a licence. Sent to /api/account/documents."
        onUploaded={() => notify.success('Document uploaded')}
        data-testid="gallery-upload"
      />
      <ErrorBanner
        title="Could not save the splits"
        error={new Error('Active shares total 90\u00a0%, not 100\u00a0%.')}
      />
      <div className="zamio-notice zamio-notice--warn" role="status">
        <p className="zamio-notice__title">Stream down</p>
        <p>The Joy FM stream has failed 3 checks in a row.</p>
      </div>
      <dl className="zamio-facts">
        <dt>Money</dt>
        <dd>
          <ul style={{ margin: 0, paddingLeft: '1.1rem' }}>
            <li>{formatGhs(472)}</li>
            <li>{formatGhs(123_456_789)}</li>
            <li>{formatGhs(-1_050)}</li>
          </ul>
        </dd>
        <dt>Date (Accra)</dt>
        <dd>{formatDateTime('2026-11-25T07:30:00Z', { timeZone: 'Africa/Accra' })}</dd>
        <dt>Duration</dt>
        <dd>{formatDuration(210)}</dd>
      </dl>
    </Section>
  );
}

function MoneySection() {
  const [disputing, setDisputing] = useState(false);
  return (
    <Section title="Money">
      <BalanceSummary
        balance={{
          earnedMinor: 125_000,
          heldMinor: 4_200,
          pendingMinor: 8_850,
          committedMinor: 20_000,
          availableMinor: 105_000,
        }}
      />
      <p className="zamio-muted">A dispute raised after a payout request (available below zero):</p>
      <BalanceSummary
        balance={{
          earnedMinor: 15_800,
          heldMinor: 4_200,
          pendingMinor: 0,
          committedMinor: 20_000,
          availableMinor: -4_200,
        }}
      />
      <PayoutRequestForm role="artist" availableMinor={105_000} />
      <div className="zamio-button-row">
        <Button onClick={() => setDisputing(true)}>Dispute a play…</Button>
      </div>
      <DisputePlayDialog
        role="artist"
        play={
          disputing
            ? {
                playId: '00000000-0000-4000-8000-000000000000',
                trackTitle: 'Sika',
                stationName: 'Joy FM',
                startedAt: '2026-11-25T07:30:00Z',
              }
            : undefined
        }
        onOpenChange={setDisputing}
      />
    </Section>
  );
}

/** The gallery page. */
export function ComponentGallery() {
  return (
    <>
      <h1 data-testid="component-gallery">UI kit</h1>
      <p className="zamio-muted">Every shared component with sample data. Development builds only.</p>
      <ButtonsSection />
      <StatusSection />
      <FormsSection />
      <TableSection />
      <ChartsSection />
      <OverlaysSection />
      <MoneySection />
      <FeedbackSection />
    </>
  );
}

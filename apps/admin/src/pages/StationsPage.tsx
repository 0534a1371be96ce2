// Every station: class, region, the account's state and the health of its
// monitored streams (counts up / down / not yet checked), paged on the server
// and filtered.
import type { AdminStation } from '@zamio/contracts';
import { adminOperationsEndpoints } from '@zamio/api-client';
import {
  DataTable,
  SelectField,
  StatusBadge,
  TextField,
  formatCount,
  formatDate,
  useApiClient,
  useCursorPages,
  type DataColumn,
} from '@zamio/ui';
import { useState } from 'react';
import { ACCOUNT_STATUS_OPTIONS, stationsQueryKey } from '../operations/admin-queries';

const CLASS_OPTIONS = [
  { value: 'class_a', label: 'Class A' },
  { value: 'class_b', label: 'Class B' },
  { value: 'class_c', label: 'Class C' },
  { value: 'online', label: 'Online' },
  { value: 'community', label: 'Community' },
];
const CLASS_LABEL = Object.fromEntries(CLASS_OPTIONS.map((o) => [o.value, o.label])) as Record<
  string,
  string
>;

const STREAM_OPTIONS = [
  { value: 'down', label: 'A stream is down' },
  { value: 'up', label: 'A stream is up' },
  { value: 'unknown', label: 'A stream not checked yet' },
];

interface Filters {
  stationClass: string;
  region: string;
  accountStatus: string;
  streamState: string;
  search: string;
}

function StreamHealth({ station }: { station: AdminStation }) {
  const { total, up, down, unknown } = station.streams;
  if (total === 0) return <span className="zamio-muted">No monitored stream</span>;
  return (
    <div className="zamio-actions" data-testid="station-streams">
      {down > 0 ? <StatusBadge status="down" label={`${formatCount(down)} down`} /> : null}
      {up > 0 ? <StatusBadge status="up" label={`${formatCount(up)} up`} /> : null}
      {unknown > 0 ? <StatusBadge status="unknown" label={`${formatCount(unknown)} not checked`} /> : null}
    </div>
  );
}

const COLUMNS: DataColumn<AdminStation>[] = [
  {
    key: 'name',
    header: 'Station',
    sortable: true,
    render: (station) => (
      <div className="zamio-stack-tight">
        <strong>{station.name}</strong>
        <span className="zamio-muted zamio-break">{station.ownerEmail}</span>
      </div>
    ),
  },
  {
    key: 'class',
    header: 'Class',
    render: (station) => CLASS_LABEL[station.stationClass] ?? station.stationClass,
  },
  {
    key: 'region',
    header: 'Region',
    render: (station) => station.region ?? <span className="zamio-muted">—</span>,
  },
  {
    key: 'account',
    header: 'Account',
    render: (station) => <StatusBadge status={station.accountStatus} data-testid="station-account" />,
  },
  { key: 'streams', header: 'Stream health', render: (station) => <StreamHealth station={station} /> },
  { key: 'createdAt', header: 'Joined', sortable: true, render: (station) => formatDate(station.createdAt) },
];

export default function StationsPage() {
  const api = useApiClient();
  const [stationClass, setStationClass] = useState('');
  const [region, setRegion] = useState('');
  const [accountStatus, setAccountStatus] = useState('');
  const [streamState, setStreamState] = useState('');
  const [search, setSearch] = useState('');
  const table = useCursorPages<AdminStation, Filters>({
    queryKey: stationsQueryKey,
    filters: { stationClass, region: region.trim(), accountStatus, streamState, search: search.trim() },
    limit: 20,
    initialSort: { key: 'createdAt', direction: 'desc' },
    fetchPage: ({ limit, cursor, filters, sort, signal }) =>
      adminOperationsEndpoints.listStations(
        api,
        {
          limit,
          cursor,
          sort: sort?.key === 'name' ? 'name' : 'createdAt',
          order: sort?.direction ?? 'desc',
          ...(filters.stationClass
            ? { stationClass: filters.stationClass as AdminStation['stationClass'] }
            : {}),
          ...(filters.region ? { region: filters.region } : {}),
          ...(filters.accountStatus
            ? { accountStatus: filters.accountStatus as AdminStation['accountStatus'] }
            : {}),
          ...(filters.streamState ? { streamState: filters.streamState as 'up' | 'down' | 'unknown' } : {}),
          ...(filters.search ? { search: filters.search } : {}),
        },
        signal,
      ),
  });
  return (
    <>
      <h1>Stations</h1>
      <p className="zamio-muted">
        Every broadcaster on ZamIO, with the class that prices its plays and the state of the streams ZamIO
        monitors. A station account waiting for approval is approved on the Users page.
      </p>
      <DataTable
        caption="Stations"
        columns={COLUMNS}
        rowKey={(station) => station.id}
        empty="No stations match."
        data-testid="stations-table"
        toolbar={
          <>
            <TextField
              label="Search names"
              type="search"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
            <SelectField
              label="Class"
              placeholder="All classes"
              value={stationClass}
              onChange={(event) => setStationClass(event.target.value)}
              options={CLASS_OPTIONS}
            />
            <TextField label="Region" value={region} onChange={(event) => setRegion(event.target.value)} />
            <SelectField
              label="Account"
              placeholder="All states"
              value={accountStatus}
              onChange={(event) => setAccountStatus(event.target.value)}
              options={ACCOUNT_STATUS_OPTIONS}
            />
            <SelectField
              label="Streams"
              placeholder="All"
              value={streamState}
              onChange={(event) => setStreamState(event.target.value)}
              options={STREAM_OPTIONS}
            />
          </>
        }
        {...table.tableProps}
      />
    </>
  );
}

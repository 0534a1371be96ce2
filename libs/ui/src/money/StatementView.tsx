// One recipient's statement for one cycle, as the artist, publisher and admin
// portals show it: totals, per track, per station, every line (held lines
// marked), and the CSV and PDF downloads of the same data.
import type { Statement } from '@zamio/contracts';
import type { ReactNode } from 'react';
import { buttonClassName } from '../components/Button';
import { StatusBadge } from '../components/StatusBadge';
import { DataTable, type DataColumn } from '../data/DataTable';
import { formatDate, formatDateTime, formatDuration } from '../format/dates';
import { formatGhs } from '../format/money';
import { formatCount } from '../format/numbers';

type Group = Statement['byTrack'][number];
export type StatementLine = Statement['lines'][number];

export interface StatementViewProps {
  statement: Statement;
  /** Where the same statement downloads as a file (GET with the session cookie). */
  csvUrl: string;
  pdfUrl: string;
  /** An action per line, e.g. "Dispute" in the artist portal. */
  lineAction?: (line: StatementLine) => ReactNode;
}

const groupColumns = (label: string): DataColumn<Group>[] => [
  { key: 'label', header: label, render: (row) => row.label },
  ...(label === 'Track' ? [{ key: 'isrc', header: 'ISRC', render: (row: Group) => row.isrc ?? '—' }] : []),
  { key: 'plays', header: 'Plays', align: 'end', render: (row) => formatCount(row.plays) },
  {
    key: 'seconds',
    header: 'Airtime',
    align: 'end',
    render: (row) => formatDuration(Math.round(row.seconds)),
  },
  { key: 'payable', header: 'Payable', align: 'end', render: (row) => formatGhs(row.payableMinor) },
  { key: 'held', header: 'Held', align: 'end', render: (row) => formatGhs(row.heldMinor) },
];
/** The period's last day: the day before its exclusive end ("2026-12-01" → 30 Nov). */
const lastDayOf = (exclusiveEnd: string) => new Date(Date.parse(`${exclusiveEnd}T00:00:00Z`) - 86_400_000);

const BY_TRACK = groupColumns('Track');
const BY_STATION = groupColumns('Station');

export function StatementView({ statement, csvUrl, pdfUrl, lineAction }: StatementViewProps) {
  const { cycle, recipient, totals } = statement;
  const lineColumns: DataColumn<StatementLine>[] = [
    { key: 'started', header: 'Played', render: (line) => formatDateTime(line.startedAt) },
    { key: 'track', header: 'Track', render: (line) => line.trackTitle },
    { key: 'station', header: 'Station', render: (line) => line.stationName },
    { key: 'contributor', header: 'For', render: (line) => line.contributorName ?? recipient.name },
    {
      key: 'seconds',
      header: 'Seconds',
      align: 'end',
      render: (line) => formatDuration(Math.round(line.seconds)),
    },
    {
      key: 'amount',
      header: 'Amount',
      align: 'end',
      render: (line) => (
        <>
          {formatGhs(line.amountMinor)} {line.held ? <StatusBadge status="held" /> : null}
        </>
      ),
    },
    ...(lineAction
      ? [
          {
            key: 'action',
            header: 'Action',
            cardLabel: '',
            render: (line: StatementLine) => lineAction(line),
          },
        ]
      : []),
  ];
  return (
    <div className="zamio-stack" data-testid="statement-view">
      <dl className="zamio-facts" data-testid="statement-facts">
        <dt>Recipient</dt>
        <dd>{recipient.name}</dd>
        <dt>Cycle</dt>
        <dd>
          {cycle.name} <StatusBadge status={cycle.status} />
        </dd>
        <dt>Period</dt>
        <dd>
          {formatDate(cycle.periodStart)} – {formatDate(lastDayOf(cycle.periodEnd))}
        </dd>
      </dl>
      <div className="zamio-button-row">
        <a
          className={buttonClassName({ variant: 'secondary' })}
          href={csvUrl}
          download
          data-testid="statement-csv"
        >
          Download CSV
        </a>
        <a
          className={buttonClassName({ variant: 'secondary' })}
          href={pdfUrl}
          download
          data-testid="statement-pdf"
        >
          Download PDF
        </a>
      </div>
      <dl className="zamio-summary" data-testid="statement-totals">
        <div>
          <dt>Payable</dt>
          <dd data-testid="statement-payable">{formatGhs(totals.payableMinor)}</dd>
        </div>
        <div>
          <dt>Held by disputes</dt>
          <dd>{formatGhs(totals.heldMinor)}</dd>
        </div>
        <div>
          <dt>Total</dt>
          <dd>{formatGhs(totals.totalMinor)}</dd>
        </div>
        <div>
          <dt>Plays</dt>
          <dd>{formatCount(totals.plays)}</dd>
        </div>
      </dl>
      <DataTable
        caption="By track"
        columns={BY_TRACK}
        rows={statement.byTrack}
        rowKey={(row) => row.id}
        empty="No plays in this statement."
        data-testid="statement-by-track"
      />
      <DataTable
        caption="By station"
        columns={BY_STATION}
        rows={statement.byStation}
        rowKey={(row) => row.id}
        empty="No plays in this statement."
        data-testid="statement-by-station"
      />
      <DataTable
        caption="Every play"
        columns={lineColumns}
        rows={statement.lines}
        rowKey={(line) => `${line.playId}:${line.contributorName ?? ''}`}
        empty="No plays in this statement."
        data-testid="statement-lines"
      />
    </div>
  );
}

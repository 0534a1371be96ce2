// Statements and usage reports as CSV (csv-stringify: quoting and escaping
// done by a maintained library). Amounts in GHS with two decimals.
import { stringify } from 'csv-stringify/sync';
import { formatMinorAsGhs } from '../money.ts';
import type { UsageRow } from '../repositories/ledger-repository.ts';
import type { Statement } from './statement.ts';

export function statementCsv(statement: Statement): string {
  const rows: (string | number)[][] = [
    ['play_id', 'started_at', 'station', 'track', 'isrc', 'contributor', 'seconds', 'amount_ghs', 'status'],
  ];
  for (const line of statement.lines) {
    rows.push([
      line.playId,
      line.startedAt.toISOString(),
      line.stationName,
      line.trackTitle,
      line.isrc ?? '',
      line.contributorName ?? statement.recipient.name,
      line.durationMs / 1000,
      formatMinorAsGhs(line.amountMinor),
      line.held ? 'held' : 'payable',
    ]);
  }
  const { totals } = statement;
  rows.push(['TOTAL PAYABLE', '', '', '', '', '', '', formatMinorAsGhs(totals.payableMinor), 'payable']);
  rows.push(['TOTAL HELD', '', '', '', '', '', '', formatMinorAsGhs(totals.heldMinor), 'held']);
  rows.push(['TOTAL', '', '', '', '', '', '', formatMinorAsGhs(totals.totalMinor), '']);
  return stringify(rows);
}

/** The collecting society's usage report: per station or per work (ISRC, plays, seconds, amount). */
export function usageCsv(by: 'station' | 'work', rows: readonly UsageRow[]): string {
  const header =
    by === 'station'
      ? ['station_id', 'station', 'plays', 'seconds', 'amount_ghs']
      : ['track_id', 'title', 'isrc', 'plays', 'seconds', 'amount_ghs'];
  return stringify([
    header,
    ...rows.map((r) =>
      by === 'station'
        ? [r.key, r.label, r.plays, r.seconds, formatMinorAsGhs(r.amountMinor)]
        : [r.key, r.label, r.isrc ?? '', r.plays, r.seconds, formatMinorAsGhs(r.amountMinor)],
    ),
  ]);
}

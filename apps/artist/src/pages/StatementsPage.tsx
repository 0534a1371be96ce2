// The artist's statements: one per cycle that paid them, each a page with a
// CSV and a PDF download.
import type { CycleEarning } from '@zamio/contracts';
import { artistMoneyEndpoints } from '../money/artist-money-endpoints';
import {
  DataTable,
  StatusBadge,
  buttonClassName,
  formatDate,
  formatGhs,
  useApiClient,
  type DataColumn,
} from '@zamio/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { earningsQueryKey } from '../money/money-queries';

export default function StatementsPage() {
  const api = useApiClient();
  const earnings = useQuery({
    queryKey: earningsQueryKey,
    queryFn: ({ signal }) => artistMoneyEndpoints.earnings(api, signal),
  });
  const columns: DataColumn<CycleEarning>[] = [
    {
      key: 'cycle',
      header: 'Cycle',
      render: (cycle) => (
        <Link to={`/statements/${cycle.cycleId}`} className="zamio-strong-link" data-testid="statement-link">
          {cycle.cycleName}
        </Link>
      ),
    },
    { key: 'from', header: 'From', render: (cycle) => formatDate(cycle.periodStart) },
    { key: 'status', header: 'Status', render: (cycle) => <StatusBadge status={cycle.status} /> },
    { key: 'amount', header: 'Total', align: 'end', render: (cycle) => formatGhs(cycle.amountMinor) },
    {
      key: 'files',
      header: 'Download',
      cardLabel: '',
      render: (cycle) => (
        <span className="zamio-button-row">
          <a
            className={buttonClassName({ variant: 'secondary', size: 'sm' })}
            href={artistMoneyEndpoints.statementDownloadUrl(api, cycle.cycleId, 'csv')}
            download
          >
            CSV
          </a>
          <a
            className={buttonClassName({ variant: 'secondary', size: 'sm' })}
            href={artistMoneyEndpoints.statementDownloadUrl(api, cycle.cycleId, 'pdf')}
            download
          >
            PDF
          </a>
        </span>
      ),
    },
  ];
  return (
    <>
      <div className="zamio-page-head">
        <h1>Statements</h1>
      </div>
      <p className="zamio-muted">
        A statement lists every play you were paid for in a cycle, by track and by station. Its totals are the
        ledger's own; a locked cycle's statement never changes.
      </p>
      <DataTable
        caption="Your statements"
        columns={columns}
        rows={earnings.data?.cycles}
        loading={earnings.isPending}
        error={earnings.isError ? earnings.error : undefined}
        onRetry={() => void earnings.refetch()}
        rowKey={(cycle) => cycle.cycleId}
        empty="No statement yet: one appears when a cycle with your plays is calculated."
        data-testid="statements-table"
      />
    </>
  );
}

// Any recipient's statement of a cycle, as the admin checks it before locking.
import type { RecipientKind } from '@zamio/contracts';
import { adminMoneyEndpoints } from '@zamio/api-client';
import { ErrorBanner, PageLoading, StatementView, useApiClient } from '@zamio/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { cycleQueryKey } from '../money/money-queries';

export default function RecipientStatementPage() {
  const api = useApiClient();
  const params = useParams();
  const cycleId = params.id ?? '';
  const recipient = {
    kind: (params.kind === 'contributor' ? 'contributor' : 'user') as RecipientKind,
    id: params.accountId ?? '',
  };
  const statement = useQuery({
    queryKey: [...cycleQueryKey(cycleId), 'statement', recipient.kind, recipient.id],
    queryFn: ({ signal }) => adminMoneyEndpoints.recipientStatement(api, cycleId, recipient, signal),
  });
  return (
    <>
      <nav className="zamio-breadcrumb" aria-label="Breadcrumb">
        <Link to={`/cycles/${cycleId}`}>{statement.data?.cycle.name ?? 'Cycle'}</Link>
      </nav>
      <div className="zamio-page-head">
        <h1 data-testid="statement-heading">
          {statement.data ? `Statement — ${statement.data.recipient.name}` : 'Statement'}
        </h1>
      </div>
      {statement.isPending ? <PageLoading /> : null}
      {statement.isError ? (
        <ErrorBanner title="This statement could not be loaded" error={statement.error} />
      ) : null}
      {statement.data ? (
        <StatementView
          statement={statement.data}
          csvUrl={adminMoneyEndpoints.recipientStatementFileUrl(api, cycleId, recipient, 'csv')}
          pdfUrl={adminMoneyEndpoints.recipientStatementFileUrl(api, cycleId, recipient, 'pdf')}
        />
      ) : null}
    </>
  );
}

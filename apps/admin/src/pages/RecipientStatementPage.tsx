// Any recipient's statement of a cycle, as the admin checks it before locking.
import type { RecipientKind } from '@zamio/contracts';
import { adminMoneyEndpoints } from '@zamio/api-client';
import { StatementPageBody, useApiClient } from '@zamio/ui';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
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
    <StatementPageBody
      statement={statement}
      back={{ to: `/cycles/${cycleId}`, label: statement.data?.cycle.name ?? 'Cycle' }}
      heading={(loaded) => `Statement — ${loaded.recipient.name}`}
      csvUrl={adminMoneyEndpoints.recipientStatementFileUrl(api, cycleId, recipient, 'csv')}
      pdfUrl={adminMoneyEndpoints.recipientStatementFileUrl(api, cycleId, recipient, 'pdf')}
    />
  );
}

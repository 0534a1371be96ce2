// Payouts: request one from the available balance, and the history of
// requests (requested → approved → paid, or rejected with the reason).
import { publisherEndpoints } from '@zamio/api-client';
import {
  BalanceSummary,
  Button,
  Card,
  EarnerPayoutsTable,
  ErrorBanner,
  PageLoading,
  PayoutRequestForm,
  useApiClient,
} from '@zamio/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { earningsQueryKey, payoutsQueryKey } from '../publisher-queries';

export default function PayoutsPage() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: earningsQueryKey });
    void queryClient.invalidateQueries({ queryKey: payoutsQueryKey });
  };
  const earnings = useQuery({
    queryKey: earningsQueryKey,
    queryFn: ({ signal }) => publisherEndpoints.earnings(api, signal),
  });
  return (
    <>
      <h1>Payouts</h1>
      <p className="zamio-muted">
        Request money from what your locked cycles earned. An admin approves the request and pays it to your
        mobile money wallet or bank account.
      </p>
      {earnings.isPending ? <PageLoading /> : null}
      {earnings.isError ? (
        <ErrorBanner
          title="Your balance could not be loaded"
          error={earnings.error}
          action={<Button onClick={() => void earnings.refetch()}>Try again</Button>}
        />
      ) : null}
      {earnings.data ? <BalanceSummary balance={earnings.data.balance} /> : null}
      <Card title="Request a payout">
        <PayoutRequestForm
          role="publisher"
          availableMinor={earnings.data?.balance.availableMinor}
          onRequested={refresh}
          onRefused={refresh}
        />
      </Card>
      <EarnerPayoutsTable role="publisher" queryKey={payoutsQueryKey} caption="Payout history" />
    </>
  );
}

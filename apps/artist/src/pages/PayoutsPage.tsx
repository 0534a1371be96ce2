// Payouts for a self-published artist: the available balance, a request
// (checked against the balance in words; the server decides for certain,
// under a lock, so racing requests never overdraw) and the history. An artist
// signed to a publisher is paid through the publisher instead.
import { artistMoneyEndpoints } from '../money/artist-money-endpoints';
import {
  BalanceSummary,
  Card,
  EarnerPayoutsTable,
  ErrorBanner,
  PageLoading,
  PayoutRequestForm,
  formatDateTime,
  useApiClient,
} from '@zamio/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { earningsQueryKey, payoutsQueryKey, publisherRelationshipsQueryKey } from '../money/money-queries';
import { activePublisherOf } from '../money/money-rules';

export default function PayoutsPage() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: payoutsQueryKey });
    void queryClient.invalidateQueries({ queryKey: earningsQueryKey });
  };
  const earnings = useQuery({
    queryKey: earningsQueryKey,
    queryFn: ({ signal }) => artistMoneyEndpoints.earnings(api, signal),
  });
  const relationships = useQuery({
    queryKey: publisherRelationshipsQueryKey,
    queryFn: ({ signal }) => artistMoneyEndpoints.publisherRelationships(api, signal),
  });
  const publisher = relationships.data ? activePublisherOf(relationships.data) : undefined;

  return (
    <>
      <div className="zamio-page-head">
        <h1>Payouts</h1>
      </div>
      {earnings.isPending || relationships.isPending ? <PageLoading /> : null}
      {earnings.isError ? (
        <ErrorBanner title="Your balance could not be loaded" error={earnings.error} />
      ) : null}
      {relationships.isError ? (
        <ErrorBanner title="Your publisher could not be looked up" error={relationships.error} />
      ) : null}
      {earnings.data ? <BalanceSummary balance={earnings.data.balance} /> : null}
      {publisher ? (
        <div className="zamio-notice" role="status" data-testid="payout-through-publisher">
          <p className="zamio-notice__title">You are paid through {publisher.publisherName}</p>
          <p>
            Since {formatDateTime(publisher.effectiveFrom)} your plays are paid to your publisher, who pays
            you your part outside ZamIO. Payouts you earned as a self-published artist before that stay here.
          </p>
        </div>
      ) : null}
      {earnings.data && relationships.data && (!publisher || earnings.data.balance.availableMinor > 0) ? (
        <Card title="Request a payout">
          <PayoutRequestForm
            role="artist"
            availableMinor={earnings.data.balance.availableMinor}
            onRequested={refresh}
            onRefused={refresh}
          />
        </Card>
      ) : null}
      <EarnerPayoutsTable role="artist" queryKey={payoutsQueryKey} />
    </>
  );
}

// The publisher's dashboard: the roster at a glance (signed, pending), the
// balance, the latest cycle, and the way to the pages behind them.
import { publisherEndpoints } from '@zamio/api-client';
import {
  Card,
  ErrorBanner,
  RoleHomePage,
  availableToPayOut,
  buttonClassName,
  formatCount,
  formatGhs,
  useApiClient,
} from '@zamio/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { earningsQueryKey, rosterQueryKey } from '../publisher-queries';

export default function HomePage() {
  const api = useApiClient();
  const roster = useQuery({
    queryKey: rosterQueryKey,
    queryFn: ({ signal }) => publisherEndpoints.roster(api, signal),
  });
  const earnings = useQuery({
    queryKey: earningsQueryKey,
    queryFn: ({ signal }) => publisherEndpoints.earnings(api, signal),
  });
  const signed = roster.data?.filter((rel) => rel.status === 'active').length;
  const pending = roster.data?.filter((rel) => rel.status === 'invited').length;
  const latest = earnings.data?.cycles[0];

  return (
    <RoleHomePage heading="Publisher dashboard">
      <p>Manage the artists signed to you and follow the royalties paid through you.</p>
      {roster.isError ? <ErrorBanner title="The roster could not be loaded" error={roster.error} /> : null}
      {earnings.isError ? <ErrorBanner title="Earnings could not be loaded" error={earnings.error} /> : null}
      <div className="zamio-grid" data-testid="publisher-summary">
        <Card title="Roster">
          <dl className="zamio-facts">
            <dt>Signed artists</dt>
            <dd data-testid="summary-signed">{signed === undefined ? '…' : formatCount(signed)}</dd>
            <dt>Invitations pending</dt>
            <dd data-testid="summary-pending">{pending === undefined ? '…' : formatCount(pending)}</dd>
          </dl>
          <div className="zamio-button-row">
            <Link to="/roster" className={buttonClassName({ variant: 'primary' })}>
              Invite an artist
            </Link>
            <Link to="/catalog" className={buttonClassName()}>
              Catalog
            </Link>
          </div>
        </Card>
        <Card title="Money">
          <dl className="zamio-facts">
            <dt>Available to pay out</dt>
            <dd data-testid="summary-available">
              {earnings.data ? formatGhs(availableToPayOut(earnings.data.balance)) : '…'}
            </dd>
            <dt>Latest cycle</dt>
            <dd>
              {latest
                ? `${latest.cycleName}: ${formatGhs(latest.amountMinor)}`
                : earnings.data
                  ? 'None yet'
                  : '…'}
            </dd>
          </dl>
          <div className="zamio-button-row">
            <Link to="/earnings" className={buttonClassName()}>
              Earnings
            </Link>
            <Link to="/payouts" className={buttonClassName()}>
              Payouts
            </Link>
          </div>
        </Card>
      </div>
    </RoleHomePage>
  );
}

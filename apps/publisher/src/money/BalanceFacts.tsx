// The publisher's balance: earned in locked cycles, held by disputes, still in
// open cycles, already requested or paid out, and what can be requested now
// (earned − requested or paid).
import type { Earnings } from '@zamio/contracts';
import { formatGhs } from '@zamio/ui';

export function BalanceFacts({ balance }: { balance: Earnings['balance'] }) {
  return (
    <>
      <dl className="zamio-facts" data-testid="balance">
        <dt>Available to request</dt>
        <dd data-testid="balance-available">
          <strong>{formatGhs(Math.max(0, balance.availableMinor))}</strong>
        </dd>
        <dt>Earned (locked cycles)</dt>
        <dd>{formatGhs(balance.earnedMinor)}</dd>
        <dt>Held by open disputes</dt>
        <dd>{formatGhs(balance.heldMinor)}</dd>
        <dt>In cycles not locked yet</dt>
        <dd>{formatGhs(balance.pendingMinor)}</dd>
        <dt>Requested or paid out</dt>
        <dd>{formatGhs(balance.committedMinor)}</dd>
      </dl>
      {balance.availableMinor < 0 ? (
        <p className="zamio-notice zamio-notice--warn" data-testid="balance-overcommitted">
          Open disputes now hold {formatGhs(-balance.availableMinor)} more than is left after your payout
          requests.
        </p>
      ) : null}
    </>
  );
}

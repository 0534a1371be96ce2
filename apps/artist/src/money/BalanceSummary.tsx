// The earner's balance: what is available to pay out and where the rest is.
import type { Earnings } from '@zamio/contracts';
import { formatGhs } from '@zamio/ui';

export function BalanceSummary({ balance }: { balance: Earnings['balance'] }) {
  return (
    <dl className="zamio-summary" data-testid="balance-summary">
      <div>
        <dt>Available to pay out</dt>
        <dd data-testid="balance-available">{formatGhs(balance.availableMinor)}</dd>
      </div>
      <div>
        <dt>Earned (locked cycles)</dt>
        <dd>{formatGhs(balance.earnedMinor)}</dd>
      </div>
      <div>
        <dt>Held by disputes</dt>
        <dd>{formatGhs(balance.heldMinor)}</dd>
      </div>
      <div>
        <dt>Not locked yet</dt>
        <dd>{formatGhs(balance.pendingMinor)}</dd>
      </div>
      <div>
        <dt>Paid or requested</dt>
        <dd>{formatGhs(balance.committedMinor)}</dd>
      </div>
    </dl>
  );
}

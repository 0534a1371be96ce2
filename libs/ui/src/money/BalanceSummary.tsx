// An earner's balance (artist or publisher): what can be paid out now and
// where the rest of the money is. A negative available balance (a dispute
// raised after a payout request) shows as GHS 0.00 with a notice saying how
// much the disputes hold beyond it and how it clears.
import { formatGhs } from '../format/money';
import { availableToPayOut, shortfallOf, type Balance } from './balance-rules';

/** An amount for a tile: "GHS" and the number may go on two lines in a narrow tile. */
const tileAmount = (pesewas: number) => formatGhs(pesewas).replace('\u00a0', ' ');

export function BalanceSummary({ balance }: { balance: Balance }) {
  const shortfall = shortfallOf(balance);
  return (
    <div className="zamio-stack" data-testid="balance">
      <dl className="zamio-summary" data-testid="balance-summary">
        <div>
          <dt>Available to pay out</dt>
          <dd data-testid="balance-available">{tileAmount(availableToPayOut(balance))}</dd>
        </div>
        <div>
          <dt>Earned (locked cycles)</dt>
          <dd>{tileAmount(balance.earnedMinor)}</dd>
        </div>
        <div>
          <dt>Held by open disputes</dt>
          <dd>{tileAmount(balance.heldMinor)}</dd>
        </div>
        <div>
          <dt>In cycles not locked yet</dt>
          <dd>{tileAmount(balance.pendingMinor)}</dd>
        </div>
        <div>
          <dt>Paid out or requested</dt>
          <dd>{tileAmount(balance.committedMinor)}</dd>
        </div>
      </dl>
      {shortfall > 0 ? (
        <div className="zamio-notice zamio-notice--warn" role="status" data-testid="balance-overcommitted">
          <p className="zamio-notice__title">
            Nothing can be paid out until {formatGhs(shortfall)} is covered
          </p>
          <p>
            Disputes raised after your payout requests hold {formatGhs(shortfall)} more than is left of your
            earnings. Your next earnings cover it first; if an admin rejects a dispute, its amount comes back.
          </p>
        </div>
      ) : null}
    </div>
  );
}

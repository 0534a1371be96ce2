// The publisher's disputes, newest first, by state: open (royalties held),
// upheld (reversed) or rejected (released), with the admin's note.
import { EarnerDisputesTable, buttonClassName } from '@zamio/ui';
import { Link } from 'react-router';
import { disputesQueryKey } from '../publisher-queries';

export default function DisputesPage() {
  return (
    <>
      <h1>Disputes</h1>
      <p className="zamio-muted">
        Plays you disputed. While a dispute is open its royalties are held from statements; an admin upholds
        it (the amount is reversed) or rejects it (the amount is released). Dispute a play from the{' '}
        <Link to="/plays">Plays</Link> page.
      </p>
      <EarnerDisputesTable
        role="publisher"
        queryKey={disputesQueryKey}
        empty={
          <>
            No disputes.{' '}
            <Link to="/plays" className={buttonClassName({ size: 'sm', variant: 'ghost' })}>
              Go to plays
            </Link>
          </>
        }
      />
    </>
  );
}

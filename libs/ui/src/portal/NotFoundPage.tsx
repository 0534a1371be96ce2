import { Link } from 'react-router';
import { EmptyState } from '../components/EmptyState';

export function NotFoundPage() {
  return (
    <>
      <h1>Page not found</h1>
      <EmptyState title="There is no page at this address.">
        <p>
          <Link to="/">Go to the home page</Link>
        </p>
      </EmptyState>
    </>
  );
}

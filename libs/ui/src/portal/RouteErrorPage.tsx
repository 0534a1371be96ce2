import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Button } from '../components/Button';
import { ErrorBanner } from '../components/ErrorBanner';

// Browsers word a failed dynamic import differently; all mean "that chunk is gone".
const CHUNK_LOAD_FAILURE = /dynamically imported module|Importing a module script failed|Failed to fetch/i;

/**
 * Shown when a page throws. After a deploy, old hashed chunks no longer exist, so
 * a tab opened before the deploy fails to load pages: offer a reload for that case.
 */
export function RouteErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    return (
      <ErrorBanner
        title={`${error.status} ${error.statusText}`}
        error={new Error(String(error.data ?? 'The page could not be loaded'))}
      />
    );
  }
  const staleChunk = error instanceof Error && CHUNK_LOAD_FAILURE.test(error.message);
  return (
    <ErrorBanner
      title={staleChunk ? 'A new version of this portal is available' : 'This page failed to load'}
      error={staleChunk ? new Error('Reload to continue with the latest version.') : error}
      action={
        <Button variant="primary" onClick={() => globalThis.location.reload()}>
          Reload
        </Button>
      }
    />
  );
}

import { isApiError } from '@zamio/api-client';
import type { ReactNode } from 'react';

export interface ErrorBannerProps {
  title?: ReactNode;
  error: unknown;
  /** Optional recovery action, e.g. a retry button. */
  action?: ReactNode;
}

/**
 * An alert for a failed operation. For API errors it shows the request id, so a
 * user can quote it and support can find the matching server log line.
 */
export function ErrorBanner({ title = 'Something went wrong', error, action }: ErrorBannerProps) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="zamio-error" role="alert">
      <p className="zamio-error__title">{title}</p>
      <p>{message}</p>
      {isApiError(error) && error.requestId ? (
        <p className="zamio-muted">
          Request id: <code>{error.requestId}</code>
        </p>
      ) : null}
      {action}
    </div>
  );
}

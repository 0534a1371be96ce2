import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { RoleName } from '@zamio/contracts';
import { useApiClient } from '../api/api-client-context';
import { ErrorBanner } from '../components/ErrorBanner';
import { PageLoading } from '../components/PageLoading';
import { LoginPage } from './LoginPage';
import { AuthLayout } from './AuthLayout';
import { Button } from '../components/Button';
import { SessionContext } from './session-context';
import { withArticle } from '../format/numbers';
import { fetchSession, sessionQueryKey, signOut } from './session-queries';

export interface SessionGateProps {
  productName: string;
  roleLabel: string;
  /** The one role this portal serves. */
  role: RoleName;
  /** Linked from the sign-in page when the portal has self-service sign-up. */
  signUpPath?: string;
  children: ReactNode;
}

/** Shows the sign-in page until a user of this portal's role is signed in. */
export function SessionGate({ productName, roleLabel, role, signUpPath, children }: SessionGateProps) {
  const api = useApiClient();
  const queryClient = useQueryClient();
  const session = useQuery({
    queryKey: sessionQueryKey,
    queryFn: () => fetchSession(api),
    staleTime: 60_000,
    retry: false,
  });

  if (session.isPending) return <PageLoading />;
  if (session.isError)
    return (
      <AuthLayout title={`${productName} · ${roleLabel}`} data-testid="session-error">
        <ErrorBanner
          title="The server could not be reached"
          error={session.error}
          action={
            <Button variant="primary" loading={session.isFetching} onClick={() => void session.refetch()}>
              Try again
            </Button>
          }
        />
      </AuthLayout>
    );

  const end = async () => {
    await signOut(api);
    // Drop the user's cached data but keep the session query itself: the gate
    // observes it, and setting it to null shows the sign-in page.
    queryClient.setQueryData(sessionQueryKey, null);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
  };

  if (!session.data) {
    return (
      <LoginPage
        productName={productName}
        roleLabel={roleLabel}
        {...(signUpPath ? { signUpPath } : {})}
        onSignedIn={(info) => queryClient.setQueryData(sessionQueryKey, info)}
      />
    );
  }
  if (session.data.user.role !== role) {
    return (
      <AuthLayout title={`This is the ${roleLabel} portal`} data-testid="wrong-portal">
        <ErrorBanner
          title="Wrong portal for this account"
          error={
            new Error(
              `${session.data.user.email} is ${withArticle(session.data.user.role)} account. Sign out and use the right portal.`,
            )
          }
        />
        <Button variant="primary" block onClick={() => void end()}>
          Sign out
        </Button>
      </AuthLayout>
    );
  }
  return (
    <SessionContext.Provider value={{ session: session.data, signOut: end }}>
      {children}
    </SessionContext.Provider>
  );
}

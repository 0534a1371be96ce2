import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { AppShell } from '../layout/AppShell';
import { PageLoading } from '../components/PageLoading';
import { SIGN_UP_PATH, navigationOf, type PortalDefinition } from './portal-definition';
import { SessionGate } from '../auth/SessionGate';
import { AccountMenu } from '../auth/AccountMenu';
import { LiveUpdatesProvider } from '../live/LiveUpdatesProvider';

/**
 * The shell around every route, behind the sign-in gate; Suspense sits inside
 * it so the shell stays while a page chunk loads.
 */
export function PortalLayout({ definition }: { definition: PortalDefinition }) {
  return (
    <SessionGate
      productName={definition.productName}
      roleLabel={definition.roleLabel}
      role={definition.role}
      {...(definition.selfSignUp ? { signUpPath: SIGN_UP_PATH } : {})}
    >
      <LiveUpdatesProvider>
        <AppShell
          productName={definition.productName}
          roleLabel={definition.roleLabel}
          navigation={navigationOf(definition)}
          account={<AccountMenu />}
        >
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </AppShell>
      </LiveUpdatesProvider>
    </SessionGate>
  );
}

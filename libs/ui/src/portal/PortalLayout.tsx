import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { AppShell } from '../layout/AppShell';
import { PageLoading } from '../components/PageLoading';
import { navigationOf, type PortalDefinition } from './portal-definition';
import { SessionGate } from '../auth/SessionGate';
import { AccountMenu } from '../auth/AccountMenu';

/**
 * The shell around every route, behind the sign-in gate; Suspense sits inside
 * it so the shell stays while a page chunk loads.
 */
export function PortalLayout({ definition }: { definition: PortalDefinition }) {
  return (
    <SessionGate productName={definition.productName} roleLabel={definition.roleLabel} role={definition.role}>
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
    </SessionGate>
  );
}

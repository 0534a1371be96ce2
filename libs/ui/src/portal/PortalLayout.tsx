import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { AppShell } from '../layout/AppShell';
import { PageLoading } from '../components/PageLoading';
import { navigationOf, type PortalDefinition } from './portal-definition';

/** The shell around every route; Suspense sits inside it so the shell stays while a page chunk loads. */
export function PortalLayout({ definition }: { definition: PortalDefinition }) {
  return (
    <AppShell productName={definition.productName} roleLabel={definition.roleLabel} navigation={navigationOf(definition)}>
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    </AppShell>
  );
}

// The admin portal: its role label and its pages, in navigation order.
// Each page is loaded on first visit, so every page is its own chunk.
import type { PortalDefinition } from '@zamio/ui';

export const adminPortal: PortalDefinition = {
  productName: 'ZamIO',
  roleLabel: 'Admin',
  role: 'admin',
  pages: [
    { to: '/', label: 'Home', load: () => import('./pages/HomePage') },
    { to: '/users', label: 'Users', load: () => import('./pages/UsersPage') },
    { to: '/stations', label: 'Stations', load: () => import('./pages/StationsPage') },
    { to: '/rate-table', label: 'Rate table', load: () => import('./pages/RateTablePage') },
    { to: '/cycles', label: 'Cycles', load: () => import('./pages/CyclesPage') },
    { to: '/cycles/:id', label: 'Cycle', hidden: true, load: () => import('./pages/CyclePage') },
    {
      to: '/cycles/:id/statements/:kind/:accountId',
      label: 'Statement',
      hidden: true,
      load: () => import('./pages/RecipientStatementPage'),
    },
    { to: '/disputes', label: 'Disputes', load: () => import('./pages/DisputesPage') },
    { to: '/payouts', label: 'Payouts', load: () => import('./pages/PayoutsPage') },
    { to: '/audit', label: 'Audit log', load: () => import('./pages/AuditPage') },
    { to: '/system', label: 'System status', load: () => import('./pages/SystemPage') },
    // The component gallery exists in development builds only (dropped from production bundles).
    ...(import.meta.env.DEV
      ? [{ to: '/ui-kit', label: 'UI kit', load: () => import('./pages/UiKitPage') }]
      : []),
  ],
};

// The publisher portal: its role label and its pages, in navigation order.
// Each page is loaded on first visit, so every page is its own chunk.
import type { PortalDefinition } from '@zamio/ui';

export const publisherPortal: PortalDefinition = {
  productName: 'ZamIO',
  roleLabel: 'Publisher',
  role: 'publisher',
  selfSignUp: true,
  pages: [
    { to: '/', label: 'Home', load: () => import('./pages/HomePage') },
    { to: '/roster', label: 'Roster', load: () => import('./pages/RosterPage') },
    { to: '/catalog', label: 'Catalog', load: () => import('./pages/CatalogPage') },
    { to: '/plays', label: 'Plays', load: () => import('./pages/PlaysPage') },
    { to: '/earnings', label: 'Earnings', load: () => import('./pages/EarningsPage') },
    { to: '/statements', label: 'Statements', load: () => import('./pages/StatementsPage') },
    { to: '/disputes', label: 'Disputes', load: () => import('./pages/DisputesPage') },
    { to: '/payouts', label: 'Payouts', load: () => import('./pages/PayoutsPage') },
    { to: '/system', label: 'System', load: () => import('./pages/SystemPage') },
  ],
};
